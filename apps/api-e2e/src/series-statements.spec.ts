import { FH_ID, sql, tokenFor } from './support/api';
import { startOwnApi, type OwnApi } from './support/own-api';

/**
 * The provenance a series tells (one SeriesBatch per import batch its values name) costs
 * one statement, whatever the number of values and batches. Counted as the action board's
 * statements are (action-board-statements.spec.ts): an API process of its own with
 * LOG_SQL=true, which logs every statement it sends.
 */
const INDICATOR = '70000000-0000-4000-8000-00000000c0de';
const SERIES = `query ($c: ID!, $areas: [String!]) {
  indicatorSeries(collaborationId: $c, code: "provenans.raknare", areaCodes: $areas) {
    periods areas { areaCode values batchId } batches { id fileName importedAt enteredBy }
  }
}`;

const statementsIn = (log: string) =>
  // eslint-disable-next-line no-control-regex
  (log.replace(/\u001b\[[0-9;]*m/g, '').match(/^query( failed)?:/gm) ?? []).length;

/** Writes one value in a batch of its own, as if each month had been entered separately. */
async function valueInBatchOfItsOwn(area: string, period: string, value: number) {
  const [{ id }] = await sql(
    `INSERT INTO import_batch (collaboration_id, source, format, file_name, inserted, changed, unchanged)
     VALUES ($1, 'TEMPLATE', 'TEMPLATE_CSV', $2, 1, 0, 0) RETURNING id`,
    [FH_ID, `raknare-${area}-${period}.csv`],
  );
  await sql(
    `INSERT INTO indicator_value (indicator_id, area_code, period, value, batch_id, collaboration_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [INDICATOR, area, period, value, id, FH_ID],
  );
}

describe('the SQL statements of a series with its provenance', () => {
  let api: OwnApi;
  let token: string;

  beforeAll(async () => {
    await sql(
      `INSERT INTO indicator (id, collaboration_id, code, theme, name_sv, name_en, unit, periodicity, direction, source, kind)
       VALUES ($1, $2, 'provenans.raknare', 'local', 'Räknare', 'Counter', 'COUNT', 'MONTH', 'HIGHER_IS_BETTER', 'LOCAL', 'MEASURED')`,
      [INDICATOR, FH_ID],
    );
    await valueInBatchOfItsOwn('1283', '2019-01', 1);
    for (let month = 1; month <= 24; month++) {
      const period = `${2018 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
      await valueInBatchOfItsOwn('1282', period, month);
    }
    token = await tokenFor('styrgrupp');
    api = await startOwnApi({ LOG_SQL: 'true', RATE_LIMIT_PER_USER: '0', RATE_LIMIT_PER_ADDRESS: '0' });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    const batches = await sql(`SELECT batch_id FROM indicator_value WHERE indicator_id = $1`, [INDICATOR]);
    await sql(`DELETE FROM indicator WHERE id = $1`, [INDICATOR]);
    await sql(`DELETE FROM import_batch WHERE id = ANY($1::uuid[])`, [batches.map((row) => row['batch_id'])]);
  });

  async function series(areas: string[]) {
    const before = api.output().length;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: SERIES, variables: { c: FH_ID, areas } }),
    });
    expect(response.headers.get('x-kraftsamling-cache')).toBeNull();
    const body = (await response.json()) as {
      data?: { indicatorSeries: { batches: unknown[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    // The log is written before the answer is sent; give the pipe a moment to deliver it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      statements: statementsIn(api.output().slice(before)),
      batches: body.data!.indicatorSeries.batches,
    };
  }

  it('is the same for one batch and for 25', async () => {
    // Once first, so what the API does on its first request is not counted.
    await series(['1283']);
    const one = await series(['1283']);
    const many = await series(['1283', '1282']);
    expect(one.batches).toHaveLength(1);
    expect(many.batches).toHaveLength(25);
    expect(many.statements).toBe(one.statements);
  }, 60_000);
});
