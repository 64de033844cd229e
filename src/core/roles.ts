export const ROLES = ['admin', 'generator', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do. Routes name a permission; this table is the single policy. */
export const PERMISSIONS = {
  'conversations:read': ['admin', 'generator', 'reviewer', 'viewer'],
  'conversations:generate': ['admin', 'generator'],
  'conversations:review': ['admin', 'reviewer'],
  'conversations:delete': ['admin'],
  'runs:read': ['admin', 'generator', 'reviewer', 'viewer'],
  'runs:manage': ['admin', 'generator'],
  'catalog:read': ['admin', 'generator', 'reviewer', 'viewer'],
  /** Personas, topics and the other dimension values: what generators plan with, so they keep them too. */
  'catalog:write': ['admin', 'generator'],
  /** Upload, edit, re-chunk, delete and import source documents. */
  'documents:write': ['admin', 'generator'],
  'exports:create': ['admin', 'generator', 'reviewer'],
  /** The export history: who exported what, when (every role reads it; only some export). */
  'exports:read': ['admin', 'generator', 'reviewer', 'viewer'],
  /** The review audit trail across conversations and the activity and compliance reports. */
  'audit:read': ['admin', 'reviewer'],
  'settings:read': ['admin', 'generator', 'reviewer', 'viewer'],
  'settings:write': ['admin'],
  'users:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: string, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
