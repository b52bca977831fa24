import { apiUrl, tokenFor } from './support/api';

/**
 * Large GraphQL answers go gzipped to a client that takes gzip (every browser), plain to
 * one that does not, and are the same answer either way. Cached reads are covered in
 * comparison.spec.ts; this is an answer that is never kept (the official catalogue).
 */
const CATALOGUE = `query { officialIndicators { id code nameSv nameEn descriptionSv descriptionEn unit periodicity direction kind } }`;
const ME = `query { me { id name } }`;

async function ask(query: string, encoding: string) {
  const token = await tokenFor('helsingborg');
  const response = await fetch(`${apiUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'accept-encoding': encoding,
    },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { response, text, body: JSON.parse(text) as { data?: unknown; errors?: unknown } };
}

describe('GraphQL answers on the wire', () => {
  it('sends a large answer that is not kept gzipped to a client that takes gzip, plain to one that does not', async () => {
    const gzipped = await ask(CATALOGUE, 'gzip, deflate, br');
    expect(gzipped.body.errors).toBeUndefined();
    expect(gzipped.response.headers.get('x-kraftsamling-cache')).toBeNull();
    expect(gzipped.response.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.response.headers.get('vary')).toContain('Accept-Encoding');
    // Large enough to be worth it: tens of KiB as JSON.
    expect(gzipped.text.length).toBeGreaterThan(16 * 1024);

    const plain = await ask(CATALOGUE, 'identity');
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    // fetch inflated the first: the same answer.
    expect(plain.body).toEqual(gzipped.body);
  });

  it('sends a small answer as it is', async () => {
    const small = await ask(ME, 'gzip');
    expect(small.body.errors).toBeUndefined();
    expect(small.response.headers.get('content-encoding')).toBeNull();
  });
});
