import { FH_ID, apiUrl, sql, tokenFor } from './support/api';

/**
 * The cached reads (libs/api/core/tenancy) replay an answer only while nothing it derives
 * from has changed, the people it names included.
 */
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
    const [author] = await sql<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM goal_check_in c JOIN app_user u ON u.id = c.author_id WHERE c.id = $1`,
      [checkIn.id],
    );
    const authorNameIn = (data: any) =>
      data.goals.flatMap((goal: any) => goal.checkIns).find((c: any) => c.id === checkIn.id)?.authorName;

    const before = await askUntilComputed('helsingborg', CHECK_INS);
    expect(authorNameIn(before.data)).toBe(checkIn.authorName);
    expect((await ask('helsingborg', CHECK_INS)).hit).toBe(true);

    // What the API does when a person's profile changed at the identity provider: their next
    // sign-in writes the new name (user-provisioning.ts). The reader here is someone else.
    try {
      await sql(`UPDATE app_user SET name = 'Omdöpt Författare' WHERE id = $1`, [author.id]);
      const renamed = await askUntilComputed('helsingborg', CHECK_INS);
      expect(authorNameIn(renamed.data)).toBe('Omdöpt Författare');
    } finally {
      await sql(`UPDATE app_user SET name = $2 WHERE id = $1`, [author.id, author.name]);
    }
  });
});
