import { FH_ID, apiUrl, errorCodes, forgeToken, gql, sql, tokenFor } from './support/api';

const ME = `{ me { username } }`;

const forge = (overrides: Record<string, unknown>) => forgeToken(overrides);

describe('the token verifier checks what Keycloak puts in an access token', () => {
  it('accepts the identity provider’s own token (typ Bearer, iat now)', async () => {
    const response = await gql(ME, {}, { token: await forge({}) });
    expect(response.errors).toBeUndefined();
    expect(response.data?.['me']).toEqual({ username: 'samordnare' });
  });

  it('refuses a token whose typ is not Bearer (an ID or refresh token signed by the same key)', async () => {
    for (const typ of ['ID', 'Refresh', undefined]) {
      const response = await gql(ME, {}, { token: await forge({ typ }) });
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.errors?.[0]?.message).toMatch(/not an access token/);
    }
  });

  it('refuses a token issued in the future (iat beyond the clock tolerance)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const response = await gql(ME, {}, { token: await forge({ iat: now + 3600, exp: now + 7200 }) });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0]?.message).toMatch(/issued in the future/);
  });
});

describe('the upload route', () => {
  it('answers a body that is not multipart with 415 and a message, and writes nothing', async () => {
    const before = await sql(`SELECT count(*)::int AS n FROM import_batch`);
    for (const [contentType, body] of [
      ['application/json', JSON.stringify({ source: 'template', file: 'a,b' })],
      ['text/csv', 'indikator,område,period,värde\njobbspar.deltagare,1283,2024-09,1\n'],
    ] as const) {
      const response = await fetch(`${apiUrl()}/api/imports?collaborationId=${FH_ID}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenFor('samordnare')}`, 'content-type': contentType },
        body,
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringMatching(/multipart\/form-data/),
      });
    }
    expect(await sql(`SELECT count(*)::int AS n FROM import_batch`)).toEqual(before);
  });
});

describe('entered values are bounded by the indicator’s unit', () => {
  const ENTER = `mutation ($input: EnterValuesInput!) { enterValues(input: $input) { inserted } }`;
  const enter = async (value: number) =>
    gql(
      ENTER,
      {
        input: {
          collaborationId: FH_ID,
          areaCode: '1283',
          values: [{ indicatorCode: 'arbetstraning.deltagare', period: '2019-01', value }],
        },
      },
      { token: await tokenFor('samordnare') },
    );

  it('refuses 1e308 for a count with BAD_USER_INPUT naming the value and the range, and writes nothing', async () => {
    const response = await enter(1e308);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'input.values.0.value', message: expect.stringMatching(/at most 100 000 000/) },
    ]);
    const stored = await sql(
      `SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
        WHERE i.code = 'arbetstraning.deltagare' AND i.collaboration_id = $1 AND v.period = '2019-01'`,
      [FH_ID],
    );
    expect(stored).toEqual([]);
  });

  it('accepts the largest count the unit allows', async () => {
    const response = await enter(100_000_000);
    expect(response.errors).toBeUndefined();
    expect(response.data?.['enterValues']).toEqual({ inserted: 1 });
  });
});
