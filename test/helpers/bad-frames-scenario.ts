// The bad-frames scenario shared by the test and the soak: a meeting types while a parent and a teacher send garbage.

import * as Y from 'yjs';
import { docNames } from '../../shared/protocol/doc-names';
import { sectionHash } from '../../shared/schema/canonical';
import { alternate, type Comparison } from './alternating-phases';
import { collabBase } from './collab-client';
import type { RemoteProbe } from './probe-process';
import { docFingerprint, docStates } from './doc-states';
import { type AttackTally, type Attacker, attack, type BadFrameKind, CLOSING_KINDS, badFrames, newTally, seeded } from './hostile-frames';
import { iepTemplate, proseSection } from './plan-fixtures';
import type { RunningServer } from './server';
import { member, type PlanWithTeam } from './team';

/**
 * What each attacker sends, by weight. About one frame in seventy closes its socket: a reconnect costs the server
 * some 2 ms (and the test process as much), twenty times a refused frame, so more of them would measure the machine.
 */
const PARENT_MUX: Partial<Record<BadFrameKind, number>> = {
  'refused-write': 40,
  'oversized-awareness': 20,
  'unknown-doc': 37,
  'unknown-type': 0.5,
  undecodable: 1,
  'truncated-mux': 0.5,
  'oversized-frame': 0.5,
};
const PARENT_PLAIN: Partial<Record<BadFrameKind, number>> = { 'refused-write': 60, 'oversized-awareness': 38.5, 'unknown-type': 0.5, undecodable: 1 };
const TEACHER_MUX: Partial<Record<BadFrameKind, number>> = { 'forged-client': 60, 'forged-awareness': 20, 'unknown-doc': 19, 'truncated-mux': 1 };

export interface BadFramesOptions {
  readonly frames: number;
  readonly rounds: number;
  readonly baselineMs: number;
  /** How long each round's share of frames is spread over. */
  readonly attackMs: number;
  readonly maxFrameBytes: number;
}

export interface BadFramesOutcome {
  readonly comparison: Comparison;
  readonly tally: AttackTally;
  /** Frames sent that should have closed their socket. */
  readonly closingFrames: number;
  /** Docs of the plan whose content differs from what the meeting's writer alone would have left. */
  readonly changedDocs: readonly string[];
}

/**
 * The team needs a special education teacher (the meeting's writer, typing into the first prose section), a general
 * education teacher and a parent (the attackers); the creator reads. `probe` must write as that teacher on that plan.
 */
export async function badFramesDuringMeeting(server: RunningServer, team: PlanWithTeam, probe: RemoteProbe, options: BadFramesOptions): Promise<BadFramesOutcome> {
  const { section, part } = proseSection();
  const docs = docNames(iepTemplate);
  const before = await docStates(server.url, team.iepId, team.creatorCookie, docs);
  const setting = { docs: iepTemplate.sections.map((each) => each.id), part, victimClient: probe.writerClient, maxFrameBytes: options.maxFrameBytes };
  const next = seeded(2026);
  const base = collabBase(server.url, team.iepId);
  const parent = member(team, 'parent').cookie;
  const teacher = member(team, 'general-education-teacher').cookie;
  const attackers: { attacker: Attacker; kinds: Partial<Record<BadFrameKind, number>> }[] = [
    { attacker: { url: base, cookie: parent, mux: true }, kinds: PARENT_MUX },
    { attacker: { url: base, cookie: parent, mux: true }, kinds: PARENT_MUX },
    { attacker: { url: `${base}/${section.id}`, cookie: parent, mux: false }, kinds: PARENT_PLAIN },
    { attacker: { url: base, cookie: teacher, mux: true }, kinds: TEACHER_MUX },
    { attacker: { url: base, cookie: teacher, mux: true }, kinds: TEACHER_MUX },
  ];
  const perAttackerRound = Math.ceil(options.frames / options.rounds / attackers.length);
  const plans = Array.from({ length: options.rounds }, (_, round) =>
    attackers.map(({ attacker, kinds }, a) => {
      const sentBefore = (round * attackers.length + a) * perAttackerRound;
      return { attacker, frames: badFrames(Math.max(0, Math.min(perAttackerRound, options.frames - sentBefore)), kinds, attacker.mux, setting, next) };
    }),
  );
  const closingFrames = plans.flat().reduce((sum, { frames }) => sum + frames.filter((frame) => CLOSING_KINDS.has(frame.kind)).length, 0);
  const tally = newTally();

  await new Promise((resolve) => setTimeout(resolve, 500));
  const comparison = await alternate(probe, server.pid, options.rounds, (condition, round) =>
    condition === 'baseline'
      ? new Promise((resolve) => setTimeout(resolve, options.baselineMs))
      : Promise.all((plans[round] ?? []).map(({ attacker, frames }) => attack(attacker, frames, options.attackMs, tally))),
  );

  const after = await docStates(server.url, team.iepId, team.creatorCookie, docs);
  const changedDocs = docs.filter((name) => {
    const expected = before.get(name) ?? new Y.Doc();
    if (name === section.id) Y.applyUpdate(expected, comparison.results.writerState);
    const got = after.get(name) ?? new Y.Doc();
    const def = iepTemplate.sections.find((each) => each.id === name);
    return docFingerprint(got) !== docFingerprint(expected) || (def !== undefined && sectionHash(def, got) !== sectionHash(def, expected));
  });
  return { comparison, tally, closingFrames, changedDocs };
}
