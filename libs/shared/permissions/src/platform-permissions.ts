import { PLATFORM_ADMIN_REALM_ROLE, STATISTICS_STEWARD_REALM_ROLE } from './roles';

/**
 * What a user may do with platform data, which belongs to no collaboration: the official
 * statistics (Arbetsförmedlingen, SCB, Kolada) every collaboration reads. These come only
 * from realm roles in the identity provider's token, never from a role inside a
 * collaboration, so no tenant can change what all tenants see.
 */
export const PlatformPermission = {
  /** import official statistics, undo official import batches, and see who imported them */
  OfficialImport: 'official:import',
} as const;
export type PlatformPermission = (typeof PlatformPermission)[keyof typeof PlatformPermission];
export const ALL_PLATFORM_PERMISSIONS: readonly PlatformPermission[] = Object.values(PlatformPermission);

/** The realm role → platform permission map; a platform admin holds every platform permission. */
export const REALM_ROLE_PLATFORM_PERMISSIONS: Readonly<Record<string, readonly PlatformPermission[]>> = {
  [PLATFORM_ADMIN_REALM_ROLE]: ALL_PLATFORM_PERMISSIONS,
  [STATISTICS_STEWARD_REALM_ROLE]: [PlatformPermission.OfficialImport],
};

/** The platform permissions the given realm roles grant, in the order of ALL_PLATFORM_PERMISSIONS. */
export function platformPermissionsForRealmRoles(realmRoles: Iterable<string>): PlatformPermission[] {
  const granted = new Set<PlatformPermission>();
  for (const role of realmRoles)
    for (const permission of REALM_ROLE_PLATFORM_PERMISSIONS[role] ?? []) granted.add(permission);
  return ALL_PLATFORM_PERMISSIONS.filter((permission) => granted.has(permission));
}
