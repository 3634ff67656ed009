// One plain sentence telling a person what their roles let them do in the meeting, and why not the rest.

import { type Capability, can, type Role } from '../../shared/rules/roles';

/** How each right beyond reading and editing is said, in the order it is said. */
const SAID_AS: readonly (readonly [Capability, string])[] = [
  ['comment', 'comment'],
  ['sign', 'sign'],
  ['change-status', 'change the plan’s status'],
  ['manage-participants', 'manage the team'],
];

function spoken(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function rightsSentence(roles: readonly Role[]): string {
  if (!can(roles, 'read')) return 'You are no longer on this team, so this page no longer updates.';
  const rights = SAID_AS.filter(([capability]) => can(roles, capability)).map(([, words]) => words);
  if (can(roles, 'edit')) return `You can ${spoken(['edit every section', ...rights])}.`;
  if (rights.length === 0) return 'You can read the plan; editing it is for school staff.';
  return `You can ${spoken(rights)}; editing the plan is for school staff.`;
}
