// Who is in the meeting and which section each is looking at, read from the meeting awareness, one entry per person.

import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../../shared/protocol/presence';
import { isRole } from '../../shared/rules/roles';

export interface Presence {
  readonly user: PresenceUser;
  /** Sections this person has open (several when they have several tabs). */
  readonly sections: readonly string[];
  readonly isMe: boolean;
}

/** The server stamps `user`; anything else there is ignored rather than shown. */
function presenceUser(value: unknown): PresenceUser | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { participantId, name, roles, color } = value as Record<string, unknown>;
  if (typeof participantId !== 'string' || typeof name !== 'string' || typeof color !== 'string') return undefined;
  return { participantId, name, color, roles: Array.isArray(roles) ? roles.filter(isRole) : [] };
}

export function presenceOf(awareness: Awareness, me: PresenceUser): Presence[] {
  const people = new Map<string, { user: PresenceUser; sections: Set<string> }>();
  for (const [clientId, state] of awareness.getStates()) {
    // Our own state is never stamped locally (the server stamps what it relays), so we are who the plan says we are.
    const user = clientId === awareness.clientID ? me : presenceUser(state.user);
    if (!user) continue;
    const entry = people.get(user.participantId) ?? { user, sections: new Set<string>() };
    if (typeof state.section === 'string') entry.sections.add(state.section);
    people.set(user.participantId, entry);
  }
  return [...people.values()]
    .map(({ user, sections }) => ({ user, sections: [...sections].sort(), isMe: user.participantId === me.participantId }))
    .sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.user.name.localeCompare(b.user.name));
}

/** Re-renders only when who is here or where they are changes, not on every caret move. */
export function usePresence(awareness: Awareness, me: PresenceUser): readonly Presence[] {
  const [presence, setPresence] = useState<readonly Presence[]>(() => presenceOf(awareness, me));
  useEffect(() => {
    let signature = '';
    const update = () => {
      const next = presenceOf(awareness, me);
      const nextSignature = JSON.stringify(next);
      if (nextSignature === signature) return;
      signature = nextSignature;
      setPresence(next);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness, me]);
  return presence;
}
