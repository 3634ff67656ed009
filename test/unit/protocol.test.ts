// The multiplexed frame codec, the write rule, and awareness stamping: small pure functions, table-driven.

import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { ALONE_BYTES, decodeMuxFrame, decodeMuxFrames, encodeBatch, encodeDocClose, encodeDocMessage, encodeHeartbeat, MAX_BATCH_BYTES, MAX_BATCH_FRAMES, MAX_DOC_NAME, MuxKind, toMessages } from '../../shared/protocol/mux';
import { ROLES, can } from '../../shared/rules/roles';
import { decideWrite } from '../../shared/rules/write-gate';
import { MAX_AWARENESS_STATE_BYTES, stampAwarenessUpdate } from '../../server/collab/awareness-identity';

describe('multiplexed frames', () => {
  it('round-trip a doc message, a close and heartbeats', () => {
    const message = new Uint8Array([0, 0, 1, 0]);
    expect(decodeMuxFrame(encodeDocMessage('present-levels', message))).toEqual({ kind: MuxKind.DOC_MESSAGE, doc: 'present-levels', message });
    expect(decodeMuxFrame(encodeDocClose('goals', 4404, 'no such section'))).toEqual({ kind: MuxKind.DOC_CLOSE, doc: 'goals', code: 4404, reason: 'no such section' });
    expect(decodeMuxFrame(encodeHeartbeat(MuxKind.PING))).toEqual({ kind: MuxKind.PING, doc: '' });
  });

  it('carry several frames as one batch, and a single frame as itself', () => {
    const frames = [encodeDocMessage('goals', new Uint8Array([0, 2, 3, 1, 2, 3])), encodeDocMessage('meeting', new Uint8Array(300).fill(1)), encodeHeartbeat(MuxKind.PONG)];
    expect(decodeMuxFrames(encodeBatch(frames))).toEqual(frames.map((frame) => decodeMuxFrame(frame)));
    expect(encodeBatch([frames[0] as Uint8Array])).toBe(frames[0]);
    expect(decodeMuxFrames(frames[2] as Uint8Array)).toEqual([{ kind: MuxKind.PONG, doc: '' }]);
  });

  it('split a long run of frames into batches within the frame and byte limits, in order', () => {
    const pings = Array.from({ length: MAX_BATCH_FRAMES * 2 + 5 }, () => encodeHeartbeat(MuxKind.PING));
    const messages = toMessages(pings);
    expect(messages).toHaveLength(3);
    expect(messages.flatMap((message) => decodeMuxFrames(message))).toHaveLength(pings.length);
    const big = encodeDocMessage('goals', new Uint8Array(MAX_BATCH_BYTES));
    const small = encodeDocMessage('goals', new Uint8Array([1]));
    const mixed = toMessages([small, big, small, small]);
    expect(mixed.map((message) => decodeMuxFrames(message).length)).toEqual([1, 1, 2]);
    expect(mixed[1]).toBe(big);
    for (const message of toMessages(Array.from({ length: 40 }, () => encodeDocMessage('goals', new Uint8Array(3_000))))) {
      expect(message.byteLength).toBeLessThanOrEqual(MAX_BATCH_BYTES + 64);
    }
    // A whole-doc reply is sent as itself, never copied into a batch.
    const reply = encodeDocMessage('goals', new Uint8Array(ALONE_BYTES));
    const around = toMessages([small, reply, small]);
    expect(around).toHaveLength(3);
    expect(around[1]).toBe(reply);
    expect(decodeMuxFrames(reply)).toEqual([{ kind: MuxKind.DOC_MESSAGE, doc: 'goals', message: new Uint8Array(ALONE_BYTES) }]);
  });

  it('reject batches in batches, truncated batches and batches of more than the limit', () => {
    const ping = encodeHeartbeat(MuxKind.PING);
    expect(() => decodeMuxFrames(encodeBatch([ping, encodeBatch([ping, ping])]))).toThrow();
    expect(() => decodeMuxFrames(encodeBatch([ping, ping]).subarray(0, 4))).toThrow();
    expect(() => decodeMuxFrames(encodeBatch(Array.from({ length: MAX_BATCH_FRAMES + 1 }, () => ping)))).toThrow();
    expect(decodeMuxFrames(encodeBatch(Array.from({ length: MAX_BATCH_FRAMES }, () => ping)))).toHaveLength(MAX_BATCH_FRAMES);
  });

  it('reject unknown kinds, truncated frames and overlong doc names', () => {
    expect(() => decodeMuxFrame(new Uint8Array([7, 0]))).toThrow();
    expect(() => decodeMuxFrame(new Uint8Array([1, 5, 97]))).toThrow();
    expect(() => decodeMuxFrame(encodeDocMessage('x'.repeat(MAX_DOC_NAME + 1), new Uint8Array()))).toThrow();
  });
});

describe('the write rule', () => {
  it('lets exactly the roles with the edit capability write a section, and nobody write the meeting doc', () => {
    for (const role of ROLES) {
      expect(decideWrite({ participantId: 'p1', roles: [role], doc: 'present-levels' }).ok, role).toBe(can([role], 'edit'));
      expect(decideWrite({ participantId: 'p1', roles: [role], doc: 'meeting' }).ok, role).toBe(false);
    }
  });

  it('names the section and the rule when it refuses', () => {
    const decision = decideWrite({ participantId: 'p1', roles: ['parent'], doc: 'annual-goals' });
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.reason).toContain('annual-goals');
  });

  it('gives someone holding several roles what any of them allows', () => {
    expect(decideWrite({ participantId: 'p1', roles: ['parent', 'special-education-teacher'], doc: 'present-levels' }).ok).toBe(true);
  });
});

function awarenessUpdate(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, typeof entry.state === 'string' ? entry.state : JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

describe('awareness stamping', () => {
  const user = { participantId: 'p1', name: 'Rosa Alvarez', roles: ['parent' as const], color: '#1d4ed8' };

  it('replaces whatever identity the client claimed with the authenticated one', () => {
    const forged = awarenessUpdate([{ clientId: 7, clock: 1, state: { user: { name: 'Principal', roles: ['lea-representative'] }, section: 'annual-goals' } }]);
    const { entries } = stampAwarenessUpdate(forged, user, () => true);
    expect(entries.map((entry) => [entry.clientId, JSON.parse(entry.json)])).toEqual([[7, { user, section: 'annual-goals' }]]);
  });

  it("drops entries for someone else's client id, oversized states and unparsable states", () => {
    const update = awarenessUpdate([
      { clientId: 1, clock: 1, state: { section: 'a' } },
      { clientId: 2, clock: 1, state: { section: 'b' } },
      { clientId: 3, clock: 1, state: { blob: 'x'.repeat(MAX_AWARENESS_STATE_BYTES) } },
      { clientId: 4, clock: 1, state: '{not json' },
    ]);
    const stamped = stampAwarenessUpdate(update, user, (clientId) => clientId !== 2);
    expect(stamped.entries.map((entry) => entry.clientId)).toEqual([1]);
    expect(stamped.dropped).toBe(3);
  });

  it('keeps a departure (null state) as a departure', () => {
    const { entries } = stampAwarenessUpdate(awarenessUpdate([{ clientId: 9, clock: 2, state: null }]), user, () => true);
    expect(entries).toEqual([{ clientId: 9, clock: 2, json: 'null' }]);
  });
});
