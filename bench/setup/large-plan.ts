// A large, realistic IEP for the cold-load workload: team members type paragraphs of IEP prose into every rich-text part
// until the whole plan's encoded state reaches the target size. Stored as the server would leave it: a compacted
// snapshot per doc, then a tail of single-keystroke updates not yet compacted.

import * as Y from 'yjs';
import { openDatabase } from '../../server/store/database';
import { DocLog } from '../../server/store/doc-log';
import { DEMO_PLAN } from '../../server/demo/demo-plan';
import { templateOf } from '../../shared/template/index';
import { iepSentences } from '../load/iep-text';
import { prng } from '../load/recorded-typing';
import type { BenchPlan } from './bench-plans';

const WRITERS = [3_000_001, 3_000_002, 3_000_003, 3_000_004];
/** Keystrokes per doc left in the log after the snapshot (the server compacts every 500). */
const TAIL_KEYSTROKES = 250;

interface Target {
  readonly doc: Y.Doc;
  readonly name: string;
  readonly fragment: Y.XmlFragment;
}

function typeParagraph(target: Target, writer: number, sentences: readonly string[], random: () => number): number {
  const { doc, fragment } = target;
  doc.clientID = writer;
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.transact(() => fragment.insert(fragment.length, [paragraph]));
  let transactions = 1;
  for (const word of sentences.join(' ').split(/(?<= )/)) {
    if (random() < 0.04) {
      doc.transact(() => text.insert(text.length, 'teh '));
      doc.transact(() => text.delete(text.length - 4, 4));
      transactions += 2;
    }
    doc.transact(() => text.insert(text.length, word));
    transactions++;
  }
  return transactions;
}

/** Grows the plan's section docs to about `targetBytes` of encoded state in total; returns the final total. */
export function growPlan(dataDir: string, plan: BenchPlan, targetBytes: number): number {
  const db = openDatabase(dataDir);
  try {
    db.pragma('synchronous = OFF');
    const log = new DocLog(db);
    const template = templateOf(DEMO_PLAN.template);
    const docs = new Map<string, Y.Doc>();
    const targets: Target[] = [];
    for (const name of plan.docs) {
      const stored = log.load(plan.id, name);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      docs.set(name, doc);
      const section = template.sections.find((each) => each.id === name);
      for (const part of section?.parts ?? []) if (part.kind === 'richtext') targets.push({ doc, name, fragment: doc.getXmlFragment(part.id) });
    }
    const docTotal = () => [...docs.values()].reduce((sum, doc) => sum + Y.encodeStateAsUpdate(doc).byteLength, 0);
    const tailDocs = new Set(targets.map((target) => target.name)).size;
    const random = prng(42);
    const sentences = iepSentences();
    const bulkTransactions = new Map<string, number>();
    let round = 0;
    while (docTotal() < targetBytes - tailDocs * TAIL_KEYSTROKES) {
      for (let i = 0; i < 25; i++, round++) {
        const target = targets[round % targets.length] as Target;
        const picked = [0, 1, 2].map((k) => sentences[(round * 3 + k) % sentences.length] ?? '');
        const count = typeParagraph(target, WRITERS[round % WRITERS.length] ?? 1, picked, random);
        bulkTransactions.set(target.name, (bulkTransactions.get(target.name) ?? 0) + count);
      }
    }
    // Compact what was typed so far into one snapshot per doc, then type a last paragraph keystroke by keystroke into the log.
    db.transaction(() => {
      for (const [name, doc] of docs) {
        const typed = bulkTransactions.get(name);
        if (typed === undefined) continue;
        const uptoSeq = 1 + typed;
        log.compact(plan.id, name, uptoSeq, Y.encodeStateAsUpdate(doc));
        const target = targets.find((each) => each.name === name) as Target;
        const tail: Uint8Array[] = [];
        const capture = (update: Uint8Array) => tail.push(update);
        doc.on('update', capture);
        doc.clientID = WRITERS[0] ?? 1;
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        doc.transact(() => target.fragment.insert(target.fragment.length, [paragraph]));
        const line = sentences.join(' ');
        for (let k = 0; tail.length < TAIL_KEYSTROKES; k++) doc.transact(() => text.insert(text.length, line[k % line.length] ?? ' '));
        doc.off('update', capture);
        for (const [index, update] of tail.entries()) log.append(plan.id, name, uptoSeq + 1 + index, update);
      }
    })();
    return docTotal();
  } finally {
    db.close();
  }
}
