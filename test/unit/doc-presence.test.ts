// Presence kept as the stamped JSON it arrived as, under y-protocols' rules: a client that a stock y-protocols Awareness
// would show is shown, with the same clock, and what a stock one would drop is dropped.

import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import { DocPresence, PRESENCE_TIMEOUT_MS } from '../../server/collab/doc-presence';
import { MessageType } from '../../shared/protocol/messages';

const stocks: awarenessProtocol.Awareness[] = [];
afterEach(() => {
  for (const each of stocks.splice(0)) each.destroy();
});

/** A browser's Awareness, showing only others. */
function stockAwareness(): awarenessProtocol.Awareness {
  const stock = new awarenessProtocol.Awareness(new Y.Doc());
  stock.setLocalState(null);
  stocks.push(stock);
  return stock;
}

/** Applies a relayed message to a stock y-protocols Awareness, as a browser would. */
function applyToStock(stock: awarenessProtocol.Awareness, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.AWARENESS);
  awarenessProtocol.applyAwarenessUpdate(stock, decoding.readVarUint8Array(decoder), 'server');
}

const state = (section: string) => JSON.stringify({ user: { name: 'Rosa' }, section });

describe('presence of a doc', () => {
  it('takes newer clocks only, removes on a null at the same clock, and relays what a stock Awareness then shows', () => {
    const presence = new DocPresence<string>();
    const stock = stockAwareness();
    expect(presence.apply([{ clientId: 5, clock: 1, json: state('goals') }], 'rosa', 0)).toBe(true);
    expect(presence.apply([{ clientId: 5, clock: 1, json: state('services') }], 'rosa', 0)).toBe(false);
    expect(presence.apply([{ clientId: 5, clock: 2, json: state('services') }], 'rosa', 0)).toBe(true);
    const relay = presence.takePending();
    expect(relay?.only).toBe('rosa');
    applyToStock(stock, relay?.message as Uint8Array);
    expect(stock.getStates().get(5)).toEqual({ user: { name: 'Rosa' }, section: 'services' });
    expect(presence.takePending()).toBeNull();

    // A departure nobody saw arrive is nothing to relay.
    expect(presence.apply([{ clientId: 6, clock: 1, json: 'null' }], 'rosa', 0)).toBe(false);
    expect(presence.apply([{ clientId: 5, clock: 2, json: 'null' }], 'rosa', 0)).toBe(true);
    applyToStock(stock, presence.takePending()?.message as Uint8Array);
    expect(stock.getStates().has(5)).toBe(false);
    expect(presence.isEmpty).toBe(true);
  });

  it("removes a leaving subscriber's clients with a newer clock, relayed to everyone", () => {
    const presence = new DocPresence<string>();
    const stock = stockAwareness();
    presence.apply([{ clientId: 5, clock: 3, json: state('goals') }], 'rosa', 0);
    presence.apply([{ clientId: 8, clock: 1, json: state('services') }], 'sam', 0);
    const both = presence.takePending();
    expect(both?.only).toBeNull();
    applyToStock(stock, both?.message as Uint8Array);
    expect([...stock.getStates().keys()].sort()).toEqual([5, 8]);
    expect(presence.removeOwner('rosa', 0)).toBe(true);
    expect(presence.removeOwner('rosa', 0)).toBe(false);
    const removal = presence.takePending();
    expect(removal?.only).toBeNull();
    applyToStock(stock, removal?.message as Uint8Array);
    expect([...stock.getStates().keys()]).toEqual([8]);
    expect(stock.meta.get(5)?.clock).toBe(4);
    // A joiner is shown who is there now.
    const joiner = stockAwareness();
    applyToStock(joiner, presence.snapshot());
    expect([...joiner.getStates().keys()]).toEqual([8]);
  });

  it('drops a client not heard from within the timeout, and keeps one that renewed', () => {
    const presence = new DocPresence<string>();
    presence.apply([{ clientId: 5, clock: 1, json: state('goals') }], 'rosa', 0);
    presence.apply([{ clientId: 8, clock: 1, json: state('goals') }], 'sam', 0);
    presence.apply([{ clientId: 8, clock: 2, json: state('goals') }], 'sam', PRESENCE_TIMEOUT_MS / 2);
    presence.takePending();
    expect(presence.expire(PRESENCE_TIMEOUT_MS - 1)).toBe(false);
    expect(presence.expire(PRESENCE_TIMEOUT_MS)).toBe(true);
    const stock = stockAwareness();
    applyToStock(stock, presence.snapshot());
    expect([...stock.getStates().keys()]).toEqual([8]);
  });
});
