import { Role } from './roles';

/**
 * Everything a user may do inside a collaboration. The API guards check these and
 * the web app hides what a user lacks; the server is the only enforcement.
 */
export const Permission = {
  CollaborationRead: 'collaboration:read',
  MemberRead: 'member:read',
  MemberManage: 'member:manage',
  GroupManage: 'group:manage',
  OrganizationManage: 'organization:manage',
  AuditRead: 'audit:read',
  /** read the catalogue and values, local indicators included (official ones are public anyway) */
  IndicatorRead: 'indicator:read',
  /**
   * import this collaboration's local figures (template files) and undo such imports; official
   * statistics are platform data and need the platform permission `official:import` instead
   */
  IndicatorImport: 'indicator:import',
  /** enter local figures by hand: a municipal editor for their municipality, a coordinator for any member */
  ValuesEnter: 'values:enter',
  /** define the collaboration's local indicators */
  IndicatorManage: 'indicator:manage',
  /** read the collaboration's goals, their progress, check-ins and decisions */
  GoalRead: 'goal:read',
  /** create, edit, activate, re-baseline and check in on goals */
  GoalManage: 'goal:manage',
  /** record and follow up decisions in any group's log, the steering group's included */
  DecisionManage: 'decision:manage',
  /**
   * record and follow up decisions in a group's log: with decision:manage in any group's, a
   * group member only in their own operational group's (the API checks the membership's group)
   */
  DecisionRecord: 'decision:record',
  /** read the operational groups' actions (insatser), their outcomes, updates and history */
  ActionRead: 'action:read',
  /**
   * create and edit actions and post progress updates: a coordinator for any group, a group
   * member only for their own group's actions (the API checks the membership's group)
   */
  ActionManage: 'action:manage',
  /**
   * record an action's outcomes: a coordinator for any, a group member for their group's
   * actions, a municipal editor only for rows of their own municipality on actions running
   * there (the API checks the membership's organisation)
   */
  OutcomeRecord: 'outcome:record',
  /** extend the collaboration's list of action types */
  ActionTypeManage: 'action-type:manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

const MEMBER_BASICS: readonly Permission[] = [
  Permission.CollaborationRead,
  Permission.MemberRead,
  Permission.IndicatorRead,
  Permission.GoalRead,
  Permission.ActionRead,
];

/** The role → permission map: the single source of truth for API and web. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Coordinator]: [
    ...MEMBER_BASICS,
    Permission.MemberManage,
    Permission.GroupManage,
    Permission.OrganizationManage,
    Permission.AuditRead,
    Permission.IndicatorImport,
    Permission.ValuesEnter,
    Permission.IndicatorManage,
    Permission.GoalManage,
    Permission.DecisionManage,
    Permission.DecisionRecord,
    Permission.ActionManage,
    Permission.OutcomeRecord,
    Permission.ActionTypeManage,
  ],
  [Role.SteeringMember]: [
    ...MEMBER_BASICS,
    Permission.AuditRead,
    Permission.GoalManage,
    Permission.DecisionManage,
    Permission.DecisionRecord,
  ],
  [Role.GroupMember]: [
    ...MEMBER_BASICS,
    Permission.DecisionRecord,
    Permission.ActionManage,
    Permission.OutcomeRecord,
  ],
  [Role.MunicipalEditor]: [...MEMBER_BASICS, Permission.ValuesEnter, Permission.OutcomeRecord],
  [Role.AgencyAnalyst]: [...MEMBER_BASICS, Permission.IndicatorImport],
  [Role.Viewer]: MEMBER_BASICS,
};

/** The union of the permissions of the given roles, in the order of ALL_PERMISSIONS. */
export function permissionsForRoles(roles: Iterable<Role>, isPlatformAdmin = false): Permission[] {
  if (isPlatformAdmin) return [...ALL_PERMISSIONS];
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return ALL_PERMISSIONS.filter((permission) => granted.has(permission));
}

export function hasPermission(
  roles: Iterable<Role>,
  permission: Permission,
  isPlatformAdmin = false,
): boolean {
  return permissionsForRoles(roles, isPlatformAdmin).includes(permission);
}
