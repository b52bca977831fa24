import { FH_ID, apiUrl, sql, tokenFor } from './support/api';

/**
 * The cached reads (libs/api/core/tenancy) replay an answer only while nothing it derives
 * from has changed: here an indicator's series, and the people answers name.
 */
const INDICATOR = '70000000-0000-4000-8000-00000000cac1';
const SERIES = `query ($c: ID!) {
  indicatorSeries(collaborationId: $c, code: "cache.raknare", areaCodes: ["1283"]) {
    periods areas { areaCode values batchId } batches { id enteredBy }
  }
}`;
const CHECK_INS = `query ($c: ID!) { goals(collaborationId: $c) { id checkIns { id authorName } } }`;

async function ask(user: string, query: string) {
  const response = await fetch(`${apiUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(user)}` },
    body: JSON.stringify({ query, variables: { c: FH_ID } }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return { hit: response.headers.get('x-kraftsamling-cache') === 'hit', data: body.data };
}

/**
 * Reads until the answer is computed again, not replayed: the database's notification of a
 * change reaches the API a moment after the change committed. Gives up after about 5 s and
 * returns the last answer, replayed (which the caller's expectation then refuses).
 */
async function askUntilComputed(user: string, query: string) {
  let answer = await ask(user, query);
  for (let i = 0; i < 100 && answer.hit; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await ask(user, query);
  }
  return answer;
}

describe('cached reads', () => {
  let batchId: string;
  let enteredBy: { id: string; name: string };

  beforeAll(async () => {
    // The person who enters the value exists once they have used the API.
    await ask('helsingborg', `query { me { id } }`);
    [enteredBy] = await sql<{ id: string; name: string }>(
      `SELECT id, name FROM app_user WHERE username = 'helsingborg'`,
    );
    await sql(
      `INSERT INTO indicator (id, collaboration_id, code, theme, name_sv, name_en, unit, periodicity, direction, source, kind)
       VALUES ($1, $2, 'cache.raknare', 'local', 'Räknare', 'Counter', 'COUNT', 'MONTH', 'HIGHER_IS_BETTER', 'LOCAL', 'MEASURED')`,
      [INDICATOR, FH_ID],
    );
    [{ id: batchId }] = await sql<{ id: string }>(
      `INSERT INTO import_batch (collaboration_id, source, format, file_name, inserted, changed, unchanged, imported_by)
       VALUES ($1, 'LOCAL', 'MANUAL', NULL, 1, 0, 0, $2) RETURNING id`,
      [FH_ID, enteredBy.id],
    );
    await sql(
      `INSERT INTO indicator_value (indicator_id, area_code, period, value, batch_id, collaboration_id)
       VALUES ($1, '1283', '2026-01', 7, $2, $3)`,
      [INDICATOR, batchId, FH_ID],
    );
  });

  afterAll(async () => {
    await sql(`UPDATE app_user SET name = $2 WHERE id = $1`, [enteredBy.id, enteredBy.name]);
    await sql(`DELETE FROM indicator WHERE id = $1`, [INDICATOR]);
    await sql(`DELETE FROM import_batch WHERE id = $1`, [batchId]);
  });

  it("replay an indicator's series until one of its values changes", async () => {
    const first = await askUntilComputed('styrgrupp', SERIES);
    expect(first.data.indicatorSeries.areas[0].values).toEqual([7]);
    const replayed = await ask('styrgrupp', SERIES);
    expect(replayed.hit).toBe(true);
    expect(replayed.data).toEqual(first.data);

    await sql(`UPDATE indicator_value SET value = 8 WHERE indicator_id = $1`, [INDICATOR]);
    const after = await askUntilComputed('styrgrupp', SERIES);
    expect(after.hit).toBe(false);
    expect(after.data.indicatorSeries.areas[0].values).toEqual([8]);
  });

  it('replay no answer that names a person after the name changed', async () => {
    // A check-in, written by the steering group's member, read by a municipal editor.
    const goals = (await ask('styrgrupp', `query ($c: ID!) { goals(collaborationId: $c) { id } }`)).data
      .goals;
    const added = await fetch(`${apiUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('styrgrupp')}` },
      body: JSON.stringify({
        query: `mutation ($input: AddGoalCheckInInput!) { addGoalCheckIn(input: $input) { id authorName } }`,
        variables: {
          input: {
            collaborationId: FH_ID,
            goalId: goals[0].id,
            heldOn: '2026-11-28',
            assessment: 'ON_TRACK',
          },
        },
      }),
    }).then((response) => response.json());
    expect(added.errors).toBeUndefined();
    const checkIn = added.data.addGoalCheckIn as { id: string; authorName: string };
    const [author] = await sql<{ id: string }>(`SELECT author_id AS id FROM goal_check_in WHERE id = $1`, [
      checkIn.id,
    ]);
    const authorNameIn = (data: any) =>
      data.goals.flatMap((goal: any) => goal.checkIns).find((c: any) => c.id === checkIn.id)?.authorName;

    const before = await askUntilComputed('helsingborg', CHECK_INS);
    expect(authorNameIn(before.data)).toBe(checkIn.authorName);
    expect((await ask('helsingborg', CHECK_INS)).hit).toBe(true);
    const seriesBefore = await ask('helsingborg', SERIES);
    expect(seriesBefore.data.indicatorSeries.batches[0].enteredBy).toBe(enteredBy.name);

    // What the API does when a person's profile changed at the identity provider: their next
    // sign-in writes the new name (user-provisioning.ts). The readers here are someone else.
    const [{ name: authorName }] = await sql<{ name: string }>(`SELECT name FROM app_user WHERE id = $1`, [
      author.id,
    ]);
    try {
      await sql(`UPDATE app_user SET name = 'Omdöpt Författare' WHERE id = $1`, [author.id]);
      const renamed = await askUntilComputed('helsingborg', CHECK_INS);
      expect(authorNameIn(renamed.data)).toBe('Omdöpt Författare');
    } finally {
      await sql(`UPDATE app_user SET name = $2 WHERE id = $1`, [author.id, authorName]);
    }

    await sql(`UPDATE app_user SET name = 'Omdöpt Inmatare' WHERE id = $1`, [enteredBy.id]);
    const seriesAfter = await askUntilComputed('styrgrupp', SERIES);
    expect(seriesAfter.data.indicatorSeries.batches[0].enteredBy).toBe('Omdöpt Inmatare');
  });
});
