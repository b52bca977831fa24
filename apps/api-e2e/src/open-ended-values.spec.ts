import { FH_ID, createActiveGoal, gql, importOfficial, sql, tokenFor } from './support/api';

// A value known only from below: the template's `lower_bound` flag on a plain number means
// "at least N", with no high end (ADR 9). Every answer that carries such a figure, or a sum,
// ratio or goal figure computed from one, must say so (a low end, no high end) instead of
// failing the whole answer. Bjuv's unemployed women with pre-upper-secondary education (a
// series no other API test writes) are "at least 12" in March 2025 and 14 in April;
// Helsingborg's are 300 and 290, of labour forces of 420 and 6 000.
const BJUV = '1260';
const HELSINGBORG = '1283';
const AREAS = [HELSINGBORG, BJUV];
const COUNT = 'af.bas.fgk.unemployed';
const SHARE = 'af.bas.fgk.unemployment_share';

const near = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(actual!).toBeCloseTo(expected, 6);
};

beforeAll(async () => {
  const existing = await sql(
    `SELECT count(*)::int AS n FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
      WHERE i.code LIKE 'af.bas.fgk.%'`,
  );
  expect(existing[0]!['n']).toBe(0);
  const csv = [
    'indicator_code;area_code;period;value;flags',
    `${COUNT};${HELSINGBORG};2025-03;300;`,
    `${COUNT};${BJUV};2025-03;12;lower_bound`,
    `${COUNT};${HELSINGBORG};2025-04;290;`,
    `${COUNT};${BJUV};2025-04;14;`,
    ...['2025-03', '2025-04'].flatMap((period) => [
      `af.bas.fgk.labour_force;${HELSINGBORG};${period};6000;`,
      `af.bas.fgk.labour_force;${BJUV};${period};420;`,
    ]),
  ].join('\n');
  const report = await importOfficial('statistiker', 'template', {
    name: 'at-least.csv',
    content: csv + '\n',
  });
  expect(report).toMatchObject({ inserted: 8, problems: [] });
  const stored = await sql(
    `SELECT v.value::float8 AS value, v.lower_bound AS "lowerBound", v.upper_bound::float8 AS "upperBound"
       FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
      WHERE i.code = $1 AND v.area_code = $2 AND v.period = '2025-03'`,
    [COUNT, BJUV],
  );
  expect(stored).toEqual([{ value: 12, lowerBound: true, upperBound: null }]);
});

describe('an "at least N" with no high end in every API answer', () => {
  it('indicatorSeries: its low end, and no high end', async () => {
    const read = await gql(
      `query ($c: ID!, $code: String!, $a: [String!]) { indicatorSeries(collaborationId: $c, code: $code, areaCodes: $a) {
          periods areas { areaCode values lowerBounds upperBounds } } }`,
      { c: FH_ID, code: COUNT, a: [BJUV] },
      { token: await tokenFor('helsingborg') },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!['indicatorSeries'].areas).toEqual([
      { areaCode: BJUV, values: [null, 14], lowerBounds: [12, null], upperBounds: [null, null] },
    ]);
  });

  it('regionSeries: a sum and a ratio of sums that include it have a low end and no high end', async () => {
    const region = async (code: string) => {
      const answer = await gql(
        `query ($c: ID!, $code: String!, $a: [String!]) { regionSeries(collaborationId: $c, code: $code, areaCodes: $a) {
            periods values lowerBounds upperBounds included } }`,
        { c: FH_ID, code, a: AREAS },
        { token: await tokenFor('helsingborg') },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!['regionSeries'];
    };
    expect(await region(COUNT)).toEqual({
      periods: ['2025-03', '2025-04'],
      values: [null, 304],
      lowerBounds: [312, null],
      upperBounds: [null, null],
      included: [2, 2],
    });
    const share = await region(SHARE);
    expect(share.values[0]).toBeNull();
    near(share.lowerBounds[0], (312 / 6420) * 100);
    expect(share.upperBounds[0]).toBeNull();
    near(share.values[1], (304 / 6420) * 100);
  });

  it('comparison: the area and the set’s total carry the low end with no high end; a change from it is unknown', async () => {
    const compare = async (normalisation: string) => {
      const answer = await gql(
        `query ($input: ComparisonInput!) { comparison(input: $input) {
            periods areas { areaCode values bounds { index low high } unranked }
            total { values bounds { index low high } } median } }`,
        {
          input: {
            collaborationId: FH_ID,
            indicatorCode: COUNT,
            normalisation,
            from: '2025-03',
            to: '2025-04',
            rankPeriod: '2025-03',
            ...(normalisation === 'CHANGE' ? { basePeriod: '2025-03' } : {}),
            peers: { kind: 'AREAS', areaCodes: AREAS },
          },
        },
        { token: await tokenFor('helsingborg') },
      );
      expect(answer.errors).toBeUndefined();
      const c = answer.data!['comparison'];
      return { ...c, bjuv: c.areas.find((a: { areaCode: string }) => a.areaCode === BJUV) };
    };
    const published = await compare('AS_PUBLISHED');
    expect(published.bjuv).toEqual({
      areaCode: BJUV,
      values: [null, 14],
      bounds: [{ index: 0, low: 12, high: null }],
      unranked: 'BOUNDED',
    });
    expect(published.total).toEqual({ values: [null, 304], bounds: [{ index: 0, low: 312, high: null }] });
    expect(published.median[0]).toBe(300);

    // The change since "at least 12" has no low end: not a figure.
    const change = await compare('CHANGE');
    expect(change.bjuv.values).toEqual([null, null]);
    expect(change.bjuv.bounds).toEqual([]);
  });

  it('goals: a baseline of "at least 12" is frozen as such, its target has no high end, the status is uncertain', async () => {
    const token = await tokenFor('styrgrupp');
    const preview = await gql(
      `query ($c: ID!, $a: [String!]) { goalBaselinePreview(collaborationId: $c, indicatorCode: "${COUNT}", baselinePeriod: "2025-03", areaCodes: $a) {
          areaCode baseline { value low high } } }`,
      { c: FH_ID, a: AREAS },
      { token },
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data!['goalBaselinePreview']).toContainEqual({
      areaCode: BJUV,
      baseline: { value: null, low: 12, high: null },
    });

    const id = await createActiveGoal(token, {
      collaborationId: FH_ID,
      title: 'Färre arbetslösa förgymnasialt utbildade kvinnor (test av öppet intervall)',
      indicatorCode: COUNT,
      areaCodes: AREAS,
      baselinePeriod: '2025-03',
      targetPeriod: '2027-03',
      targetKind: 'RELATIVE_CHANGE',
      targetValue: -0.5,
    });

    const read = await gql(
      `query ($c: ID!, $id: ID!) { goal(collaborationId: $c, id: $id) {
          members { areaCode baseline { value low high } }
          progress { periods
            collaboration { baseline { value low high } target { value low high } latest { value low high }
                            values lowerBounds upperBounds status flags }
            members { areaCode baseline { value low high } target { value low high } change { value low high }
                      values lowerBounds upperBounds status flags } } } }`,
      { c: FH_ID, id },
      { token },
    );
    expect(read.errors).toBeUndefined();
    const goal = read.data!['goal'];
    const atLeast12 = { value: null, low: 12, high: null };
    expect(goal.members.find((m: { areaCode: string }) => m.areaCode === BJUV).baseline).toEqual(atLeast12);
    const bjuv = goal.progress.members.find((m: { areaCode: string }) => m.areaCode === BJUV);
    expect(bjuv).toMatchObject({
      baseline: atLeast12,
      target: { value: null, low: 6, high: null },
      change: null,
      values: [null, 14],
      lowerBounds: [12, null],
      upperBounds: [null, null],
      status: 'UNCERTAIN',
    });
    expect(bjuv.flags).toContain('BOUNDED_BASELINE');
    expect(goal.progress.collaboration).toMatchObject({
      baseline: { value: null, low: 312, high: null },
      target: { value: null, low: 156, high: null },
      latest: { value: 304, low: 304, high: 304 },
      values: [null, 304],
      lowerBounds: [312, null],
      upperBounds: [null, null],
      status: 'UNCERTAIN',
    });
  });
});
