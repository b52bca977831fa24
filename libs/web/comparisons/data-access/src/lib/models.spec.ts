import type { ComparisonContextQuery } from '@kraftsamling/web/shared/graphql';
import { toContext } from './models';

const skane = { code: '12', name: 'Skåne län' };
const halland = { code: '13', name: 'Hallands län' };

function answer(meId: string): ComparisonContextQuery {
  return {
    collaboration: {
      id: 'c1',
      slug: 'familjen-helsingborg',
      name: 'Familjen Helsingborg',
      organizations: [
        { id: 'o1', kind: 'MUNICIPALITY', municipalityCode: '1283' },
        { id: 'o2', kind: 'MUNICIPALITY', municipalityCode: '1260' },
        { id: 'o3', kind: 'EMPLOYMENT_AGENCY', municipalityCode: null },
      ],
      members: [
        { id: 'm1', user: { id: 'u-agency' }, organization: { id: 'o3', municipalityCode: null } },
        { id: 'm2', user: { id: 'u-hbg' }, organization: { id: 'o1', municipalityCode: '1283' } },
        { id: 'm3', user: null, organization: { id: 'o2', municipalityCode: '1260' } },
      ],
    },
    me: { id: meId },
    indicators: [],
    municipalities: [
      { code: '1380', name: 'Halmstad', county: halland },
      { code: '1283', name: 'Helsingborg', county: skane },
      { code: '1260', name: 'Bjuv', county: skane },
    ],
    peerSets: [],
  } as ComparisonContextQuery;
}

describe('toContext', () => {
  it("finds the user's own municipality through their membership's organisation", () => {
    expect(toContext(answer('u-hbg')).ownMunicipality).toBe('1283');
    // An agency analyst works for no municipality; nor does someone not in the list.
    expect(toContext(answer('u-agency')).ownMunicipality).toBeNull();
    expect(toContext(answer('u-other')).ownMunicipality).toBeNull();
  });

  it('lists the member municipalities, the municipalities and the counties by name', () => {
    const context = toContext(answer('u-hbg'));
    expect(context.memberCodes).toEqual(['1260', '1283']);
    expect(context.municipalities.map((m) => m.name)).toEqual(['Bjuv', 'Halmstad', 'Helsingborg']);
    expect(context.counties).toEqual([halland, skane]);
    expect(context.collaborationId).toBe('c1');
  });
});
