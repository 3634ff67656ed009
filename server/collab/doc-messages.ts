// The one place a doc's y-protocols messages are read and dispatched, with the write gate in front of every change.

import * as decoding from 'lib0/decoding';
import { MessageType, SyncStep, encodePermissionDenied } from '../../shared/protocol/messages';
import type { PresenceUser } from '../../shared/protocol/presence';
import type { PlanStatus } from '../../shared/protocol/api';
import type { SectionLock } from '../../shared/rules/locks';
import { decideWrite } from '../../shared/rules/write-gate';
import type { Role } from '../../shared/rules/roles';
import { stampAwarenessUpdate } from './awareness-identity';
import { updateClients } from './update-inspection';
import type { DocSubscriber, LiveDoc } from './live-doc';

export interface Identity {
  readonly iepId: string;
  readonly participantId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly user: PresenceUser;
}

export interface MessageContext {
  readonly live: LiveDoc;
  readonly subscriber: DocSubscriber;
  readonly identity: Identity;
  readonly ownsClient: (clientId: number) => boolean;
  readonly onRefused: (doc: string, reason: string) => void;
  readonly lockOf: (doc: string) => SectionLock | undefined;
  readonly status: () => PlanStatus | undefined;
  /** Presence claimed another identity and was rewritten (stock carets send their own `user`, so this is frequent). */
  readonly onPresenceRewritten: (doc: string) => void;
  /** An update of this participant was accepted into the doc. */
  readonly onApplied: (doc: string) => void;
}

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
      const stamped = stampAwarenessUpdate(decoding.readVarUint8Array(decoder), context.identity.user, context.ownsClient);
      if (stamped.update) context.live.applyAwareness(stamped.update, context.subscriber);
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
  const clients = updateClients(update);
  if (!clients) return { close: true, reason: 'malformed update' };
  // A reader's sync step 2 carries its whole delete set even when it has nothing new: that is not a write.
  if (clients.size === 0 && live.deletesNothingNew(update)) return CARRY_ON;
  const decision = decideWrite({ participantId: identity.participantId, roles: identity.roles, doc: live.name, lock: context.lockOf(live.name), status: context.status() });
  if (!decision.ok) return refuse(context, decision.reason);
  for (const clientId of clients) {
    if (!context.ownsClient(clientId)) return refuse(context, `section ${live.name}: Yjs client ${clientId} belongs to another participant`);
  }
  if (live.applyClientUpdate(update, subscriber) === 'applied') context.onApplied(live.name);
  return CARRY_ON;
}

/** A refused write: the sender is told why (y-protocols permission denied), nothing is applied or relayed, and it is audited. */
function refuse(context: MessageContext, reason: string): MessageVerdict {
  context.subscriber.send(encodePermissionDenied(reason));
  context.onRefused(context.live.name, reason);
  return CARRY_ON;
}
