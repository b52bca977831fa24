import type { Principal } from '@kraftsamling/api/core/auth';
import { Permission, Role } from '@kraftsamling/shared/permissions';

/**
 * Who may change a group's actions: the coordinator (and a platform admin) any group's; a
 * group member their own group's only. Permissions alone (action:manage) cannot say this,
 * because they do not know which group a membership is in.
 */
export function mayManageActionsOf(principal: Principal, collaborationId: string, groupId: string): boolean {
  return isCoordinatorIn(principal, collaborationId) || principal.isMemberOfGroup(collaborationId, groupId);
}

export function isCoordinatorIn(principal: Principal, collaborationId: string): boolean {
  return principal.isPlatformAdmin || principal.rolesIn(collaborationId).includes(Role.Coordinator);
}

/** The organisations a municipal editor records for (their municipality's), in this collaboration. */
export function editorOrganizationIds(principal: Principal, collaborationId: string): string[] {
  return principal.memberships
    .filter((m) => m.collaborationId === collaborationId && m.role === Role.MunicipalEditor)
    .map((m) => m.organizationId)
    .filter((id): id is string => Boolean(id));
}

/** What the signed-in user may do with an action, so the web app offers only that. */
export interface ActionViewerHints {
  viewerCanEdit: boolean;
  viewerCanRecordFor: string[];
}

/** Who reads: the tenant scope's parts the hints depend on. */
export interface ActionReader {
  principal: Principal;
  collaborationId: string;
  permissions: readonly string[];
}

/**
 * Whether the hints of these actions need the municipalities the reader records for as a
 * municipal editor (one statement): only for an outcome recorder who may not manage all of
 * the actions' groups.
 */
export function needsEditorMunicipalities(
  reader: ActionReader,
  actions: readonly { groupId: string }[],
): boolean {
  return (
    reader.permissions.includes(Permission.OutcomeRecord) &&
    editorOrganizationIds(reader.principal, reader.collaborationId).length > 0 &&
    actions.some((action) => !mayManageActionsOf(reader.principal, reader.collaborationId, action.groupId))
  );
}

/**
 * The hints of one action. A hint: every mutation checks the same rules again on the
 * server (ActionService). `editorMunicipalities`: the codes the reader records for as a
 * municipal editor in this collaboration.
 */
export function viewerHints(
  reader: ActionReader,
  action: { groupId: string; municipalities: readonly { code: string }[] },
  editorMunicipalities: readonly string[],
): ActionViewerHints {
  const manages = mayManageActionsOf(reader.principal, reader.collaborationId, action.groupId);
  const codes = action.municipalities.map((municipality) => municipality.code);
  return {
    viewerCanEdit: reader.permissions.includes(Permission.ActionManage) && manages,
    viewerCanRecordFor: !reader.permissions.includes(Permission.OutcomeRecord)
      ? []
      : manages
        ? codes
        : codes.filter((code) => editorMunicipalities.includes(code)),
  };
}
