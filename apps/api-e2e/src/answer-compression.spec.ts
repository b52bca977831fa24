import { FH_ID, apiUrl, tokenFor } from './support/api';
import { startUpload, uploadLines } from './support/race-fixtures';

// Issue "The web app as people meet it", first load on a phone: the API's own answers were
// sent uncompressed (a 190 KiB catalogue took 1.8 s of Lighthouse's slow 4G).
const CATALOGUE = `query ($c: ID!) { indicators(collaborationId: $c) { code nameSv nameEn unit theme source } }`;

async function askCatalogue(encoding: string) {
  return fetch(`${apiUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-encoding': encoding,
      authorization: `Bearer ${await tokenFor('helsingborg')}`,
    },
    // A root __typename keeps the read out of the cached reads: this answer is computed.
    body: JSON.stringify({
      query: CATALOGUE.replace('{ indicators', '{ __typename indicators'),
      variables: { c: FH_ID },
    }),
  });
}

describe('the API’s answers', () => {
  it('are compressed as the client accepts when they are JSON, and the same JSON once decoded', async () => {
    const plain = await askCatalogue('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(JSON.parse(text).data.indicators.length).toBeGreaterThan(100);

    const gzip = await askCatalogue('gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await gzip.text()).toBe(text);

    const either = await askCatalogue('gzip, deflate, br');
    expect(['gzip', 'br']).toContain(either.headers.get('content-encoding'));
    expect(await either.text()).toBe(text);
  });

  it('leave the import’s progress stream uncompressed, so each line reaches the browser as it is written', async () => {
    const csv = 'indikator,område,period,värde\njobbspar.deltagare,1283,2019-02,3\n';
    const response = await startUpload(FH_ID, new TextEncoder().encode(csv), 'komprimering.csv');
    expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    expect(response.headers.get('content-encoding')).toBeNull();
    const lines = await uploadLines(response);
    expect(lines.at(-1)).toMatchObject({ type: 'report' });
  });
});
