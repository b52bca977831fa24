import {
  PLATFORM_ADMIN_REALM_ROLE,
  Role,
  permissionsForRoles,
  platformPermissionsForRealmRoles,
  type Permission,
  type PlatformPermission,
} from '@kraftsamling/shared/permissions';

export interface PrincipalMembership {
  membershipId: string;
  collaborationId: string;
  slug: string;
  collaborationName: string;
  role: Role;
  organizationId: string | null;
  groupId: string | null;
}

/** The signed-in user of one request: who they are and every membership they hold. */
export class Principal {
  constructor(
    readonly userId: string,
    readonly subject: string,
    readonly username: string | null,
    readonly name: string,
    readonly email: string | null,
    readonly realmRoles: readonly string[],
    readonly memberships: readonly PrincipalMembership[],
  ) {}

  get isPlatformAdmin(): boolean {
    return this.realmRoles.includes(PLATFORM_ADMIN_REALM_ROLE);
  }

  /** Grants over platform data (official statistics): from realm roles in the token only. */
  get platformPermissions(): PlatformPermission[] {
    return platformPermissionsForRealmRoles(this.realmRoles);
  }

  canOnPlatform(permission: PlatformPermission): boolean {
    return this.platformPermissions.includes(permission);
  }

  rolesIn(collaborationId: string): Role[] {
    return [
      ...new Set(this.memberships.filter((m) => m.collaborationId === collaborationId).map((m) => m.role)),
    ];
  }

  isMemberOf(collaborationId: string): boolean {
    return this.memberships.some((m) => m.collaborationId === collaborationId);
  }

  /**
   * Whether this user is a member (GROUP_MEMBER) of that group. Permissions alone cannot say
   * this: they come from roles, and a role does not know which group its membership is in.
   */
  isMemberOfGroup(collaborationId: string, groupId: string): boolean {
    return this.memberships.some(
      (m) => m.collaborationId === collaborationId && m.role === Role.GroupMember && m.groupId === groupId,
    );
  }

  permissionsIn(collaborationId: string): Permission[] {
    return permissionsForRoles(this.rolesIn(collaborationId), this.isPlatformAdmin);
  }

  can(permission: Permission, collaborationId: string): boolean {
    return this.permissionsIn(collaborationId).includes(permission);
  }
}
