import { FH_ID, SANDVIKEN_ID, gql, sql, tokenFor } from './support/api';

/**
 * Outcomes feed the collaboration's local indicators (issue 10): recorded outcomes appear as
 * values of "Deltagande i insatser: <type>", "Till arbete från insatser" etc. per municipality
 * and month, read through the same query as every indicator. Periods far in the past keep
 * the sums clear of the demo's outcomes.
 */
const LABOUR_MARKET = '30010000-0000-4000-8000-000000000002';
const SANDVIKEN_NEXT_STEP = '30020000-0000-4000-8000-000000000002';

const counts = (participants: number, employed = 0, employedPrivate = 0, studies = 0) => ({
  participants,
  started: 0,
  completed: employed + studies,
  employed,
  employedPrivate,
  studies,
  otherOutcome: 0,
});

const made: string[] = [];

async function createAction(
  username: string,
  collaborationId: string,
  groupId: string,
  municipalityCodes: string[],
) {
  const [{ id: typeId }] = await sql(
    `SELECT id FROM action_type WHERE code = 'JOB_TRACK' AND collaboration_id IS NULL`,
  );
  const response = await gql(
    'mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }',
    {
      input: {
        collaborationId,
        groupId,
        fields: {
          title: 'Jobbspår för indikatortest',
          typeId,
          targetGroups: [],
          municipalityCodes,
          goalIds: [],
          partnerOrganizations: [],
          status: 'ONGOING',
        },
      },
    },
    { token: await tokenFor(username) },
  );
  expect(response.errors).toBeUndefined();
  made.push(response.data!['createAction'].id);
  return response.data!['createAction'].id as string;
}

async function record(username: string, collaborationId: string, actionId: string, rows: unknown[]) {
  const response = await gql(
    'mutation ($input: RecordOutcomesInput!) { recordOutcomes(input: $input) { municipalityCode period version } }',
    { input: { collaborationId, actionId, rows } },
    { token: await tokenFor(username) },
  );
  expect(response.errors).toBeUndefined();
  return response.data!['recordOutcomes'] as { municipalityCode: string; period: string; version: number }[];
}

/** The values of a local indicator through the indicator views' own query. */
async function values(
  username: string,
  collaborationId: string,
  code: string,
  area: string,
  from: string,
  to: string,
) {
  const response = await gql(
    `query ($c: ID!, $code: String!, $areas: [String!], $from: String, $to: String) {
      indicatorSeries(collaborationId: $c, code: $code, areaCodes: $areas, from: $from, to: $to) {
        indicator { nameSv source periodicity descriptionSv } periods areas { areaCode values batchId } } }`,
    { c: collaborationId, code, areas: [area], from, to },
    { token: await tokenFor(username) },
  );
  expect(response.errors).toBeUndefined();
  const series = response.data!['indicatorSeries'];
  const byPeriod = Object.fromEntries(
    (series.periods as string[]).map((period, i) => [period, series.areas[0]?.values[i] ?? null]),
  );
  return { series, byPeriod };
}

afterAll(async () => {
  await sql(`DELETE FROM action WHERE id = ANY($1)`, [made]);
});

describe('outcomes → local indicators', () => {
  it('sums two actions of the same type per municipality and month, and follows a change', async () => {
    const a = await createAction('arbetsmarknad', FH_ID, LABOUR_MARKET, ['1283', '1282']);
    const b = await createAction('samordnare', FH_ID, LABOUR_MARKET, ['1283']);
    await record('arbetsmarknad', FH_ID, a, [
      { municipalityCode: '1283', period: '2001-03', counts: counts(5, 2, 1) },
      { municipalityCode: '1283', period: '2001-04', counts: counts(4, 1, 0, 1) },
      { municipalityCode: '1282', period: '2001-03', counts: counts(3, 3, 3) },
    ]);
    await record('helsingborg', FH_ID, b, [
      { municipalityCode: '1283', period: '2001-03', counts: counts(7, 1, 0, 2) },
    ]);

    const participations = await values(
      'styrgrupp',
      FH_ID,
      'insatser.deltagande.job-track',
      '1283',
      '2001-03',
      '2001-04',
    );
    expect(participations.series.indicator).toMatchObject({
      nameSv: 'Deltagande i insatser: Jobbspår',
      source: 'LOCAL',
      periodicity: 'MONTH',
      descriptionSv: expect.stringContaining('Deltaganden, inte personer'),
    });
    expect(participations.byPeriod).toEqual({ '2001-03': 5 + 7, '2001-04': 4 });
    expect(
      (await values('styrgrupp', FH_ID, 'insatser.till-arbete', '1283', '2001-03', '2001-04')).byPeriod,
    ).toEqual({
      '2001-03': 2 + 1,
      '2001-04': 1,
    });
    expect(
      (await values('styrgrupp', FH_ID, 'insatser.till-arbete.privat', '1282', '2001-03', '2001-03'))
        .byPeriod,
    ).toEqual({ '2001-03': 3 });
    expect(
      (await values('styrgrupp', FH_ID, 'insatser.till-studier', '1283', '2001-03', '2001-04')).byPeriod,
    ).toEqual({
      '2001-03': 0 + 2,
      '2001-04': 1,
    });

    // Provenance: the values come from a batch of the actions' outcomes.
    const batchId = participations.series.areas[0].batchId[0];
    expect(
      (await sql(`SELECT source, format, collaboration_id FROM import_batch WHERE id = $1`, [batchId]))[0],
    ).toEqual({
      source: 'LOCAL',
      format: 'ACTIONS',
      collaboration_id: FH_ID,
    });
    // It is not an import to undo: the outcomes are what to change.
    const undo = await gql(
      'mutation ($input: UndoImportInput!) { undoImport(input: $input) { status } }',
      { input: { collaborationId: FH_ID, batchId } },
      { token: await tokenFor('samordnare') },
    );
    expect(undo.errors?.[0]?.extensions?.fields?.[0]?.message).toMatch(/change the outcomes instead/);

    // A change of the outcomes moves the sums.
    await record('arbetsmarknad', FH_ID, a, [
      { municipalityCode: '1283', period: '2001-03', counts: counts(9, 0, 0), version: 1 },
    ]);
    expect(
      (await values('styrgrupp', FH_ID, 'insatser.deltagande.job-track', '1283', '2001-03', '2001-03'))
        .byPeriod,
    ).toEqual({
      '2001-03': 9 + 7,
    });
    expect(
      (await values('styrgrupp', FH_ID, 'insatser.till-arbete', '1283', '2001-03', '2001-03')).byPeriod,
    ).toEqual({
      '2001-03': 0 + 1,
    });
    // All types together.
    expect(
      (await values('styrgrupp', FH_ID, 'insatser.deltagande', '1283', '2001-03', '2001-03')).byPeriod,
    ).toEqual({
      '2001-03': 16,
    });
    // And a goal may measure by it: the baseline a goal would freeze is the sum.
    const preview = await gql(
      `query ($c: ID!) { goalBaselinePreview(collaborationId: $c, indicatorCode: "insatser.deltagande.job-track",
          baselinePeriod: "2001-03", areaCodes: ["1283"]) { areaCode baseline { value } } }`,
      { c: FH_ID },
      { token: await tokenFor('styrgrupp') },
    );
    expect(preview.data?.['goalBaselinePreview']).toEqual([{ areaCode: '1283', baseline: { value: 16 } }]);
  });

  it('counts a week in the month of its Thursday (Sandviken reports by ISO week)', async () => {
    const action = await createAction('sandviken', SANDVIKEN_ID, SANDVIKEN_NEXT_STEP, ['2181']);
    // 2001-W05 (29 January – 4 February): Thursday 1 February, so none of it counts in January;
    // 2001-W09: Thursday 1 March; 2001-W13: Thursday 29 March.
    await record('sandviken', SANDVIKEN_ID, action, [
      { municipalityCode: '2181', period: '2001-W05', counts: counts(2, 1, 1) },
      { municipalityCode: '2181', period: '2001-W09', counts: counts(3) },
      { municipalityCode: '2181', period: '2001-W13', counts: counts(4, 2) },
    ]);
    expect(
      (await values('sandviken', SANDVIKEN_ID, 'insatser.deltagande.job-track', '2181', '2001-01', '2001-03'))
        .byPeriod,
    ).toEqual({ '2001-02': 2, '2001-03': 3 + 4 });
    expect(
      (await values('sandviken', SANDVIKEN_ID, 'insatser.till-arbete', '2181', '2001-02', '2001-03'))
        .byPeriod,
    ).toEqual({
      '2001-02': 1,
      '2001-03': 2,
    });
  });
});
