// Export benchmark: a ~30-page IEP (the demo, grown with realistic prose, goals and services) exported 20 times per format over HTTP.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createServer } from '../server/app';
import { readConfig } from '../server/config';
import { ensureDemo } from '../server/demo/seed-demo';
import { EXPORT_FORMATS } from '../server/export/formats';
import { makeRow, richTextOf, rowsOf } from '../shared/schema/section-doc';
import { applicableSections } from '../shared/template/applicability';
import { templateOf } from '../shared/template/index';
import type { TablePart } from '../shared/template/types';
import { iepText } from './load/iep-text';
import { percentile } from './metrics/stats';

const RUNS = 20;
const PARAGRAPHS_PER_PART = 8;
const ROWS_PER_TABLE = 14;

/** A paragraph of three IEP sentences, the middle one in bold, as the editor stores it (formatted text is typed once in the doc). */
function appendParagraph(fragment: Y.XmlFragment, text: Generator<string>): void {
  const run = new Y.XmlText();
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [run]);
  fragment.push([element]);
  run.insert(0, `${text.next().value} `);
  run.insert(run.length, `${text.next().value} `, { bold: {} });
  run.insert(run.length, `${text.next().value}`);
}

function bulletList(text: Generator<string>, items: number): Y.XmlElement {
  const list = new Y.XmlElement('bulletList');
  for (let i = 0; i < items; i++) {
    const item = new Y.XmlElement('listItem');
    const inner = new Y.XmlElement('paragraph');
    inner.insert(0, [new Y.XmlText(`${text.next().value}`)]);
    item.insert(0, [inner]);
    list.insert(i, [item]);
  }
  return list;
}

/** Every column of a row filled: prose columns with a sentence or two, short columns with a few words. */
function rowValues(part: TablePart, text: Generator<string>, index: number): Record<string, string> {
  const values: Record<string, string> = {};
  for (const column of part.columns) {
    if (column.type === 'longtext') values[column.id] = `${text.next().value} ${text.next().value}`;
    else if (column.type === 'text') values[column.id] = `${text.next().value}`.split(' ').slice(0, 5).join(' ');
    else if (column.type === 'date') values[column.id] = `2027-0${(index % 9) + 1}-15`;
    else values[column.id] = column.options?.[index % column.options.length]?.value ?? '';
  }
  return values;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-export-bench-'));
  const concord = createServer(readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CONCORD_DEMO: '0' }));
  const url = `http://127.0.0.1:${await concord.listen()}`;
  try {
    const parent = ensureDemo(concord.context, url).find((link) => /parent/i.test(link.roles));
    const plan = concord.context.plans.demo();
    if (!parent || !plan) throw new Error('no demo plan');
    const text = iepText(0);
    for (const section of applicableSections(templateOf(plan.template), plan.facts)) {
      concord.context.rooms.writeAsServer(plan.id, section.id, (doc) => {
        for (const part of section.parts) {
          if (part.kind === 'richtext') {
            const fragment = richTextOf(doc, part);
            for (let i = 0; i < PARAGRAPHS_PER_PART; i++) appendParagraph(fragment, text);
            fragment.push([bulletList(text, 4)]);
          } else if (part.kind === 'table') {
            rowsOf(doc, part).push(Array.from({ length: ROWS_PER_TABLE }, (_, i) => makeRow(part, `bench-${part.id}-${i}`, rowValues(part, text, i))));
          }
        }
      });
    }

    const signIn = await fetch(parent.url, { redirect: 'manual' });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    console.log(`Export benchmark: ${RUNS} exports per format of the demo IEP grown to a long plan (Node ${process.version})`);
    for (const format of EXPORT_FORMATS) {
      const times: number[] = [];
      // While a copy renders, this server's live editing waits: the longest stall is the number that matters to a meeting.
      const stall = monitorEventLoopDelay({ resolution: 5 });
      // One export first, not counted: the first one also loads font metrics and compiles the renderer.
      await (await fetch(`${url}/api/ieps/${plan.id}/export.${format}`, { headers: { cookie } })).arrayBuffer();
      stall.enable();
      let bytes = 0;
      let pages = 0;
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        const response = await fetch(`${url}/api/ieps/${plan.id}/export.${format}`, { headers: { cookie } });
        const body = Buffer.from(await response.arrayBuffer());
        times.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${format}: ${response.status} ${body.toString()}`);
        bytes = body.length;
        if (format === 'pdf') pages = body.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
      }
      stall.disable();
      const sorted = times.sort((a, b) => a - b);
      const size = `${(bytes / 1024).toFixed(0)} KiB${pages ? `, ${pages} pages` : ''}`;
      const longestStall = (stall.max / 1e6).toFixed(0).padStart(5);
      console.log(`${format.padEnd(5)} p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(sorted, 95).toFixed(0).padStart(5)} ms   longest event-loop stall ${longestStall} ms   (${size})`);
    }
  } finally {
    await concord.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
