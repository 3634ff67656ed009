// What the PDF standard fonts (Helvetica, Courier) can show: their faces, and text folded into their WinAnsi character set.

export const FONT = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
  mono: 'Courier',
} as const;

export function faceOf(bold: boolean, italic: boolean): string {
  if (bold) return italic ? FONT.boldItalic : FONT.bold;
  return italic ? FONT.italic : FONT.regular;
}

// WinAnsi's characters outside Latin-1, by code point (the same table pdfkit encodes with).
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e,
  0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const LOOKALIKES: Readonly<Record<string, string>> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-', '\u2015': '—',
  '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200a': ' ', '\u202f': ' ', '\u2007': ' ', '\u2008': ' ', '\u2060': '', '\u200b': '', '\u200d': '', '\ufeff': '',
  '\u2264': '<=', '\u2265': '>=', '\u2260': '!=', '\u2192': '->', '\u2190': '<-', '\u2248': '~', '\u2713': 'v', '\u2714': 'v', '\u25cf': '•', '\u25e6': '•',
  '\u2032': "'", '\u2033': '"', '\u201b': '‘', '\u201f': '“',
};

function encodable(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || codePoint === 0x0a || WIN_ANSI_EXTRA.has(codePoint);
}

/**
 * Text the standard fonts can draw. Fonts are never loaded from anywhere, so a letter outside WinAnsi is shown by its
 * base letter where it has one ("ạ" → "a") and as "?" otherwise; pdfkit would otherwise write bytes no reader decodes.
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/\t/g, '    ')) {
    const codePoint = char.codePointAt(0) ?? 0x3f;
    if (encodable(codePoint)) out += char;
    else if (LOOKALIKES[char] !== undefined) out += LOOKALIKES[char];
    else {
      const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && Array.from(base).every((each) => encodable(each.codePointAt(0) ?? 0)) ? base : '?';
    }
  }
  return out;
}
