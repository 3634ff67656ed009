// The roles a team member can be given, as a list of choices labelled the way the team says them.

import { ROLE_LABELS, ROLES, type Role } from '../../shared/rules/roles';

export const ROLE_CHOICES: readonly { readonly value: Role; readonly label: string }[] = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export function roleLabels(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join(', ');
}
