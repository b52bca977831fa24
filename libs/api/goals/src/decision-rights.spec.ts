import { Principal, type PrincipalMembership } from '@kraftsamling/api/core/auth';
import { Role } from '@kraftsamling/shared/permissions';
import { mayRecordDecisionsIn, type DecisionRecorder } from './decision-rights';

const C = 'c1';
const membership = (role: Role, extra: Partial<PrincipalMembership> = {}): PrincipalMembership => ({
  membershipId: `m-${role}`,
  collaborationId: C,
  slug: 'c1',
  collaborationName: 'Samverkan',
  role,
  organizationId: null,
  groupId: null,
  ...extra,
});
const recorder = (memberships: PrincipalMembership[], realmRoles: string[] = []): DecisionRecorder => {
  const principal = new Principal('u1', 's1', 'user', 'Användare', null, realmRoles, memberships);
  return { principal, collaborationId: C, permissions: principal.permissionsIn(C) };
};
const steering = { id: 'steering', kind: 'STEERING' as const };
const labour = { id: 'g1', kind: 'OPERATIONAL' as const };
const education = { id: 'g2', kind: 'OPERATIONAL' as const };

describe('who records decisions in which log', () => {
  it('lets a group member record in their own operational group’s log only', () => {
    const member = recorder([membership(Role.GroupMember, { groupId: 'g1' })]);
    expect(mayRecordDecisionsIn(member, labour)).toBe(true);
    expect(mayRecordDecisionsIn(member, education)).toBe(false);
    expect(mayRecordDecisionsIn(member, steering)).toBe(false);
  });

  it('gives a group membership no say in another collaboration’s groups', () => {
    const elsewhere = recorder([membership(Role.GroupMember, { groupId: 'g1', collaborationId: 'c2' })]);
    expect(mayRecordDecisionsIn(elsewhere, labour)).toBe(false);
  });

  it('lets the coordinator, steering members and a platform admin record in every log', () => {
    for (const who of [
      recorder([membership(Role.Coordinator)]),
      recorder([membership(Role.SteeringMember, { groupId: 'steering' })]),
      recorder([], ['platform-admin']),
    ])
      for (const group of [steering, labour, education]) expect(mayRecordDecisionsIn(who, group)).toBe(true);
  });

  it('lets municipal editors, analysts and viewers record in no log', () => {
    for (const role of [Role.MunicipalEditor, Role.AgencyAnalyst, Role.Viewer]) {
      const who = recorder([membership(role, { groupId: 'g1' })]);
      for (const group of [steering, labour, education]) expect(mayRecordDecisionsIn(who, group)).toBe(false);
    }
  });
});
