import {
  ALL_PERMISSIONS,
  Permission,
  hasPermission,
  permissionsForRoles,
  ROLE_PERMISSIONS,
} from './permissions';
import { ALL_ROLES, Role, isRole } from './roles';
import { checkRoleBinding } from './role-binding';
import {
  ALL_PLATFORM_PERMISSIONS,
  PlatformPermission,
  platformPermissionsForRealmRoles,
} from './platform-permissions';

describe('role → permission map', () => {
  it('gives every role at least read access to its collaboration', () => {
    for (const role of ALL_ROLES) expect(ROLE_PERMISSIONS[role]).toContain(Permission.CollaborationRead);
  });

  it('lets only the coordinator manage members, groups and organisations', () => {
    const managers = ALL_ROLES.filter((role) => hasPermission([role], Permission.MemberManage));
    expect(managers).toEqual([Role.Coordinator]);
    expect(hasPermission([Role.MunicipalEditor], Permission.GroupManage)).toBe(false);
    expect(hasPermission([Role.Coordinator], Permission.OrganizationManage)).toBe(true);
  });

  it('unions the permissions of several roles without duplicates', () => {
    const permissions = permissionsForRoles([Role.Viewer, Role.SteeringMember, Role.Viewer]);
    expect(permissions).toEqual([
      Permission.CollaborationRead,
      Permission.MemberRead,
      Permission.AuditRead,
      Permission.IndicatorRead,
      Permission.GoalRead,
      Permission.GoalManage,
      Permission.DecisionManage,
      Permission.DecisionRecord,
      Permission.ActionRead,
    ]);
  });

  it('lets every role read actions; coordinators and group members manage them', () => {
    for (const role of ALL_ROLES) expect(ROLE_PERMISSIONS[role]).toContain(Permission.ActionRead);
    const managers = ALL_ROLES.filter((role) => hasPermission([role], Permission.ActionManage));
    expect(managers.sort()).toEqual([Role.Coordinator, Role.GroupMember].sort());
  });

  it('lets coordinators, group members and municipal editors record outcomes; only coordinators extend the action types', () => {
    const recorders = ALL_ROLES.filter((role) => hasPermission([role], Permission.OutcomeRecord));
    expect(recorders.sort()).toEqual([Role.Coordinator, Role.GroupMember, Role.MunicipalEditor].sort());
    const typeManagers = ALL_ROLES.filter((role) => hasPermission([role], Permission.ActionTypeManage));
    expect(typeManagers).toEqual([Role.Coordinator]);
    expect(hasPermission([Role.SteeringMember], Permission.ActionManage)).toBe(false);
    expect(hasPermission([Role.AgencyAnalyst], Permission.OutcomeRecord)).toBe(false);
  });

  it('lets every member read goals, and only steering members and coordinators manage goals and decisions', () => {
    for (const role of ALL_ROLES) expect(ROLE_PERMISSIONS[role]).toContain(Permission.GoalRead);
    const goalManagers = ALL_ROLES.filter((role) => hasPermission([role], Permission.GoalManage));
    expect(goalManagers.sort()).toEqual([Role.Coordinator, Role.SteeringMember].sort());
    const deciders = ALL_ROLES.filter((role) => hasPermission([role], Permission.DecisionManage));
    expect(deciders.sort()).toEqual([Role.Coordinator, Role.SteeringMember].sort());
  });

  it('lets group members record decisions (their own group’s log, the API checks) besides those who manage any log', () => {
    const recorders = ALL_ROLES.filter((role) => hasPermission([role], Permission.DecisionRecord));
    expect(recorders.sort()).toEqual([Role.Coordinator, Role.GroupMember, Role.SteeringMember].sort());
    // Whoever manages every log also records in it: one guard permission serves both.
    for (const role of ALL_ROLES)
      if (hasPermission([role], Permission.DecisionManage))
        expect(hasPermission([role], Permission.DecisionRecord)).toBe(true);
    expect(hasPermission([Role.GroupMember], Permission.DecisionManage)).toBe(false);
  });

  it('lets agency analysts and coordinators import local figures, editors and coordinators enter them', () => {
    const importers = ALL_ROLES.filter((role) => hasPermission([role], Permission.IndicatorImport));
    expect(importers.sort()).toEqual([Role.AgencyAnalyst, Role.Coordinator].sort());
    const enterers = ALL_ROLES.filter((role) => hasPermission([role], Permission.ValuesEnter));
    expect(enterers.sort()).toEqual([Role.Coordinator, Role.MunicipalEditor].sort());
  });

  it('grants a platform admin every permission whatever the roles', () => {
    expect(permissionsForRoles([], true)).toEqual(ALL_PERMISSIONS);
  });

  it('recognises role names and rejects anything else', () => {
    expect(isRole('COORDINATOR')).toBe(true);
    expect(isRole('coordinator')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe('role bindings', () => {
  it('requires a municipality for a municipal editor', () => {
    expect(checkRoleBinding({ role: Role.MunicipalEditor })).toEqual([
      { field: 'organizationId', reason: 'required', expected: 'MUNICIPALITY' },
    ]);
    expect(checkRoleBinding({ role: Role.MunicipalEditor, organizationKind: 'EMPLOYMENT_AGENCY' })).toEqual([
      { field: 'organizationId', reason: 'wrong-kind', expected: 'MUNICIPALITY' },
    ]);
    expect(checkRoleBinding({ role: Role.MunicipalEditor, organizationKind: 'MUNICIPALITY' })).toEqual([]);
  });

  it('requires an operational group for a group member and refuses the steering group', () => {
    expect(checkRoleBinding({ role: Role.GroupMember })[0]).toMatchObject({
      field: 'groupId',
      reason: 'required',
    });
    expect(checkRoleBinding({ role: Role.GroupMember, groupKind: 'STEERING' })[0]).toMatchObject({
      reason: 'wrong-kind',
    });
  });

  it('refuses a binding the role does not take', () => {
    expect(
      checkRoleBinding({ role: Role.Coordinator, organizationKind: 'MUNICIPALITY', groupKind: 'STEERING' }),
    ).toEqual([
      { field: 'organizationId', reason: 'not-allowed' },
      { field: 'groupId', reason: 'not-allowed' },
    ]);
  });
});

describe('platform permissions', () => {
  it('grants official imports only through the statistics-steward or platform-admin realm role', () => {
    expect(platformPermissionsForRealmRoles(['statistics-steward'])).toEqual([
      PlatformPermission.OfficialImport,
    ]);
    expect(platformPermissionsForRealmRoles(['platform-admin'])).toEqual(ALL_PLATFORM_PERMISSIONS);
    expect(platformPermissionsForRealmRoles(['default-roles-kraftsamling', 'COORDINATOR'])).toEqual([]);
  });

  it('gives no role inside a collaboration a say over official statistics', () => {
    const collaborationPermissions: readonly string[] = ALL_PERMISSIONS;
    for (const permission of ALL_PLATFORM_PERMISSIONS)
      expect(collaborationPermissions).not.toContain(permission);
  });
});
