// The printed result: Concord / reference per metric with the targets, Hocuspocus beside them (its value and
// Concord / Hocuspocus), and the ramp step by step.

import type { ContenderName } from '../contenders/contender';
import type { ColdLoadResult } from '../workloads/cold-load';
import type { PairedResult } from '../workloads/cpu-pairs';
import type { RampResult, RampStep } from '../workloads/district-ramp';
import type { MeetingResult } from '../workloads/meeting';
import type { ResyncResult } from '../workloads/resync';

type ByContender<T> = Partial<Record<ContenderName, T>>;

export interface BenchResults {
  meeting?: ByContender<MeetingResult>;
  ramp?: ByContender<RampResult>;
  paired?: ByContender<PairedResult>;
  coldLoad?: ByContender<ColdLoadResult>;
  resync?: ByContender<ResyncResult>;
  errors: Record<string, string>;
}

export interface Row {
  readonly metric: string;
  readonly unit: string;
  readonly concord: number | null;
  readonly reference: number | null;
  /** Concord / reference. */
  readonly ratio: number | null;
  readonly hocuspocus: number | null;
  /** Concord / Hocuspocus. */
  readonly hocuspocusRatio: number | null;
  /** Against the reference, as the issue sets it. */
  readonly target: string;
  /** Whether Concord meets the target; null when not measured or not applicable. */
  readonly met: boolean | null;
}

const MB = 1e6;

function value(n: number | null | undefined): number | null {
  return n === undefined || n === null || !Number.isFinite(n) ? null : n;
}

function ratioOf(c: number | null, other: number | null): number | null {
  return c !== null && other !== null && other !== 0 ? Math.round((c / other) * 100) / 100 : null;
}

/** One metric: `of` reads it from each contender's results. */
function row(metric: string, unit: string, of: (name: ContenderName) => number | null | undefined, target: string, met: (c: number, ratio: number | null) => boolean | null): Row {
  const c = value(of('concord'));
  const r = value(of('reference'));
  const h = value(of('hocuspocus'));
  const ratio = ratioOf(c, r);
  return { metric, unit, concord: c, reference: r, ratio, hocuspocus: h, hocuspocusRatio: ratioOf(c, h), target, met: c === null ? null : met(c, ratio) };
}

/**
 * The ramp step the ramp rows compare at: the most meetings both Concord and the reference measured (Hocuspocus is shown
 * at that step when it reached it), or Concord and Hocuspocus when the reference did not run.
 */
function commonStep(ramp: ByContender<RampResult> | undefined): { at: Partial<Record<ContenderName, RampStep>>; meetings: number } {
  const stepsOf = (name: ContenderName) => ramp?.[name]?.steps ?? [];
  const other: ContenderName = ramp?.reference ? 'reference' : 'hocuspocus';
  const shared = stepsOf('concord')
    .map((step) => step.meetings)
    .filter((meetings) => stepsOf(other).some((step) => step.meetings === meetings));
  const meetings = shared.length > 0 ? Math.max(...shared) : 0;
  const at: Partial<Record<ContenderName, RampStep>> = {};
  for (const name of ['concord', 'reference', 'hocuspocus'] as const) at[name] = stepsOf(name).find((step) => step.meetings === meetings);
  return { at, meetings };
}

function totalLost(results: BenchResults, name: ContenderName): number | null {
  const meeting = results.meeting?.[name]?.window.lost;
  const ramp = results.ramp?.[name]?.steps.reduce((sum, step) => sum + step.lost, 0);
  const pairs = results.paired?.[name]?.windows.reduce((sum, window) => sum + window.lost, 0);
  if (meeting === undefined && ramp === undefined && pairs === undefined) return null;
  return (meeting ?? 0) + (ramp ?? 0) + (pairs ?? 0);
}

function pairedLabel(paired: ByContender<PairedResult> | undefined): string {
  const any = paired?.concord ?? paired?.reference ?? paired?.hocuspocus;
  return any ? `${any.meetings} meetings, ${any.windows.length} alternating rounds (e)` : 'meetings in alternating rounds (e)';
}

const SOCKETS_PER_PARTICIPANT: Record<ContenderName, number> = { concord: 1, reference: 13, hocuspocus: 1 };

export function ratioRows(results: BenchResults): Row[] {
  const m = results.meeting;
  const step = commonStep(results.ramp);
  const at = `ramp @${step.meetings}`;
  const projected500 = (name: ContenderName) => {
    const top = results.ramp?.[name]?.steps.at(-1);
    return top ? ((top.cpuMsPerMeetingSecond * 500) / 1000) * 100 : null;
  };
  // The district target (500 meetings within 20 ms of event-loop delay) is Concord's alone: shown at its top step.
  const concordTop = results.ramp?.concord?.steps.at(-1);
  const atTop = `Concord's top ramp step (${concordTop?.meetings ?? '—'})`;
  const onlyConcord = (pick: (step: RampStep) => number | undefined) => (name: ContenderName) => (name === 'concord' && concordTop ? pick(concordTop) : null);
  const cold = (name: ContenderName, joiners: string) => results.coldLoad?.[name]?.byJoiners[joiners]?.summary.p99;
  const rss = (name: ContenderName) => {
    const bytes = value(step.at[name]?.rssBytesPerMeeting);
    return bytes === null ? null : bytes / MB;
  };
  return [
    row('CPU per meeting-second, meeting (a)', 'ms', (name) => m?.[name]?.window.cpuMsPerMeetingSecond, '≤ 0.75× ref', (_, r) => (r === null ? null : r <= 0.75)),
    row(`CPU per meeting-second, ${pairedLabel(results.paired)}`, 'ms', (name) => results.paired?.[name]?.cpuMsPerMeetingSecond, '≤ 0.75× ref', (_, r) => (r === null ? null : r <= 0.75)),
    row('Delivery p50, meeting (a)', 'ms', (name) => m?.[name]?.window.delivery.p50, '', () => null),
    row('Delivery p99, meeting (a)', 'ms', (name) => m?.[name]?.window.delivery.p99, '≤ 100 (knee)', (c) => c <= 100),
    row(`Delivery p50, ${at}`, 'ms', (name) => step.at[name]?.delivery.p50, '', () => null),
    row(`Delivery p99, ${at}`, 'ms', (name) => step.at[name]?.delivery.p99, '≤ 100 (knee)', (c) => c <= 100),
    row(`Event-loop delay p99, ${at}`, 'ms', (name) => step.at[name]?.eventLoopDelay?.p99, '≤ 20', (c) => c <= 20),
    row(`Delivery p99, ${atTop}`, 'ms', onlyConcord((top) => top.delivery.p99), '≤ 100 (knee)', (c) => c <= 100),
    row(`Event-loop delay p99, ${atTop}`, 'ms', onlyConcord((top) => top.eventLoopDelay?.p99), '≤ 20', (c) => c <= 20),
    row(`RSS per active meeting, ${at}`, 'MB', rss, '≤ 1.5', (c) => c <= 1.5),
    row('Meetings of 8 within the knee (ramp)', 'meetings', (name) => results.ramp?.[name]?.lastGoodMeetings, '≥ 500', (c) => c >= 500),
    row('Server CPU for 500 meetings, projected from top step', '% core', projected500, '≤ 60', (c) => c <= 60),
    row('Cold load p99, 1 joiner', 'ms', (name) => cold(name, '1'), '≤ 60', (c) => c <= 60),
    row('Cold load p99, 8 joiners', 'ms', (name) => cold(name, '8'), '≤ 60', (c) => c <= 60),
    row('Resync after offline, p99', 'ms', (name) => results.resync?.[name]?.summary.p99, '≤ 250', (c) => c <= 250),
    row('Deliveries lost (meeting, ramp, cpu pairs)', 'frames', (name) => totalLost(results, name), '0', (c) => c === 0),
    row('Sockets per participant', 'sockets', (name) => SOCKETS_PER_PARTICIPANT[name], '1', (c) => c === 1),
  ];
}

function fmt(n: number | null, digits = 2): string {
  if (n === null) return '—';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  return n.toFixed(digits);
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
}

function renderTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((_, i) => Math.max(header[i]?.length ?? 0, ...body.map((cells) => cells[i]?.length ?? 0)));
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [pad(header, widths), rule, ...body.map((cells) => pad(cells, widths))].join('\n');
}

export function formatRatioTable(rows: readonly Row[]): string {
  return renderTable(
    ['metric', 'unit', 'Concord', 'reference', 'Concord/ref', 'target', 'met', 'Hocuspocus', 'Concord/Hp'],
    rows.map((r) => [
      r.metric,
      r.unit,
      fmt(r.concord),
      fmt(r.reference),
      fmt(r.ratio),
      r.target,
      r.met === null ? '—' : r.met ? 'yes' : 'NO',
      fmt(r.hocuspocus),
      fmt(r.hocuspocusRatio),
    ]),
  );
}

export function formatRampTable(ramp: ByContender<RampResult> | undefined): string {
  const body: string[][] = [];
  for (const [name, result] of Object.entries(ramp ?? {})) {
    for (const step of result?.steps ?? []) {
      body.push([
        name,
        String(step.meetings),
        fmt(step.serverCpuShare * 100, 1),
        fmt(step.cpuMsPerMeetingSecond, 3),
        fmt(step.delivery.p50),
        fmt(step.delivery.p99),
        fmt(step.eventLoopDelay?.p99 ?? null),
        String(step.lost),
        fmt(step.rssBytesPerMeeting / MB),
        fmt(step.generatorCpuShare * 100, 0) + (step.valid ? '' : ' INVALID'),
        fmt(step.generatorEventLoop?.max ?? null, 0),
        fmt(step.foreignCpuCores * 100, 0) + (step.disturbed ? ' *' : ''),
        fmt(step.connectSeconds, 1),
      ]);
    }
  }
  const stops = Object.entries(ramp ?? {}).map(([name, result]) => `${name}: ${result?.stoppedBecause}`);
  stops.push('other % = CPU used by other processes on the machine during the window (% of a core); * = disturbed (> 25 %; loopback networking alone shows ~10 %).');
  return `${renderTable(['ramp', 'meetings', 'CPU %', 'ms/mtg-s', 'p50 ms', 'p99 ms', 'loop p99', 'lost', 'RSS MB/mtg', 'gen CPU %', 'gen loop max', 'other %', 'connect s'], body)}\n${stops.join('\n')}`;
}

/** How busy the rest of the machine was while each contender was measured (cores used by other processes). */
export function formatNoise(results: BenchResults): string {
  const parts: string[] = [];
  const each = (label: string, get: (name: ContenderName) => number | undefined) => {
    const c = get('concord');
    const r = get('reference');
    const h = get('hocuspocus');
    if (c !== undefined || r !== undefined || h !== undefined) parts.push(`${label} ${c ?? '—'} / ${r ?? '—'} / ${h ?? '—'}`);
  };
  each('meeting', (name) => results.meeting?.[name]?.window.foreignCpuCores);
  each('ramp (max of steps)', (name) => {
    const steps = results.ramp?.[name]?.steps;
    return steps && steps.length > 0 ? Math.max(...steps.map((step) => step.foreignCpuCores)) : undefined;
  });
  each('cpu pairs (max of rounds)', (name) => {
    const windows = results.paired?.[name]?.windows;
    return windows && windows.length > 0 ? Math.max(...windows.map((window) => window.foreignCpuCores)) : undefined;
  });
  each('cold load', (name) => results.coldLoad?.[name]?.foreignCpuCores);
  each('resync', (name) => results.resync?.[name]?.foreignCpuCores);
  return parts.length > 0 ? `Other processes on the machine, cores (Concord run / reference run / Hocuspocus run): ${parts.join('; ')}` : '';
}
