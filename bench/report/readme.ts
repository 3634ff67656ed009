// Keeps the README's benchmark section equal to the latest complete run: every performance claim there comes from here.

import fs from 'node:fs';
import path from 'node:path';
import type { RunHeader } from './header';
import { formatHeader } from './header';
import { formatRatioTable, type Row } from './table';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Replaces the README's section between the bench markers; false if the README has no such section. */
export function writeReadmeTable(root: string, header: RunHeader, rows: readonly Row[], resultsFile: string, noise: string): boolean {
  const readme = path.join(root, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return false;
  const section = [
    START,
    '```',
    formatHeader(header),
    '',
    formatRatioTable(rows),
    noise,
    '```',
    `Raw results: \`${path.relative(root, resultsFile)}\`.`,
    END,
  ].join('\n');
  fs.writeFileSync(readme, `${text.slice(0, start)}${section}${text.slice(end + END.length)}`);
  return true;
}
