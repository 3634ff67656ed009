// Where a server's CPU went: self time from a V8 .cpuprofile (`node --cpu-prof`), by function and by file or package.

import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** V8's pseudo-frames, reported as they are; other native frames are charged to their nearest JavaScript caller. */
const PSEUDO = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface ProfileEntry {
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly file: string;
  readonly totalMs: number;
  readonly byFunction: readonly ProfileEntry[];
  readonly byFile: readonly ProfileEntry[];
}

/** node_modules/<pkg>/..., or the project-relative path of our own sources. */
function bucketOf(url: string): string {
  if (!url) return '(native / V8)';
  const clean = url.replace(/^file:\/\//, '');
  const modules = clean.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = clean.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? clean);
  }
  if (clean.startsWith('node:')) return clean;
  const server = clean.indexOf('/server/');
  const shared = clean.indexOf('/shared/');
  const cut = server >= 0 ? server : shared;
  return cut >= 0 ? clean.slice(cut + 1) : path.basename(clean);
}

function top(map: Map<string, number>, total: number, count: number): ProfileEntry[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, selfMs]) => ({ name, selfMs: Math.round(selfMs), share: Math.round((selfMs / total) * 1000) / 10 }));
}

export function summarizeCpuProfile(file: string, count = 20): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const totalSamples = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perSample = totalMs / totalSamples;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const jsCaller = (node: ProfileNode): ProfileNode | undefined => {
    let current = parentOf.get(node.id);
    while (current && !current.callFrame.url) current = parentOf.get(current.id);
    return current && byId.get(current.id);
  };
  for (const node of profile.nodes) {
    const self = (node.hitCount ?? 0) * perSample;
    if (self === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const caller = !url && !PSEUDO.has(functionName) ? jsCaller(node) : undefined;
    const bucket = caller ? bucketOf(caller.callFrame.url) : bucketOf(url);
    const name = caller
      ? `${functionName || '(native)'} (native, called from ${caller.callFrame.functionName || '(anonymous)'} ${bucketOf(caller.callFrame.url)}:${caller.callFrame.lineNumber + 1})`
      : `${functionName || '(anonymous)'} ${bucket}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + self);
    byFile.set(bucket, (byFile.get(bucket) ?? 0) + self);
  }
  return { file, totalMs: Math.round(totalMs), byFunction: top(byFunction, totalMs, count), byFile: top(byFile, totalMs, count) };
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const lines = [`CPU profile ${summary.file} (${summary.totalMs} ms wall)`, '  self time by file or package:'];
  for (const entry of summary.byFile) lines.push(`    ${entry.share.toFixed(1).padStart(5)} %  ${entry.selfMs.toString().padStart(6)} ms  ${entry.name}`);
  lines.push('  self time by function:');
  for (const entry of summary.byFunction) lines.push(`    ${entry.share.toFixed(1).padStart(5)} %  ${entry.selfMs.toString().padStart(6)} ms  ${entry.name}`);
  return lines.join('\n');
}
