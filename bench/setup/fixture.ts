// A workload's fixture: its plans created once in a scratch directory, plus the stored bytes of every doc.

import fs from 'node:fs';
import path from 'node:path';
import type { Fixture } from '../contenders/contender';
import { type BenchPlan, createBenchPlans, readPlanContent } from './bench-plans';

export function prepareFixture(root: string, name: string, plans: number, build?: (dataDir: string, created: readonly BenchPlan[]) => void): Fixture {
  const workDir = fs.mkdtempSync(path.join(root, `${name}-`));
  const concordDataDir = path.join(workDir, 'concord-template');
  const created = createBenchPlans(concordDataDir, plans);
  build?.(concordDataDir, created);
  return { plans: created, concordDataDir, content: readPlanContent(concordDataDir, created), workDir };
}

let copies = 0;

/** A fresh copy of the fixture's Concord DATA_DIR, so every server start sees the same untouched plans. */
export function copyDataDir(fixture: Fixture): string {
  const target = path.join(fixture.workDir, `concord-run-${++copies}`);
  fs.cpSync(fixture.concordDataDir, target, { recursive: true });
  return target;
}
