// `npm run bench [-- --full | --smoke] [--only=meeting,ramp,cpu-pairs,cold,resync] [--contenders=concord,reference,hocuspocus]
//   [--steps=50,100] [--step-seconds=60] [--cpu-prof[=meetings]] [--data-root=/dev/shm]`
// Runs the workloads against Concord, the reference server and Hocuspocus, prints Concord / reference (and Concord /
// Hocuspocus) ratios per metric and writes the raw results to bench/results/<timestamp>.json. Every server started is
// stopped, also on failure and Ctrl-C.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext } from './context';
import { concord } from './contenders/concord';
import type { Contender } from './contenders/contender';
import { hocuspocus } from './contenders/hocuspocus';
import { reference } from './contenders/reference';
import { killAllServersNow, ROOT, stopAllServers } from './contenders/server-process';
import { formatProfileSummary } from './metrics/cpu-profile-summary';
import { ForeignCpu } from './metrics/proc-stats';
import { FULL, QUICK, SMOKE } from './profiles';
import { formatHeader, runHeader } from './report/header';
import { writeReadmeTable } from './report/readme';
import { type BenchResults, formatNoise, formatRampTable, formatRatioTable, ratioRows } from './report/table';
import { coldLoadWorkload } from './workloads/cold-load';
import { type CpuProfileResult, cpuProfileWorkload } from './workloads/cpu-profile';
import { cpuPairsWorkload } from './workloads/cpu-pairs';
import { districtRampWorkload } from './workloads/district-ramp';
import { meetingWorkload } from './workloads/meeting';
import { resyncWorkload } from './workloads/resync';

const GENERATOR_CORE = 1;
const WORKLOADS = ['meeting', 'ramp', 'cpu-pairs', 'cold', 'resync'] as const;
type WorkloadName = (typeof WORKLOADS)[number];

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const chosen = process.argv.includes('--full') ? FULL : process.argv.includes('--smoke') ? SMOKE : QUICK;
// `--steps=300,500`: probe the ramp at chosen sizes (such a run never rewrites the README's table).
const steps = option('steps')?.split(',').map(Number);
if (steps?.some((each) => !Number.isInteger(each) || each < 1)) throw new Error(`--steps wants meeting counts, got ${option('steps')}`);
const stepSeconds = option('step-seconds') ? Number(option('step-seconds')) : undefined;
const profile =
  steps || stepSeconds ? { ...chosen, ramp: { ...chosen.ramp, steps: steps ?? chosen.ramp.steps, stepSeconds: stepSeconds ?? chosen.ramp.stepSeconds } } : chosen;
const only = (option('only')?.split(',') ?? [...WORKLOADS]) as WorkloadName[];
const ALL_CONTENDERS: readonly Contender[] = [concord, reference, hocuspocus];
const contenders: Contender[] = (option('contenders')?.split(',') ?? ALL_CONTENDERS.map((each) => each.name)).map((name) => {
  const contender = ALL_CONTENDERS.find((each) => each.name === name);
  if (!contender) throw new Error(`unknown contender ${name}`);
  return contender;
});

// The generator (this process and its threads) on its own core; servers are started with taskset -c 0.
try {
  execFileSync('taskset', ['-a', '-p', '-c', String(GENERATOR_CORE), String(process.pid)], { stdio: 'ignore' });
} catch {
  console.warn(`could not pin the generator to core ${GENERATOR_CORE}: results may be skewed`);
}

// Where the servers' data lives: the system temp dir (a real disk here, so Concord's fsync per update is paid) unless told.
const dataRoot = option('data-root') ?? os.tmpdir();
const root = fs.mkdtempSync(path.join(dataRoot, 'concord-bench-'));
const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const context: BenchContext = { root, profile, contenders, log };

let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await stopAllServers();
  fs.rmSync(root, { recursive: true, force: true });
}
process.on('exit', () => {
  killAllServersNow();
  if (!cleaned) fs.rmSync(root, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// Other work on this machine competes for the two cores; say so up front (and every window records it).
const idleCheck = new ForeignCpu(null);
await new Promise((resolve) => setTimeout(resolve, 2_000));
const foreignAtStart = idleCheck.cores();
const header = { ...runHeader(profile.name), foreignCpuCoresAtStart: foreignAtStart };
console.log(formatHeader(header));
console.log(`contenders: ${contenders.map((each) => `${each.name} = ${each.description}`).join('; ')}`);
console.log(`data under ${dataRoot}`);
console.log(
  foreignAtStart > 0.1
    ? `WARNING: other processes are using ${foreignAtStart} cores of this machine; latency and CPU figures will be skewed.\n`
    : `other processes use ${foreignAtStart} cores: the machine is quiet.\n`,
);

const results: BenchResults = { errors: {} };
let cpuProfile: CpuProfileResult | null = null;
try {
  const runs: Record<WorkloadName, () => Promise<void>> = {
    meeting: async () => {
      results.meeting = await meetingWorkload(context);
    },
    ramp: async () => {
      results.ramp = await districtRampWorkload(context);
    },
    'cpu-pairs': async () => {
      results.paired = await cpuPairsWorkload(context);
    },
    cold: async () => {
      results.coldLoad = await coldLoadWorkload(context);
    },
    resync: async () => {
      results.resync = await resyncWorkload(context);
    },
  };
  for (const name of WORKLOADS) {
    if (!only.includes(name)) continue;
    try {
      await runs[name]();
    } catch (error) {
      results.errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`${name} failed: ${results.errors[name]}`);
      await stopAllServers();
    }
  }
  if (process.argv.some((arg) => arg === '--cpu-prof' || arg.startsWith('--cpu-prof='))) {
    try {
      cpuProfile = await cpuProfileWorkload(context, Number(option('cpu-prof') ?? 50), profile.ramp.stepSeconds);
      if (cpuProfile.summary) {
        const kept = path.join(ROOT, 'bench/results/profiles', path.basename(cpuProfile.summary.file));
        fs.mkdirSync(path.dirname(kept), { recursive: true });
        fs.copyFileSync(cpuProfile.summary.file, kept);
        cpuProfile = { ...cpuProfile, summary: { ...cpuProfile.summary, file: path.relative(ROOT, kept) } };
      }
    } catch (error) {
      results.errors.cpuProfile = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
  }
} finally {
  await cleanUp();
}

const wallSeconds = Math.round((performance.now() - started) / 100) / 10;
const rows = ratioRows(results);
console.log(`\n${formatHeader(header)}\n`);
console.log(formatRatioTable(rows));
console.log(formatNoise(results));
if (results.ramp) console.log(`\n${formatRampTable(results.ramp)}`);
if (cpuProfile?.summary) console.log(`\n${formatProfileSummary(cpuProfile.summary)}`);
for (const [name, error] of Object.entries(results.errors)) console.log(`\n${name} FAILED: ${error.split('\n')[0]}`);
console.log(`\nwall time ${wallSeconds} s`);

const resultsDir = path.join(ROOT, 'bench/results');
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${header.date.replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, `${JSON.stringify({ header, dataRoot, profile, wallSeconds, table: rows, results, cpuProfile }, null, 2)}\n`);
console.log(`raw results: ${path.relative(ROOT, file)}`);
// Only a complete run of a whole profile speaks for the README; a partial, smoke or failed one stays in bench/results/.
const complete =
  profile === chosen &&
  chosen !== SMOKE &&
  WORKLOADS.every((name) => only.includes(name)) &&
  ALL_CONTENDERS.every((each) => contenders.includes(each)) &&
  Object.keys(results.errors).length === 0;
if (complete && writeReadmeTable(ROOT, header, rows, file, formatNoise(results))) console.log('README.md: benchmark table updated');
process.exit(Object.keys(results.errors).length > 0 ? 1 : 0);
