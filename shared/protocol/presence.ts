// What each participant's presence carries on the meeting doc's awareness; the server stamps `user`, clients set the rest.

import type { Role } from '../rules/roles';

export interface PresenceUser {
  readonly participantId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Caret and avatar colour, chosen by the server so everyone sees the same one. */
  readonly color: string;
}

export interface PresenceState {
  readonly user?: PresenceUser;
  /** The section this participant is looking at. */
  readonly section?: string;
  readonly [cursorField: string]: unknown;
}

/** Each editor keeps its caret in its own awareness field, so many editors can share the one meeting awareness. */
export function cursorField(sectionId: string, partId: string): string {
  return `cursor:${sectionId}:${partId}`;
}

/** Colours with at least 4.5:1 contrast against white text, for avatars and caret labels. */
const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f', '#6d28d9', '#9a3412'];

export function colorFor(participantId: string): string {
  let hash = 0;
  for (let i = 0; i < participantId.length; i++) hash = (hash * 31 + participantId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#1d4ed8';
}
