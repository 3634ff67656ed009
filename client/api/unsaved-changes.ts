// Whether the server is currently refusing to store this participant's changes ("not saved"), per doc, for the status line.

import type { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../../shared/protocol/close-codes';

/**
 * After a reconnect the client offers its kept changes at once, and a server that still cannot store them answers
 * within milliseconds; a doc that stays connected this long after syncing has had them taken.
 */
const SAVED_AFTER_MS = 1500;

type Listener = (notSaved: boolean) => void;

export class UnsavedChanges {
  private readonly refused = new Set<string>();
  private readonly confirmTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<Listener>();

  /** True while any doc's last word from the server was "not saved". */
  get notSaved(): boolean {
    return this.refused.size > 0;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows one doc's provider: a 4503 close marks it, a sync that then holds clears it. */
  watch(doc: string, provider: WebsocketProvider): void {
    provider.on('connection-close', (event) => {
      if (event?.code !== CloseCode.NOT_SAVED) return;
      this.stopConfirming(doc);
      this.set(doc, true);
    });
    provider.on('sync', (synced) => {
      if (!synced || !this.refused.has(doc)) return;
      this.stopConfirming(doc);
      this.confirmTimers.set(
        doc,
        setTimeout(() => {
          this.confirmTimers.delete(doc);
          this.set(doc, false);
        }, SAVED_AFTER_MS),
      );
    });
  }

  destroy(): void {
    for (const timer of this.confirmTimers.values()) clearTimeout(timer);
    this.confirmTimers.clear();
    this.listeners.clear();
  }

  private stopConfirming(doc: string): void {
    const timer = this.confirmTimers.get(doc);
    if (timer) clearTimeout(timer);
    this.confirmTimers.delete(doc);
  }

  private set(doc: string, refused: boolean): void {
    const before = this.notSaved;
    if (refused) this.refused.add(doc);
    else this.refused.delete(doc);
    if (this.notSaved !== before) for (const listener of this.listeners) listener(this.notSaved);
  }
}
