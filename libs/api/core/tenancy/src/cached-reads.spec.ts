import { jest } from '@jest/globals';
import type { AccessTokenClaims } from '@kraftsamling/api/core/auth';
import type { DataChangeFeed } from '@kraftsamling/api/core/database';
import { CachedReads, CachedReadsPlugin } from './cached-reads.plugin';

// The feed is the database's NOTIFY listener; here only its generation matters.
const feed = (generation: number | null) => ({ generation }) as unknown as DataChangeFeed;
const claims = (sub: string, roles: string[] = []): AccessTokenClaims =>
  ({ sub, realm_access: { roles } }) as AccessTokenClaims;
const body = { query: '{ goals(collaborationId: "c") { id } }', variables: { c: 'c' } };
const answer = (generation: number) => ({
  generation,
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: Buffer.from('{"data":{}}\n'),
});

describe('CachedReads', () => {
  afterEach(() => jest.useRealTimers());

  it('keys an answer by the subject, the realm roles, the Accept and Accept-Language headers, the document and its variables', () => {
    const reads = new CachedReads(feed(1));
    const key = reads.keyOf(claims('a', ['x', 'y']), 'application/json', body);
    expect(reads.keyOf(claims('a', ['y', 'x']), 'application/json', body)).toBe(key);
    expect(reads.keyOf(claims('b', ['x', 'y']), 'application/json', body)).not.toBe(key);
    expect(reads.keyOf(claims('a', ['x']), 'application/json', body)).not.toBe(key);
    expect(reads.keyOf(claims('a', ['x', 'y']), 'application/graphql-response+json', body)).not.toBe(key);
    expect(reads.keyOf(claims('a', ['x', 'y']), 'application/json', body, 'en')).not.toBe(key);
    expect(
      reads.keyOf(claims('a', ['x', 'y']), 'application/json', { ...body, variables: { c: 'd' } }),
    ).not.toBe(key);
    expect(
      reads.keyOf(claims('a', ['x', 'y']), 'application/json', { ...body, operationName: 'Other' }),
    ).not.toBe(key);
  });

  it('keys by the date in Sweden, so overdue decisions and expected values move at midnight there', () => {
    const reads = new CachedReads(feed(1));
    jest.useFakeTimers({ now: new Date('2026-11-30T22:59:00Z') });
    const before = reads.keyOf(claims('a'), '', body);
    jest.setSystemTime(new Date('2026-11-30T23:01:00Z'));
    expect(reads.keyOf(claims('a'), '', body)).not.toBe(before);
  });

  it('replays an answer only while the data-change generation it was computed at is current', () => {
    const changes = { generation: 1 as number | null };
    const reads = new CachedReads(changes as unknown as DataChangeFeed);
    reads.keep('k', answer(1));
    expect(reads.find('k')?.body.toString()).toBe('{"data":{}}\n');
    changes.generation = 2;
    expect(reads.find('k')).toBeNull();
    // An answer computed before a change is not kept after it.
    reads.keep('k', answer(1));
    expect(reads.find('k')).toBeNull();
    // While the feed is down nothing is replayed.
    reads.keep('k', answer(2));
    changes.generation = null;
    expect(reads.find('k')).toBeNull();
  });

  it('drops every kept answer once a mutation through this process is answered, before the database tells', async () => {
    let generation = 1;
    const changes = {
      get generation() {
        return generation;
      },
      changed: () => generation++,
    };
    const reads = new CachedReads(changes as unknown as DataChangeFeed);
    reads.keep('k', answer(1));
    const plugin = new CachedReadsPlugin(reads);
    type Listener = { willSendResponse: (context: unknown) => Promise<void> };
    const respond = async (operation: 'query' | 'mutation') =>
      ((await plugin.requestDidStart()) as unknown as Listener).willSendResponse({
        operation: { operation },
        contextValue: {},
        response: { body: { kind: 'single', singleResult: {} } },
      });

    await respond('query');
    expect(reads.find('k')).not.toBeNull();
    await respond('mutation');
    expect(reads.find('k')).toBeNull();
  });
});
