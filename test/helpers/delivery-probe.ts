// A meeting's pulse: one participant types a character at a steady pace and we time how long each takes to reach another.

import * as Y from 'yjs';
import type { RichTextPart } from '../../shared/template/types';
import { richTextOf } from '../../shared/schema/section-doc';
import { stateVectorOf } from './convergence';

export interface ProbeResult {
  /** Milliseconds from each keystroke to its arrival at the reader, in the order typed. */
  readonly latencies: readonly number[];
  /** Keystrokes typed but not (yet) arrived when the probe stopped. */
  readonly undelivered: number;
}

export class DeliveryProbe {
  /** Per keystroke not yet arrived: the writer's clock after it, and when it was typed. */
  private pending: { clock: number; at: number }[] = [];
  private latencies: number[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  /** The probe's own paragraph at the end of the section: it types there whatever the section held before. */
  private readonly text = new Y.XmlText();

  constructor(
    private readonly writer: Y.Doc,
    private readonly reader: Y.Doc,
    part: RichTextPart,
  ) {
    reader.on('update', this.arrived);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [this.text]);
    richTextOf(writer, part).push([paragraph]);
  }

  /** Types one character every `everyMs` until `stop`. */
  start(everyMs: number): void {
    this.latencies = [];
    this.timer = setInterval(() => {
      this.text.insert(this.text.length, 'x');
      this.pending.push({ clock: stateVectorOf(this.writer).get(this.writer.clientID) ?? 0, at: performance.now() });
    }, everyMs);
  }

  /** Stops typing and gives the last keystrokes up to `graceMs` to arrive; what has not arrived by then counts as lost. */
  async stop(graceMs = 2_000): Promise<ProbeResult> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const deadline = performance.now() + graceMs;
    while (this.pending.length > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const result = { latencies: this.latencies, undelivered: this.pending.length };
    this.pending = [];
    return result;
  }

  destroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.reader.off('update', this.arrived);
  }

  private readonly arrived = (): void => {
    const seen = stateVectorOf(this.reader).get(this.writer.clientID) ?? 0;
    const now = performance.now();
    while (this.pending[0] && this.pending[0].clock <= seen) {
      this.latencies.push(now - this.pending[0].at);
      this.pending.shift();
    }
  };
}
