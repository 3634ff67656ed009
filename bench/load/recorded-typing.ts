// Records a typist once: realistic IEP text typed into a real Y.Doc, one update per keystroke, ready to replay as raw frames.
//
// The stream starts by adding its own paragraph to an empty copy of the section's rich-text fragment, so every update
// depends only on the typist's own earlier updates: it applies to any plan's copy of that section, whatever its seed.

import * as Y from 'yjs';
import { encodeDocMessage } from '../../shared/protocol/mux';
import { syncUpdate, updateKey } from './frames';
import { iepText } from './iep-text';

export interface RecordedStream {
  readonly clientId: number;
  /** The doc (section id) typed into, and the rich-text part inside it. */
  readonly section: string;
  readonly part: string;
  /** One v1 update per keystroke (Enter, a character, or a backspace). */
  readonly updates: readonly Uint8Array[];
  /** The y-protocols sync update message for each keystroke (stock y-websocket framing). */
  readonly messages: readonly Uint8Array[];
  /** The same message wrapped in a Concord mux frame for `section`. */
  readonly muxFrames: readonly Uint8Array[];
  /** `updateKey` of each update: how observers recognise a keystroke without decoding it. */
  readonly keys: Float64Array;
  /** The caret after each keystroke, as the JSON of a Yjs relative position (what a caret plugin puts in presence). */
  readonly carets: readonly string[];
}

export interface TypingOptions {
  readonly clientId: number;
  readonly section: string;
  readonly part: string;
  readonly keystrokes: number;
  /** Where in the text corpus to start, so streams differ. */
  readonly startSentence?: number;
  /** Share of characters mistyped and then corrected with a backspace. */
  readonly typoRate?: number;
  /** Sentences per paragraph before the typist presses Enter. */
  readonly sentencesPerParagraph?: number;
}

/** A small deterministic PRNG (mulberry32): the same options always record the same stream. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPO_CHARS = 'qwertyuiopasdfghjklzxcvbnm';

export function recordTyping(options: TypingOptions): RecordedStream {
  const { clientId, section, part, keystrokes } = options;
  const typoRate = options.typoRate ?? 0.02;
  const perParagraph = options.sentencesPerParagraph ?? 3;
  const random = prng(clientId);
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const fragment = doc.getXmlFragment(part);
  const updates: Uint8Array[] = [];
  const carets: string[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));

  const sentences = iepText(options.startSentence ?? 0);
  let text: Y.XmlText | null = null;
  let sentence = '';
  let position = 0;
  let sentencesInParagraph = 0;
  let pendingBackspace = false;

  const caret = (target: Y.XmlText) =>
    carets.push(JSON.stringify(Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(target, target.length))));

  while (updates.length < keystrokes) {
    if (text === null || (position >= sentence.length && sentencesInParagraph >= perParagraph)) {
      const paragraph = new Y.XmlElement('paragraph');
      const inner = new Y.XmlText();
      paragraph.insert(0, [inner]);
      doc.transact(() => fragment.insert(fragment.length, [paragraph]));
      text = inner;
      sentencesInParagraph = 0;
    } else if (pendingBackspace) {
      const target: Y.XmlText = text;
      doc.transact(() => target.delete(target.length - 1, 1));
      pendingBackspace = false;
    } else {
      if (position >= sentence.length) {
        sentence = `${sentencesInParagraph > 0 ? ' ' : ''}${sentences.next().value ?? ''}`;
        position = 0;
        sentencesInParagraph++;
      }
      const typo = random() < typoRate;
      const char = typo ? TYPO_CHARS[Math.floor(random() * TYPO_CHARS.length)] ?? 'x' : sentence[position] ?? ' ';
      const target: Y.XmlText = text;
      doc.transact(() => target.insert(target.length, char));
      if (typo) pendingBackspace = true;
      else position++;
    }
    caret(text);
  }
  doc.destroy();

  const keys = new Float64Array(updates.length);
  const seen = new Set<number>();
  updates.forEach((update, index) => {
    const key = updateKey(update, 0);
    if (Number.isNaN(key) || seen.has(key)) throw new Error(`keystroke ${index} of client ${clientId} has no unique key`);
    seen.add(key);
    keys[index] = key;
  });
  const messages = updates.map(syncUpdate);
  return {
    clientId,
    section,
    part,
    updates,
    messages,
    muxFrames: messages.map((message) => encodeDocMessage(section, message)),
    keys,
    carets,
  };
}

/** Everything the first `count` keystrokes wrote, as one update (what a client that typed offline sends on reconnect). */
export function mergedPrefix(stream: RecordedStream, count: number): Uint8Array {
  return Y.mergeUpdates(stream.updates.slice(0, count));
}

/** The clock a stream's client reaches after `count` keystrokes. */
export function clockAfter(stream: RecordedStream, count: number): number {
  const vector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(mergedPrefix(stream, count)));
  return vector.get(stream.clientId) ?? 0;
}

/** Keystrokes to record for `typingSeconds` of typing at `charsPerSecond`: a fifth more and 50 spare, so no stream runs dry. */
export function keystrokesFor(typingSeconds: number, charsPerSecond: number): number {
  return Math.ceil(typingSeconds * charsPerSecond * 1.2) + 50;
}
