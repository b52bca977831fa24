import { Role } from './roles';

/** What a membership's role may be bound to: an organisation, a group, or nothing. */
export interface RoleBinding {
  role: Role;
  organizationKind?: string | null;
  groupKind?: string | null;
}

export type RoleBindingProblem =
  | { field: 'organizationId'; reason: 'required' | 'not-allowed' | 'wrong-kind'; expected?: string }
  | { field: 'groupId'; reason: 'required' | 'not-allowed' | 'wrong-kind'; expected?: string };

/**
 * Which roles are bound to what. A municipal editor edits one municipality's figures,
 * so the binding to a municipality is required; a group member belongs to one
 * operational group; a steering member may name the steering group; an agency analyst
 * may name the employment agency. Everything else is collaboration-wide.
 */
const BINDINGS: Record<
  Role,
  { organization?: { kind: string; required: boolean }; group?: { kind: string; required: boolean } }
> = {
  [Role.Coordinator]: {},
  [Role.SteeringMember]: { group: { kind: 'STEERING', required: false } },
  [Role.GroupMember]: { group: { kind: 'OPERATIONAL', required: true } },
  [Role.MunicipalEditor]: { organization: { kind: 'MUNICIPALITY', required: true } },
  [Role.AgencyAnalyst]: { organization: { kind: 'EMPLOYMENT_AGENCY', required: false } },
  [Role.Viewer]: {},
};

export function roleBindingRules(role: Role) {
  return BINDINGS[role];
}

/** Every way the binding breaks the rules; empty when it is valid. */
export function checkRoleBinding(binding: RoleBinding): RoleBindingProblem[] {
  const rules = BINDINGS[binding.role];
  const problems: RoleBindingProblem[] = [];
  const check = (
    field: 'organizationId' | 'groupId',
    rule: { kind: string; required: boolean } | undefined,
    kind: string | null | undefined,
  ) => {
    if (!rule) {
      if (kind) problems.push({ field, reason: 'not-allowed' });
    } else if (!kind) {
      if (rule.required) problems.push({ field, reason: 'required', expected: rule.kind });
    } else if (kind !== rule.kind) {
      problems.push({ field, reason: 'wrong-kind', expected: rule.kind });
    }
  };
  check('organizationId', rules.organization, binding.organizationKind);
  check('groupId', rules.group, binding.groupKind);
  return problems;
}
