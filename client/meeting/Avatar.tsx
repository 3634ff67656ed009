// A participant's initials on their colour: decoration only, the name is always given in text beside or for it.

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

export function Avatar({ name, color, small = false }: { readonly name: string; readonly color: string; readonly small?: boolean }) {
  return (
    <span
      className={small ? 'avatar avatar--small' : 'avatar'}
      style={{ backgroundColor: HEX_COLOR.test(color) ? color : '#4b5563' }}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}
