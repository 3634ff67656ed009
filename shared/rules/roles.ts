// IDEA team roles and the one capability table that the server's checks, the UI and the tests all read.

export const ROLES = [
  'facilitator',
  'parent',
  'student',
  'special-education-teacher',
  'general-education-teacher',
  'lea-representative',
  'evaluator',
  'related-service-provider',
  'interpreter',
  'advocate',
  'observer',
] as const;

export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  'read',
  'edit',
  'comment',
  'lock',
  'sign',
  'change-status',
  'manage-participants',
  'export',
  'read-audit',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  facilitator: 'Case manager (facilitator)',
  parent: 'Parent or guardian',
  student: 'Student',
  'special-education-teacher': 'Special education teacher',
  'general-education-teacher': 'General education teacher',
  'lea-representative': 'District (LEA) representative',
  evaluator: 'Evaluator',
  'related-service-provider': 'Related-service provider',
  interpreter: 'Interpreter',
  advocate: 'Advocate',
  observer: 'Observer',
};

const STAFF_WRITER: readonly Capability[] = ['read', 'edit', 'comment', 'lock', 'sign', 'export'];

/**
 * Who may do what. Parents, students and advocates take part fully (comment, sign, get a copy) but never
 * change content: their words go into comments and signed statements, which stay on the record.
 */
export const CAPABILITY_TABLE: Readonly<Record<Role, readonly Capability[]>> = {
  facilitator: CAPABILITIES,
  parent: ['read', 'comment', 'sign', 'export'],
  student: ['read', 'comment', 'sign', 'export'],
  'special-education-teacher': STAFF_WRITER,
  'general-education-teacher': STAFF_WRITER,
  'lea-representative': [...STAFF_WRITER, 'change-status', 'read-audit'],
  evaluator: STAFF_WRITER,
  'related-service-provider': STAFF_WRITER,
  interpreter: ['read', 'comment'],
  advocate: ['read', 'comment', 'export'],
  observer: ['read'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** One person may hold several roles: they may do what any of them allows. */
export function can(roles: readonly Role[], capability: Capability): boolean {
  return roles.some((role) => CAPABILITY_TABLE[role].includes(capability));
}
