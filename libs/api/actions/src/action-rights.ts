import type { Principal } from '@kraftsamling/api/core/auth';
import { Role } from '@kraftsamling/shared/permissions';

/**
 * Who may change a group's actions: the coordinator (and a platform admin) any group's; a
 * group member their own group's only. Permissions alone (action:manage) cannot say this,
 * because they do not know which group a membership is in.
 */
export function mayManageActionsOf(principal: Principal, collaborationId: string, groupId: string): boolean {
  return isCoordinatorIn(principal, collaborationId) || isMemberOfGroup(principal, collaborationId, groupId);
}

export function isCoordinatorIn(principal: Principal, collaborationId: string): boolean {
  return principal.isPlatformAdmin || principal.rolesIn(collaborationId).includes(Role.Coordinator);
}

export function isMemberOfGroup(principal: Principal, collaborationId: string, groupId: string): boolean {
  return principal.memberships.some(
    (m) => m.collaborationId === collaborationId && m.role === Role.GroupMember && m.groupId === groupId,
  );
}

/** The organisations a municipal editor records for (their municipality's), in this collaboration. */
export function editorOrganizationIds(principal: Principal, collaborationId: string): string[] {
  return principal.memberships
    .filter((m) => m.collaborationId === collaborationId && m.role === Role.MunicipalEditor)
    .map((m) => m.organizationId)
    .filter((id): id is string => Boolean(id));
}
