// Realistic IEP prose to type: every paragraph, bullet and prose cell of the demo plan, plus a few meeting-note sentences.

import { DEMO_SEED } from '../../server/demo/demo-plan';

const MEETING_NOTES = [
  'The team reviewed the progress data together and agreed that the reading goal stays as written for the next grading period.',
  'Her mother asked whether the audio textbooks can be set up before the semester starts; the case manager will confirm by Friday.',
  'The general education teacher reported that extended time has helped on unit tests, and that Maya now starts written work sooner.',
  'The speech-language pathologist will share the vocabulary word lists with the biology teacher at the start of each unit.',
  'The team discussed whether a second period of reading support is needed and decided to look at the data again in March.',
];

function collect(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (value.length >= 40) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, out);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collect(item, out);
  }
}

let cached: string[] | null = null;

/** Sentences-sized pieces of IEP text, in a fixed order (the same on every run). */
export function iepSentences(): readonly string[] {
  if (!cached) {
    const out: string[] = [];
    collect(DEMO_SEED, out);
    cached = [...out, ...MEETING_NOTES];
  }
  return cached;
}

/** An endless, deterministic stream of IEP text starting at a given sentence. */
export function* iepText(startSentence = 0): Generator<string> {
  const sentences = iepSentences();
  for (let i = startSentence; ; i++) yield sentences[i % sentences.length] ?? '';
}
