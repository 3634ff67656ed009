// Real y-websocket clients that each type a known sequence into a paragraph of their own, for crash and storage-failure tests.

import * as Y from 'yjs';
import { connectDoc, type DocClient } from './collab-client';
import { appendParagraph, iepTemplate } from './plan-fixtures';
import { richTextOf } from '../../shared/schema/section-doc';
import type { RichTextPart, SectionDef } from '../../shared/template/types';

export interface ProseTarget {
  readonly section: SectionDef;
  readonly part: RichTextPart;
}

/** The first `count` sections of the IEP that have prose, each with its rich-text part. */
export function proseTargets(count: number): ProseTarget[] {
  const targets: ProseTarget[] = [];
  for (const section of iepTemplate.sections) {
    const part = section.parts.find((each): each is RichTextPart => each.kind === 'richtext');
    if (part && targets.length < count) targets.push({ section, part });
  }
  if (targets.length < count) throw new Error(`the IEP template has only ${targets.length} prose sections`);
  return targets;
}

/** A deterministic, non-repeating-looking sequence per seed: a repeat or a gap in what is stored cannot pass for a prefix. */
export function sequenceFor(seed: number, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let state = (seed * 2654435761) >>> 0 || 1;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += alphabet[(state >>> 16) % alphabet.length];
  }
  return text;
}

export interface Typist {
  readonly client: DocClient;
  readonly target: ProseTarget;
  /** Everything this client typed, in order. */
  readonly sequence: string;
  /** How many characters of `sequence` it has typed so far. */
  typed(): number;
  /** Starts typing one character every `intervalMs`. */
  start(intervalMs: number): void;
  stop(): void;
}

const MAX_CHARS = 4000;

/** Connects one client to `target`; once started it adds a paragraph of its own and types into it. */
export async function connectTypist(serverUrl: string, iepId: string, cookie: string, target: ProseTarget, seed: number): Promise<Typist> {
  const client = connectDoc(serverUrl, iepId, target.section.id, cookie);
  await client.synced;
  const { doc } = client;
  const sequence = sequenceFor(seed, MAX_CHARS);
  let count = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    client,
    target,
    sequence,
    typed: () => count,
    start: (intervalMs) => {
      appendParagraph(doc, target.part, '');
      const fragment = richTextOf(doc, target.part);
      const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      timer = setInterval(() => {
        if (count >= MAX_CHARS || doc.isDestroyed) return;
        text.insert(text.length, sequence[count] ?? '');
        count += 1;
      }, intervalMs);
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

/** For each Yjs client, the highest clock any of these clients has received from the server (their own edits excluded). */
export function receivedFromServer(clients: readonly DocClient[]): Map<number, number> {
  const seen = new Map<number, number>();
  for (const { doc } of clients) {
    for (const [clientId, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      if (clientId !== doc.clientID && clock > (seen.get(clientId) ?? 0)) seen.set(clientId, clock);
    }
  }
  return seen;
}

/**
 * Resolves when any of these clients next receives, relayed by the server, an update written by one of them (not
 * content it synced on joining), or after `timeoutMs`, as false.
 */
export function nextRelay(clients: readonly DocClient[], timeoutMs: number): Promise<boolean> {
  const writers = new Set(clients.map((client) => client.doc.clientID));
  return new Promise((resolve) => {
    const listeners = clients.map((client) => {
      const listener = (update: Uint8Array, origin: unknown) => {
        if (origin === client.provider && Y.decodeUpdate(update).structs.some((struct) => writers.has(struct.id.client))) done(true);
      };
      client.doc.on('update', listener);
      return () => client.doc.off('update', listener);
    });
    const timer = setTimeout(() => done(false), timeoutMs);
    function done(relayed: boolean): void {
      clearTimeout(timer);
      for (const remove of listeners) remove();
      resolve(relayed);
    }
  });
}

/** Resolves once every client has noticed its connection is gone, so nothing more can arrive after we look. */
export function allDisconnected(clients: readonly DocClient[]): Promise<void> {
  return Promise.all(
    clients.map(
      ({ provider }) =>
        new Promise<void>((resolve) => {
          if (!provider.wsconnected) return resolve();
          const check = () => {
            if (provider.wsconnected) return;
            provider.off('status', check);
            resolve();
          };
          provider.on('status', check);
        }),
    ),
  ).then(() => undefined);
}

/**
 * The text one typist's paragraph holds in `doc` (the paragraph it created, found by its Yjs client id), or null if
 * the paragraph is not there.
 */
export function paragraphTextOf(doc: Y.Doc, part: RichTextPart, clientId: number): string | null {
  for (const node of richTextOf(doc, part).toArray()) {
    if (node instanceof Y.XmlElement && node._item?.id.client === clientId) {
      const text = node.get(0);
      return text instanceof Y.XmlText ? text.toString() : '';
    }
  }
  return null;
}
