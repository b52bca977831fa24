import { FH_ID, apiUrl, gql, sql, tokenFor } from './support/api';

// Issue "Open data sources", users' view: the catalogue tells of each indicator how many
// municipalities have values, the latest period, when its values were imported and (for
// stewards) when its source was last fetched — read for the whole list in one statement.
const LIST = `query ($collaborationId: ID!) {
  indicators(collaborationId: $collaborationId) {
    id code kind coverage lastPeriod lastImportedAt lastFetchedAt sourceSubject
  }
}`;
const OFFICIAL = `query { officialIndicators { code coverage lastFetchedAt sourceSubject sourceUrl } }`;
const FETCH_ID = '5f000000-0000-4000-8000-00000000fac7';

interface Listed {
  id: string;
  code: string;
  kind: string;
  coverage: number;
  lastPeriod: string | null;
  lastImportedAt: string | null;
  lastFetchedAt: string | null;
  sourceSubject: string | null;
  sourceUrl?: string | null;
}

afterAll(async () => {
  await sql(`DELETE FROM source_fetch WHERE id = $1`, [FETCH_ID]);
});

describe('the catalogue’s facts of each indicator', () => {
  it('counts the municipalities with values, the latest period and the last import, a ratio by its numerator', async () => {
    const response = await gql<{ indicators: Listed[] }>(
      LIST,
      { collaborationId: FH_ID },
      { token: await tokenFor('samordnare') },
    );
    expect(response.errors).toBeUndefined();
    const listed = response.data!.indicators;
    const expected = await sql<{
      id: string;
      coverage: number;
      last_period: string | null;
      last_imported: Date | null;
    }>(
      // Coverage counts municipalities: a county's or the country's value (another test may
      // have imported one) is no municipality with values.
      `SELECT i.id, count(DISTINCT m.code)::int AS coverage, max(v.period) AS last_period,
              max(b.imported_at) AS last_imported
         FROM indicator i
         LEFT JOIN indicator_value v ON v.indicator_id = coalesce(i.numerator_id, i.id)
         LEFT JOIN municipality m ON m.code = v.area_code
         LEFT JOIN import_batch b ON b.id = v.batch_id
        WHERE i.id = ANY($1::uuid[])
        GROUP BY i.id`,
      [listed.map((indicator) => indicator.id)],
    );
    const byId = new Map(expected.map((row) => [row.id, row]));
    expect(listed.length).toBeGreaterThan(10);
    for (const indicator of listed) {
      const row = byId.get(indicator.id)!;
      expect({
        code: indicator.code,
        coverage: indicator.coverage,
        lastPeriod: indicator.lastPeriod,
      }).toEqual({
        code: indicator.code,
        coverage: row.coverage,
        lastPeriod: row.last_period,
      });
      expect(indicator.lastImportedAt && new Date(indicator.lastImportedAt).getTime()).toEqual(
        row.last_imported && row.last_imported.getTime(),
      );
    }
    // The demo data has values for some and none for others: both are told.
    expect(listed.some((indicator) => indicator.coverage > 0 && indicator.lastPeriod)).toBe(true);
    const empty = listed.find((indicator) => indicator.coverage === 0);
    expect(empty).toMatchObject({ lastPeriod: null, lastImportedAt: null });
  });

  it('tells stewards when a key figure was last fetched, and nobody else', async () => {
    const [kpi] = await sql<{ code: string; subject: string }>(
      `SELECT code, source_key->>'kpi' AS subject FROM indicator
        WHERE collaboration_id IS NULL AND source = 'KOLADA' AND source_key->>'kpi' IS NOT NULL ORDER BY code LIMIT 1`,
    );
    // Now: later than any fetch of it another test ran before (the schedule's test fetches
    // every catalogued key figure), so this one is its last.
    const finished = new Date();
    await sql(
      `INSERT INTO source_fetch (id, source, subject, trigger, status, started_at, finished_at)
       VALUES ($1, 'KOLADA', $2, 'MANUAL', 'NOTHING_NEW', $3, $3)`,
      [FETCH_ID, kpi.subject, finished],
    );
    const asSteward = await gql<{ officialIndicators: Listed[] }>(
      OFFICIAL,
      {},
      { token: await tokenFor('statistiker') },
    );
    expect(asSteward.errors).toBeUndefined();
    const seen = asSteward.data!.officialIndicators.find((indicator) => indicator.code === kpi.code)!;
    expect(seen.sourceSubject).toBe(kpi.subject.toUpperCase());
    // The key figure's own page at Kolada.
    expect(seen.sourceUrl).toBe(
      `https://www.kolada.se/verktyg/fri-sokning/?kpis=${kpi.subject.toUpperCase()}`,
    );
    expect(new Date(seen.lastFetchedAt!).getTime()).toBe(finished.getTime());
    const asMember = await gql<{ officialIndicators: Listed[] }>(
      OFFICIAL,
      {},
      { token: await tokenFor('samordnare') },
    );
    expect(
      asMember.data!.officialIndicators.find((indicator) => indicator.code === kpi.code)!.lastFetchedAt,
    ).toBeNull();
  });

  it('is replayed from the cache until values, an import batch or a fetch of a source change', async () => {
    const bearer = `Bearer ${await tokenFor('samordnare')}`;
    const ask = async () => {
      const response = await fetch(`${apiUrl()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: bearer },
        body: JSON.stringify({ query: LIST, variables: { collaborationId: FH_ID } }),
      });
      expect(response.status).toBe(200);
      return { cache: response.headers.get('x-kraftsamling-cache'), body: await response.text() };
    };
    /** The next read after a change is computed again (the change's notice arrives just after its commit). */
    const recomputedAfter = async (change: string) => {
      await sql(change);
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        if ((await ask()).cache === null) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    };
    const first = await ask();
    const replay = await ask();
    expect(replay.cache).toBe('hit');
    expect(replay.body).toBe(first.body);
    // Statement triggers fire whether or not a row changed: each of these tells the feed.
    expect(await recomputedAfter(`UPDATE import_batch SET imported_at = imported_at WHERE false`)).toBe(true);
    expect((await ask()).cache).toBe('hit');
    expect(await recomputedAfter(`UPDATE source_fetch SET status = status WHERE false`)).toBe(true);
    expect((await ask()).cache).toBe('hit');
    expect(await recomputedAfter(`UPDATE indicator_value SET value = value WHERE false`)).toBe(true);
  });
});
