import { Principal, type PrincipalMembership } from '@kraftsamling/api/core/auth';
import { Role } from '@kraftsamling/shared/permissions';
import { needsEditorMunicipalities, viewerHints, type ActionReader } from './action-rights';

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
const reader = (...memberships: PrincipalMembership[]): ActionReader => {
  const principal = new Principal('u1', 's1', 'user', 'Användare', null, [], memberships);
  return { principal, collaborationId: C, permissions: principal.permissionsIn(C) };
};
const action = (groupId: string) => ({ groupId, municipalities: [{ code: '1283' }, { code: '1282' }] });

describe('the viewer hints of an action', () => {
  it('lets a member of the action’s group edit it and record for all its municipalities', () => {
    const member = reader(membership(Role.GroupMember, { groupId: 'g1' }));
    expect(viewerHints(member, action('g1'), [])).toEqual({
      viewerCanEdit: true,
      viewerCanRecordFor: ['1283', '1282'],
    });
    expect(viewerHints(member, action('g2'), [])).toEqual({ viewerCanEdit: false, viewerCanRecordFor: [] });
    expect(needsEditorMunicipalities(member, [action('g1'), action('g2')])).toBe(false);
  });

  it('lets the coordinator edit any group’s action', () => {
    const coordinator = reader(membership(Role.Coordinator));
    expect(viewerHints(coordinator, action('g2'), [])).toEqual({
      viewerCanEdit: true,
      viewerCanRecordFor: ['1283', '1282'],
    });
    expect(needsEditorMunicipalities(coordinator, [action('g2')])).toBe(false);
  });

  it('lets a municipal editor record only for their own municipality where the action runs, never edit', () => {
    const editor = reader(membership(Role.MunicipalEditor, { organizationId: 'o1' }));
    expect(needsEditorMunicipalities(editor, [action('g1')])).toBe(true);
    expect(viewerHints(editor, action('g1'), ['1282'])).toEqual({
      viewerCanEdit: false,
      viewerCanRecordFor: ['1282'],
    });
    expect(viewerHints(editor, action('g1'), ['1280']).viewerCanRecordFor).toEqual([]);
  });

  it('offers a steering member who only reads nothing, without asking the database', () => {
    const steering = reader(membership(Role.SteeringMember));
    expect(viewerHints(steering, action('g1'), ['1283'])).toEqual({
      viewerCanEdit: false,
      viewerCanRecordFor: [],
    });
    expect(needsEditorMunicipalities(steering, [action('g1')])).toBe(false);
  });
});
