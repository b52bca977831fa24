/** Roles a person can hold within one collaboration (the tenant). */
export const Role = {
  Coordinator: 'COORDINATOR',
  SteeringMember: 'STEERING_MEMBER',
  GroupMember: 'GROUP_MEMBER',
  MunicipalEditor: 'MUNICIPAL_EDITOR',
  AgencyAnalyst: 'AGENCY_ANALYST',
  Viewer: 'VIEWER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Realm roles are taken from the identity provider's token (`realm_access.roles`), not the database. */
export const PLATFORM_ADMIN_REALM_ROLE = 'platform-admin';
/** The realm role of those who look after the official statistics every collaboration reads. */
export const STATISTICS_STEWARD_REALM_ROLE = 'statistics-steward';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}
