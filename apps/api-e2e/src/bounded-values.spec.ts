import { writeAfWorkbook } from '@kraftsamling/api/statistics-formats';
import { FH_ID, createActiveGoal, gql, importOfficial, sql, tokenFor } from './support/api';

// Issue 11, "a `<5` count is stored as value 1 with bounds 1–4": every API answer that
// carries such a figure must make it unmistakable (docs/adr/0009-bounded-values.md): the
// field a client would sum (`value`, `values`) is null there, and the range's ends are
// given beside it. Bjuv's count of unemployed women with post-secondary education (a
// series no other API test writes) is "<5" in March 2025 and 6 in April; Helsingborg's is
// 300 and 290, of labour forces of 6 000 and 420.
const BJUV = '1260';
const HELSINGBORG = '1283';
const AREAS = [HELSINGBORG, BJUV];
const COUNT = 'af.bas.egk.unemployed';
const SHARE = 'af.bas.egk.unemployment_share';

const row = (period: string, municipality: string, unemployed: number | '<5', labourForce: number) => ({
  period,
  county: 'Skåne län',
  municipality,
  values: { EGKSOK: unemployed, EGKAK: labourForce },
});

/** `values[i]` must not be a number where the figure is a range: the whole point of the fix. */
const near = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(actual!).toBeCloseTo(expected, 6);
};

beforeAll(async () => {
  const existing = await sql(
    `SELECT count(*)::int AS n FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
      WHERE i.code LIKE 'af.bas.egk.%'`,
  );
  expect(existing[0]!['n']).toBe(0);
  const bytes = await writeAfWorkbook(
    [
      row('2025-03', 'Helsingborg', 300, 6000),
      row('2025-03', 'Bjuv', '<5', 420),
      row('2025-04', 'Helsingborg', 290, 6000),
      row('2025-04', 'Bjuv', 6, 420),
    ],
    { layout: 'pivot-cache', title: 'bounded values' },
  );
  const report = await importOfficial('analytiker', 'af', {
    name: 'web-inskrivna-arbetslosa-andel-av-bas-2025-04.xlsx',
    content: bytes,
  });
  expect(report).toMatchObject({ inserted: 8, problems: [] });
  // Stored as ADR 4 says: at least 1, at most 4.
  const stored = await sql(
    `SELECT v.value::float8 AS value, v.lower_bound AS "lowerBound", v.upper_bound::float8 AS "upperBound"
       FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
      WHERE i.code = $1 AND v.area_code = $2 AND v.period = '2025-03'`,
    [COUNT, BJUV],
  );
  expect(stored).toEqual([{ value: 1, lowerBound: true, upperBound: 4 }]);
});

describe('a "<5" in every API answer', () => {
  const SERIES_FIELDS = `periods areas { areaCode values lowerBounds upperBounds }`;

  it('indicatorSeries: values null where only a range, its ends in lowerBounds and upperBounds', async () => {
    const token = await tokenFor('styrgrupp');
    const counts = await gql(
      `query ($c: ID!, $code: String!, $a: [String!]) { indicatorSeries(collaborationId: $c, code: $code, areaCodes: $a) { ${SERIES_FIELDS} } }`,
      { c: FH_ID, code: COUNT, a: AREAS },
      { token },
    );
    expect(counts.errors).toBeUndefined();
    expect(counts.data!['indicatorSeries']).toEqual({
      periods: ['2025-03', '2025-04'],
      areas: [
        { areaCode: HELSINGBORG, values: [300, 290], lowerBounds: [null, null], upperBounds: [null, null] },
        { areaCode: BJUV, values: [null, 6], lowerBounds: [1, null], upperBounds: [4, null] },
      ],
    });

    // The share computed from a "<5": 1 … 4 of 420 is 0,238 … 0,952 %, not 1 ÷ 420 = 0,238 %.
    const shares = await gql(
      `query ($c: ID!, $code: String!, $a: [String!]) { indicatorSeries(collaborationId: $c, code: $code, areaCodes: $a) { ${SERIES_FIELDS} } }`,
      { c: FH_ID, code: SHARE, a: [BJUV] },
      { token },
    );
    const bjuv = shares.data!['indicatorSeries'].areas[0];
    expect(bjuv.values[0]).toBeNull();
    near(bjuv.lowerBounds[0], (1 / 420) * 100);
    near(bjuv.upperBounds[0], (4 / 420) * 100);
    near(bjuv.values[1], (6 / 420) * 100);
    expect(bjuv.lowerBounds[1]).toBeNull();
  });

  it('officialIndicatorSeries: the same convention for any signed-in user', async () => {
    const read = await gql(
      `query ($code: String!, $a: [String!]!) { officialIndicatorSeries(code: $code, areaCodes: $a) { ${SERIES_FIELDS} } }`,
      { code: COUNT, a: [BJUV] },
      { token: await tokenFor('sandviken') },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!['officialIndicatorSeries'].areas).toEqual([
      { areaCode: BJUV, values: [null, 6], lowerBounds: [1, null], upperBounds: [4, null] },
    ]);
  });

  it('regionSeries: a sum or a ratio of sums that includes the "<5" is a range', async () => {
    const region = async (code: string) =>
      (
        await gql(
          `query ($c: ID!, $code: String!, $a: [String!]) { regionSeries(collaborationId: $c, code: $code, areaCodes: $a) {
              periods values lowerBounds upperBounds included } }`,
          { c: FH_ID, code, a: AREAS },
          { token: await tokenFor('helsingborg') },
        )
      ).data!['regionSeries'];
    expect(await region(COUNT)).toEqual({
      periods: ['2025-03', '2025-04'],
      values: [null, 296],
      lowerBounds: [301, null],
      upperBounds: [304, null],
      included: [2, 2],
    });
    const share = await region(SHARE);
    expect(share.values[0]).toBeNull();
    near(share.lowerBounds[0], (301 / 6420) * 100);
    near(share.upperBounds[0], (304 / 6420) * 100);
    near(share.values[1], (296 / 6420) * 100);
  });

  it('comparison: the area’s values and the set’s total are null there, the range in bounds', async () => {
    const compare = async (indicatorCode: string) => {
      const answer = await gql(
        `query ($input: ComparisonInput!) { comparison(input: $input) {
            periods areas { areaCode values bounds { index low high } unranked }
            total { values bounds { index low high } } median } }`,
        {
          input: {
            collaborationId: FH_ID,
            indicatorCode,
            from: '2025-03',
            to: '2025-04',
            rankPeriod: '2025-03',
            peers: { kind: 'AREAS', areaCodes: AREAS },
          },
        },
        { token: await tokenFor('helsingborg') },
      );
      expect(answer.errors).toBeUndefined();
      const c = answer.data!['comparison'];
      return { ...c, bjuv: c.areas.find((a: { areaCode: string }) => a.areaCode === BJUV) };
    };
    const counts = await compare(COUNT);
    expect(counts.bjuv).toEqual({
      areaCode: BJUV,
      values: [null, 6],
      bounds: [{ index: 0, low: 1, high: 4 }],
      unranked: 'BOUNDED',
    });
    expect(counts.total).toEqual({ values: [null, 296], bounds: [{ index: 0, low: 301, high: 304 }] });
    // The median is of exact values only: Helsingborg's alone in March.
    expect(counts.median[0]).toBe(300);

    const shares = await compare(SHARE);
    expect(shares.bjuv.values[0]).toBeNull();
    near(shares.bjuv.bounds[0].low, (1 / 420) * 100);
    near(shares.bjuv.bounds[0].high, (4 / 420) * 100);
    expect(shares.total.values[0]).toBeNull();
    near(shares.total.bounds[0].low, (301 / 6420) * 100);
    near(shares.total.bounds[0].high, (304 / 6420) * 100);
  });

  it('goals: the baseline preview, a frozen baseline, progress series and the collaboration’s sums', async () => {
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
      baseline: { value: null, low: 1, high: 4 },
    });

    const id = await createActiveGoal(token, {
      collaborationId: FH_ID,
      title: 'Färre arbetslösa eftergymnasialt utbildade kvinnor (test av intervall)',
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
          baselineChanges { areaCode newValue { value low high } }
          progress { periods
            collaboration { baseline { value low high } target { value low high } latest { value low high }
                            values lowerBounds upperBounds }
            members { areaCode baseline { value low high } target { value low high } values lowerBounds upperBounds } } } }`,
      { c: FH_ID, id },
      { token },
    );
    expect(read.errors).toBeUndefined();
    const goal = read.data!['goal'];
    const range = { value: null, low: 1, high: 4 };
    expect(goal.members.find((m: { areaCode: string }) => m.areaCode === BJUV).baseline).toEqual(range);
    expect(goal.baselineChanges.find((c: { areaCode: string }) => c.areaCode === BJUV).newValue).toEqual(
      range,
    );
    expect(goal.progress.periods).toEqual(['2025-03', '2025-04']);
    const bjuv = goal.progress.members.find((m: { areaCode: string }) => m.areaCode === BJUV);
    expect(bjuv).toMatchObject({
      baseline: range,
      target: { value: null, low: 0.5, high: 2 },
      values: [null, 6],
      lowerBounds: [1, null],
      upperBounds: [4, null],
    });
    expect(goal.progress.collaboration).toEqual({
      baseline: { value: null, low: 301, high: 304 },
      target: { value: null, low: 150.5, high: 152 },
      latest: { value: 296, low: 296, high: 296 },
      values: [null, 296],
      lowerBounds: [301, null],
      upperBounds: [304, null],
    });
  });
});
