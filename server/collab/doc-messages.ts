// The one place a doc's y-protocols messages are read and dispatched, with the write gate in front of every change.

import * as decoding from 'lib0/decoding';
import { CloseCode } from '../../shared/protocol/close-codes';
import { MessageType, SyncStep, encodePermissionDenied } from '../../shared/protocol/messages';
import type { PresenceUser } from '../../shared/protocol/presence';
import type { PlanStatus } from '../../shared/protocol/api';
import type { SectionLock } from '../../shared/rules/locks';
import { decideWrite } from '../../shared/rules/write-gate';
import type { Role } from '../../shared/rules/roles';
import { isStorageFailure } from '../store/storage-health';
import { stampAwarenessUpdate } from './awareness-identity';
import { inspectUpdate } from './update-inspection';
import type { DocSubscriber, LiveDoc } from './live-doc';

export interface Identity {
  readonly iepId: string;
  readonly participantId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly user: PresenceUser;
}

/** What judging one doc's messages on one socket needs; methods, so one object per subscription carries no closures. */
export interface MessageContext {
  readonly live: LiveDoc;
  readonly subscriber: DocSubscriber;
  readonly identity: Identity;
  ownsClient(clientId: number): boolean;
  onRefused(doc: string, reason: string): void;
  lockOf(doc: string): SectionLock | undefined;
  status(): PlanStatus | undefined;
  /** Presence claimed another identity and was rewritten (stock carets send their own `user`, so this is frequent). */
  onPresenceRewritten(doc: string): void;
  /** An update of this participant was accepted into the doc. */
  onApplied(doc: string): void;
  /** Whether storage takes writes now: a change that cannot be stored is never taken. */
  storageWritable(): boolean;
}

/** Why a writer is sent away while storage fails; its client keeps the change and sends it again on reconnecting. */
const NOT_SAVED_REASON = 'not saved: the server cannot store changes right now; they stay with you and are sent again';

/** What the socket must do after a message: carry on, or close because the peer broke the protocol. */
export type MessageVerdict = { readonly close: false } | { readonly close: true; readonly reason: string };

const CARRY_ON: MessageVerdict = { close: false };


export function handleDocMessage(context: MessageContext, message: Uint8Array): MessageVerdict {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.SYNC:
      return handleSync(context, decoder);
    case MessageType.AWARENESS: {
      const stamped = stampPresence(context, decoding.readVarUint8Array(decoder));
      if (!stamped) return CARRY_ON;
      if (stamped.entries.length > 0) context.live.applyAwareness(stamped.entries, context.subscriber);
      // Entries for other people's clients are dropped silently: stock providers echo everyone's presence back.
      if (stamped.forged > 0) context.onPresenceRewritten(context.live.name);
      return CARRY_ON;
    }
    case MessageType.QUERY_AWARENESS:
      context.subscriber.send(context.live.awarenessSnapshot());
      return CARRY_ON;
    case MessageType.AUTH:
      return CARRY_ON;
    default:
      return { close: true, reason: `unknown message type ${type}` };
  }
}

function handleSync(context: MessageContext, decoder: decoding.Decoder): MessageVerdict {
  const { live, subscriber, identity } = context;
  const step = decoding.readVarUint(decoder);
  if (step === SyncStep.STEP1) {
    live.replySyncStep2(subscriber, decoding.readVarUint8Array(decoder));
    return CARRY_ON;
  }
  if (step !== SyncStep.STEP2 && step !== SyncStep.UPDATE) return { close: true, reason: `unknown sync step ${step}` };
  const update = decoding.readVarUint8Array(decoder);
  const inspected = inspectUpdate(update);
  if (!inspected) return { close: true, reason: 'malformed update' };
  const { clients, parsed } = inspected;
  // A reader's sync step 2 carries its whole delete set even when it has nothing new: that is not a write.
  if (clients.size === 0 && live.deletesNothingNew(parsed)) return CARRY_ON;
  const decision = decideWrite({ participantId: identity.participantId, roles: identity.roles, doc: live.name, lock: context.lockOf(live.name), status: context.status() });
  if (!decision.ok) return refuse(context, decision.reason);
  // Refused before it touches the doc: a change is taken only when it can be stored, so nobody ever sees it half-kept.
  if (!context.storageWritable()) return notSaved(context);
  try {
    for (const clientId of clients) {
      if (!context.ownsClient(clientId)) return refuse(context, `section ${live.name}: Yjs client ${clientId} belongs to another participant`);
    }
  } catch (error) {
    // Claiming a new client id is a write of its own.
    if (isStorageFailure(error)) return notSaved(context);
    throw error;
  }
  if (live.applyClientUpdate(update, parsed, subscriber) === 'applied') context.onApplied(live.name);
  return CARRY_ON;
}

/** The writer is sent away with 4503, which y-websocket clients retry; its change stays in its doc and comes back with the resync. */
function notSaved(context: MessageContext): MessageVerdict {
  context.subscriber.end(CloseCode.NOT_SAVED, NOT_SAVED_REASON);
  return CARRY_ON;
}

/** Presence is not worth a write: while storage fails, a new client id's presence is dropped rather than claimed. */
function stampPresence(context: MessageContext, update: Uint8Array): ReturnType<typeof stampAwarenessUpdate> | null {
  try {
    return stampAwarenessUpdate(update, context.identity.user, (clientId) => context.ownsClient(clientId));
  } catch (error) {
    if (isStorageFailure(error)) return null;
    throw error;
  }
}

/** A refused write: the sender is told why (y-protocols permission denied), nothing is applied or relayed, and it is audited. */
function refuse(context: MessageContext, reason: string): MessageVerdict {
  context.subscriber.send(encodePermissionDenied(reason));
  context.onRefused(context.live.name, reason);
  return CARRY_ON;
}
