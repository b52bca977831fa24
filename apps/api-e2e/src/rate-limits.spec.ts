import { FH_ID, sql, tokenFor } from './support/api';
import { startOwnApi, type OwnApi } from './support/own-api';

/**
 * Rate limits against a real API process of their own, started with low limits (the
 * shared test API keeps the generous defaults, which the whole suite must never reach).
 */
// Long enough that a loaded machine sends each test's requests within one window.
const WINDOW_SECONDS = 15;
let api: OwnApi;

beforeAll(async () => {
  api = await startOwnApi({
    RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    RATE_LIMIT_PER_USER: '5',
    RATE_LIMIT_PER_ADDRESS: '4',
    RATE_LIMIT_UPLOADS_PER_USER: '2',
  });
}, 120_000);
afterAll(() => api?.stop());

async function graphql(query: string, variables: object = {}, authorization?: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

const expectTooMany = (answer: { status: number; retryAfter: string | null }) => {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(WINDOW_SECONDS);
};

const ME = `{ me { username } }`;
const wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

describe('rate limits', () => {
  it('a signed-in user over their limit gets 429 with Retry-After, nothing runs, and another user is still answered', async () => {
    const bearer = `Bearer ${await tokenFor('samordnare')}`;
    for (let i = 0; i < 5; i++) {
      const answer = await graphql(ME, {}, bearer);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ me: { username: 'samordnare' } });
    }
    const ENTER = `mutation ($input: EnterValuesInput!) { enterValues(input: $input) { inserted } }`;
    const refused = await graphql(
      ENTER,
      {
        input: {
          collaborationId: FH_ID,
          areaCode: '1283',
          values: [{ indicatorCode: 'trappsteg.deltagare', period: '2018-03', value: 7 }],
        },
      },
      bearer,
    );
    expectTooMany(refused);
    expect(refused.body.errors[0]).toEqual({
      message: expect.stringMatching(/^Too many requests: wait \d+ s and try again\.$/),
      extensions: { code: 'TOO_MANY_REQUESTS' },
    });
    const written = await sql(
      `SELECT 1 FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
        WHERE i.code = 'trappsteg.deltagare' AND i.collaboration_id = $1 AND v.period = '2018-03'`,
      [FH_ID],
    );
    expect(written).toEqual([]);

    const other = await graphql(ME, {}, `Bearer ${await tokenFor('styrgrupp')}`);
    expect(other.status).toBe(200);
    expect(other.body.data).toEqual({ me: { username: 'styrgrupp' } });
  });

  it('answers replayed from the cache count like any other request', async () => {
    const bearer = `Bearer ${await tokenFor('helsingborg')}`;
    const GOALS = `query ($c: ID!) { goals(collaborationId: $c) { id title } }`;
    const replayed: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: bearer },
        body: JSON.stringify({ query: GOALS, variables: { c: FH_ID } }),
      });
      expect(response.status).toBe(200);
      replayed.push(response.headers.get('x-kraftsamling-cache'));
    }
    // The first is computed, the rest come from the cache, and still the sixth is refused.
    expect(replayed).toEqual([null, 'hit', 'hit', 'hit', 'hit']);
    expectTooMany(await graphql(GOALS, { c: FH_ID }, bearer));
  });

  it('forged tokens and anonymous calls count against the client’s address, not against a user', async () => {
    // A forged token naming samordnare must not spend samordnare's budget, nor escape the address's.
    const [header, , signature] = (await tokenFor('bjuv')).split('.');
    const forged = `Bearer ${header}.${Buffer.from(JSON.stringify({ sub: 'someone' })).toString('base64url')}.${signature}`;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await graphql(ME, {}, forged));
    answers.push(await graphql(ME));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expectTooMany(await graphql(ME, {}, forged));
    expectTooMany(await graphql(ME));

    const signedIn = await graphql(ME, {}, `Bearer ${await tokenFor('bjuv')}`);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.data).toEqual({ me: { username: 'bjuv' } });
  });

  it('uploads have a lower limit of their own, answered as the upload route answers', async () => {
    const upload = async () => {
      const form = new FormData();
      form.set('source', 'template');
      const response = await fetch(`${api.url}/api/imports?collaborationId=${FH_ID}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenFor('analytiker')}` },
        body: form,
      });
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: await response.json(),
      };
    };
    for (let i = 0; i < 2; i++) {
      const answer = await upload();
      expect(answer.status).toBe(400);
      expect(answer.body.fields).toEqual([{ field: 'file', message: 'choose a file to import' }]);
    }
    const refused = await upload();
    expectTooMany(refused);
    expect(refused.body).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^Too many requests: wait \d+ s and try again\.$/),
    });
  });

  it('after Retry-After the caller is answered again', async () => {
    const bearer = `Bearer ${await tokenFor('arbetsmarknad')}`;
    let answer = await graphql(ME, {}, bearer);
    for (let i = 0; i < 10 && answer.status === 200; i++) answer = await graphql(ME, {}, bearer);
    expectTooMany(answer);
    await wait(Number(answer.retryAfter));
    const again = await graphql(ME, {}, bearer);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ me: { username: 'arbetsmarknad' } });
  }, 60_000);
});
