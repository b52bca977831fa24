import { Permission } from '@kraftsamling/shared/permissions';
import type { OrganizationKind } from '@kraftsamling/web/shared/graphql';
import { can, municipalitiesOf, partnersOf, sortGroups } from './models';

const org = (name: string, kind: OrganizationKind = 'MUNICIPALITY') => ({ id: name, name, kind });

describe('collaboration view helpers', () => {
  it('lists the municipalities only, sorted the Swedish way (Å, Ä, Ö last)', () => {
    const organizations = [
      org('Örkelljunga'),
      org('Arbetsförmedlingen', 'EMPLOYMENT_AGENCY'),
      org('Ängelholm'),
      org('Bjuv'),
      org('Åstorp'),
      org('Helsingborg'),
    ];
    expect(municipalitiesOf(organizations).map((o) => o.name)).toEqual([
      'Bjuv',
      'Helsingborg',
      'Åstorp',
      'Ängelholm',
      'Örkelljunga',
    ]);
    expect(partnersOf(organizations).map((o) => o.name)).toEqual(['Arbetsförmedlingen']);
  });

  it('puts the steering group before the operational groups', () => {
    const groups = [
      { name: 'Vuxenutbildning', kind: 'OPERATIONAL' as const },
      { name: 'Styrgrupp', kind: 'STEERING' as const },
      { name: 'Arbetsmarknad', kind: 'OPERATIONAL' as const },
    ];
    expect(sortGroups(groups).map((g) => g.name)).toEqual(['Styrgrupp', 'Arbetsmarknad', 'Vuxenutbildning']);
  });

  it('grants a permission only when the API listed it', () => {
    expect(can(['collaboration:read', 'member:manage'], Permission.MemberManage)).toBe(true);
    expect(can(['collaboration:read'], Permission.MemberManage)).toBe(false);
    expect(can(undefined, Permission.CollaborationRead)).toBe(false);
  });
});
