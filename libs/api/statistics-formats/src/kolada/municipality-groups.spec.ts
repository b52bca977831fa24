import { parseKoladaMunicipalityGroups } from './municipality-groups';

describe('parseKoladaMunicipalityGroups', () => {
  it('reads the /municipality_groups envelope: ids, titles (entities decoded) and member codes', () => {
    const json = JSON.stringify({
      count: 2,
      values: [
        {
          id: 'G100001',
          title: 'Liknande kommuner &amp; arbetsmarknad',
          members: [
            { id: '1283', title: 'Helsingborg' },
            { id: '1280', title: 'Malmö' },
            { id: '1283', title: 'Helsingborg' },
          ],
        },
        { id: 'G100002', title: 'Storstäder', members: ['0180', '1480', '1280'] },
      ],
    });
    expect(parseKoladaMunicipalityGroups(json)).toEqual({
      groups: [
        { id: 'G100001', title: 'Liknande kommuner & arbetsmarknad', members: ['1283', '1280'] },
        { id: 'G100002', title: 'Storstäder', members: ['0180', '1480', '1280'] },
      ],
      problems: [],
    });
  });

  it('names the group and the member that is wrong', () => {
    const { problems } = parseKoladaMunicipalityGroups(
      JSON.stringify([
        { id: 'G1', title: 'A', members: [{ id: '12' }] },
        { id: 'G2', title: 'B', members: [] },
        { id: 'G1', title: 'C', members: ['1283'] },
        { title: 'D', members: ['1283'] },
      ]),
    );
    expect(problems.map((p) => [p.location.path, p.message])).toEqual([
      ['[0].members[0].id', 'group G1: member "12" is not a municipality code (4 digits)'],
      ['[1].members', 'group G2 has no members'],
      ['[2].id', 'group G1 is listed twice'],
      ['[3].id', 'id undefined is not a group id'],
    ]);
  });

  it('says what a file is when it is not a list of groups', () => {
    expect(parseKoladaMunicipalityGroups('{"count": 0}').problems[0]!.message).toBe(
      'expected a list of municipality groups (an array, or an object with a values array)',
    );
  });
});
