import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FH_ID, SANDVIKEN_ID, apiUrl, errorCodes, gql, sql, tokenFor } from './support/api';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Issue "Compare with peers": the comparison query against hand-checked numbers, its
// permissions, and saved peer sets. The values are official statistics a steward imports
// here for three municipalities outside Familjen Helsingborg (no other test writes them):
// unemployed women 55–64 and their labour force, and the population.
const rows = [
  // area, period, unemployed, labour force: shares 5 % → 4.4 %, 3 % → 4.4 %, <5 of 1 000 → 3 %
  ['1280', '2024-09', '400', '8000'],
  ['1280', '2025-09', '330', '7500'],
  ['1281', '2024-09', '90', '3000'],
  ['1281', '2025-09', '132', '3000'],
  ['1290', '2024-09', '<5', '1000'],
  ['1290', '2025-09', '30', '1000'],
  ['0000', '2024-09', '20000', '400000'],
  ['0000', '2025-09', '18000', '400000'],
].flatMap(([area, period, unemployed, force]) => [
  `af.bas.gamk.unemployed;${area};${period};${unemployed}`,
  `af.bas.gamk.labour_force;${area};${period};${force}`,
]);
const population = ['1280;2024;360000', '1281;2024;130000', '1290;2024;87000'].map(
  (row) => `scb.population;${row}`,
);
const AREAS = { kind: 'AREAS', areaCodes: ['1290', '1281', '1280'] };

const COMPARISON = `query ($input: ComparisonInput!) { comparison(input: $input) {
  normalisation denominatorCode periods basePeriod rankPeriod median populationYears
  areas { areaCode areaName values bounds { index low high } rank quartile unranked }
  total { values bounds { index low high } included inScope }
  country { areaCode values }
  excluded { areaCode reason }
} }`;

async function compare(input: Record<string, unknown>, username = 'helsingborg') {
  return gql(
    COMPARISON,
    { input: { collaborationId: FH_ID, from: '2024-09', to: '2025-09', peers: AREAS, ...input } },
    { token: await tokenFor(username) },
  );
}

beforeAll(async () => {
  const existing = await sql(
    `SELECT count(*)::int AS n FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
      WHERE i.code LIKE 'af.bas.gamk.%' AND v.area_code IN ('1280', '1281', '1290', '0000')`,
  );
  expect(existing[0]!['n']).toBe(0);
  const form = new FormData();
  form.set('source', 'template');
  form.set('dryRun', 'false');
  const csv = ['indicator_code;area_code;period;value', ...rows, ...population].join('\n') + '\n';
  form.set('file', new Blob([csv]), 'jamforelse.csv');
  const response = await fetch(`${apiUrl()}/api/imports/official`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor('statistiker')}` },
    body: form,
  });
  const report = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((line) => line.type === 'report')?.report;
  expect(report).toMatchObject({ inserted: rows.length + population.length, problems: [] });
});

describe('comparison', () => {
  it('a ratio as published: shares, the set’s share from summed parts, ties, the median and the country', async () => {
    const { data, errors } = await compare({ indicatorCode: 'af.bas.gamk.unemployment_share' });
    expect(errors).toBeUndefined();
    const c = data!['comparison'];
    expect(c.periods).toEqual(['2024-09', '2025-09']);
    expect(c.areas.map((a: any) => a.areaCode)).toEqual(['1280', '1281', '1290']);
    const near = (values: (number | null)[]) =>
      values.map((v) => (v === null ? null : Math.round(v * 1e9) / 1e9));
    expect(near(c.areas[0].values)).toEqual([5, 4.4]);
    expect(near(c.areas[1].values)).toEqual([3, 4.4]);
    // <5 of 1 000: 0.1 … 0.4 %, not a number
    expect(c.areas[2].values).toEqual([null, 3]);
    expect(c.areas[2].bounds).toEqual([{ index: 0, low: 0.1, high: 0.4 }]);
    // Ranked in 2025-09, lower is better: 3 % first, the two 4.4 % share second place.
    expect(c.rankPeriod).toBe('2025-09');
    expect(c.areas.map((a: any) => [a.rank, a.quartile])).toEqual([
      [2, 3],
      [2, 3],
      [1, 2],
    ]);
    // (330 + 132 + 30) / (7 500 + 3 000 + 1 000) = 4.27826 %; 2024-09: (491 … 494) / 12 000
    expect(c.total.values[1]).toBeCloseTo(4.278261, 5);
    expect(c.total.values[0]).toBeNull();
    expect(c.total.bounds[0].low).toBeCloseTo(4.091667, 5);
    expect(c.total.bounds[0].high).toBeCloseTo(4.116667, 5);
    expect(c.total.included).toEqual([3, 3]);
    // Median of exact values: (5 + 3) / 2, then 4.4.
    expect(near(c.median)).toEqual([4, 4.4]);
    expect(c.country).toEqual({ areaCode: '0000', values: [5, 4.5] });
  });

  it('an index of counts at a base period, with the set’s index from summed counts', async () => {
    const { data, errors } = await compare({
      indicatorCode: 'af.bas.gamk.unemployed',
      normalisation: 'INDEX',
      basePeriod: '2025-09',
    });
    expect(errors).toBeUndefined();
    const c = data!['comparison'];
    expect(c.areas[0].values[0]).toBeCloseTo(121.2121, 4); // 400 / 330
    expect(c.areas[1].values[0]).toBeCloseTo(68.1818, 4); // 90 / 132
    expect(c.areas[2].bounds[0].low).toBeCloseTo(3.3333, 4); // 1 … 4 / 30
    expect(c.areas[2].bounds[0].high).toBeCloseTo(13.3333, 4);
    expect(c.areas.map((a: any) => a.values[1])).toEqual([100, 100, 100]);
    expect(c.total.bounds[0].low).toBeCloseTo(99.796748, 4); // 491 … 494 / 492
    expect(c.total.bounds[0].high).toBeCloseTo(100.406504, 4);
  });

  it('per 1 000 inhabitants, dividing by the latest population year and saying which', async () => {
    const { data, errors } = await compare({
      indicatorCode: 'af.bas.gamk.unemployed',
      normalisation: 'PER_THOUSAND',
      from: '2025-09',
    });
    expect(errors).toBeUndefined();
    const c = data!['comparison'];
    expect(c.denominatorCode).toBe('scb.population');
    expect(c.populationYears).toEqual([2024]);
    expect(c.areas[0].values[0]).toBeCloseTo(0.916667, 5); // 330 / 360 000
    expect(c.areas[1].values[0]).toBeCloseTo(1.015385, 5); // 132 / 130 000
    expect(c.areas[2].values[0]).toBeCloseTo(0.344828, 5); // 30 / 87 000
    expect(c.total.values[0]).toBeCloseTo(0.852686, 5); // 492 / 577 000
  });

  it('refuses what cannot be computed, saying which field and why', async () => {
    const noBase = await compare({ indicatorCode: 'af.bas.gamk.unemployed', normalisation: 'INDEX' });
    expect(noBase.errors![0]!.extensions!['fields']).toEqual([
      { field: 'input.basePeriod', message: 'INDEX needs a base period' },
    ]);
    const ratioAgain = await compare({
      indicatorCode: 'af.bas.gamk.unemployment_share',
      normalisation: 'PER_THOUSAND',
    });
    expect(ratioAgain.errors![0]!.extensions!['fields']).toEqual([
      {
        field: 'input.normalisation',
        message: 'af.bas.gamk.unemployment_share is already a ratio: PER_THOUSAND divides a count',
      },
    ]);
    const unknown = await compare({
      indicatorCode: 'af.bas.gamk.unemployed',
      peers: { kind: 'AREAS', areaCodes: ['1280', '9999'] },
    });
    expect(unknown.errors![0]!.extensions!['fields']).toEqual([
      { field: 'input.peers.areaCodes', message: 'not municipality codes: 9999' },
    ]);
  });

  it('all 290 municipalities over ten years fit one request', async () => {
    const { data, errors } = await compare({
      indicatorCode: 'af.bas.gamk.unemployment_share',
      peers: { kind: 'ALL' },
      from: '2016-01',
      to: '2025-12',
    });
    expect(errors).toBeUndefined();
    expect(data!['comparison'].areas).toHaveLength(290);
  });

  it('compares a collaboration’s own indicator among its members only', async () => {
    const { data, errors } = await compare({
      indicatorCode: 'trappsteg.deltagare',
      peers: { kind: 'AREAS', areaCodes: ['1283', '1280'] },
      from: null,
      to: null,
    });
    expect(errors).toBeUndefined();
    expect(data!['comparison'].areas.map((a: any) => a.areaCode)).toEqual(['1283']);
    expect(data!['comparison'].excluded).toEqual([{ areaCode: '1280', reason: 'NOT_A_MEMBER' }]);
  });

  /**
   * The comparison of every municipality over `from`…2025 as helsingborg asks for it, taking the
   * encodings given: large enough (290 areas) to be worth compressing.
   */
  async function askEveryMunicipality(encoding: string, from: string) {
    const token = await tokenFor('helsingborg');
    return fetch(`${apiUrl()}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'accept-encoding': encoding,
      },
      body: JSON.stringify({
        query: COMPARISON,
        variables: {
          input: {
            collaborationId: FH_ID,
            indicatorCode: 'af.bas.gamk.unemployment_share',
            peers: { kind: 'ALL' },
            from,
            to: '2025-12',
          },
        },
      }),
    });
  }

  it('is replayed from the cache, gzipped for a client that takes gzip, and equal to the first answer', async () => {
    const ask = (encoding: string) => askEveryMunicipality(encoding, '2016-01');
    const first = await (await ask('identity')).json();
    expect(first.errors).toBeUndefined();
    // The first answer went plain (its reader took no gzip): it is compressed in the background,
    // in zlib's thread pool, which other requests may keep busy for a while on a loaded machine.
    let replay = await ask('gzip');
    for (let i = 0; i < 100 && replay.headers.get('content-encoding') !== 'gzip'; i++) {
      await replay.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 20));
      replay = await ask('gzip');
    }
    expect(replay.headers.get('x-kraftsamling-cache')).toBe('hit');
    expect(replay.headers.get('content-encoding')).toBe('gzip');
    // fetch inflates it: the same answer.
    expect(await replay.json()).toEqual(first);
    const plain = await ask('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(first);
  });

  it('is gzipped from its first answer for a client that takes gzip, the same answer as sent plain', async () => {
    const ask = askEveryMunicipality;
    // A range no other test asks for: computed now, not replayed.
    const first = await ask('gzip, deflate, br', '2018-01');
    expect(first.headers.get('x-kraftsamling-cache')).toBeNull();
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const answer = await first.json();
    expect(answer.errors).toBeUndefined();
    // The same read for a client that takes no gzip: replayed, plain, equal.
    const plain = await ask('identity', '2018-01');
    expect(plain.headers.get('x-kraftsamling-cache')).toBe('hit');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(answer);
    // And an answer first computed for such a client is sent plain, as before.
    const other = await ask('identity', '2019-01');
    expect(other.headers.get('content-encoding')).toBeNull();
    expect((await other.json()).errors).toBeUndefined();
  });

  it('is refused to another tenant', async () => {
    expect(errorCodes(await compare({ indicatorCode: 'af.bas.gamk.unemployed' }, 'sandviken'))).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe('similar municipalities and peer sets', () => {
  const SAVE = `mutation ($input: SavePeerSetInput!) { savePeerSet(input: $input) { id version shared mine areaCodes } }`;
  const LIST = `query ($c: ID!) { peerSets(collaborationId: $c) { id title mine shared } }`;

  it('lists the nearest municipality on standardised values; saved as a private set, then shared', async () => {
    const token = await tokenFor('helsingborg');
    const similar = await gql(
      `query ($input: SimilarMunicipalitiesInput!) { similarMunicipalities(input: $input) {
        periods values similar { areaCode distance values } } }`,
      {
        input: {
          collaborationId: FH_ID,
          areaCode: '1280',
          indicatorCodes: ['af.bas.gamk.unemployment_share'],
          period: '2025-09',
        },
      },
      { token },
    );
    expect(similar.errors).toBeUndefined();
    const found = similar.data!['similarMunicipalities'];
    expect(found.periods).toEqual(['2025-09']);
    expect(found.values[0]).toBeCloseTo(4.4, 9);
    // Lund's share equals Malmö's: distance 0, the nearest.
    expect(found.similar[0]).toMatchObject({ areaCode: '1281', distance: 0 });
    expect(found.similar[0].values[0]).toBeCloseTo(4.4, 9);

    const saved = await gql(
      SAVE,
      {
        input: {
          collaborationId: FH_ID,
          title: 'Som Malmö (test)',
          areaCodes: ['1281', '1280', '1281'],
          shared: false,
        },
      },
      { token },
    );
    expect(saved.errors).toBeUndefined();
    const set = saved.data!['savePeerSet'];
    expect(set).toMatchObject({ shared: false, mine: true, areaCodes: ['1280', '1281'] });

    // Private: the steering member neither lists it nor compares with it.
    const steering = await tokenFor('styrgrupp');
    const listed = await gql(LIST, { c: FH_ID }, { token: steering });
    expect(listed.data!['peerSets'].map((s: any) => s.id)).not.toContain(set.id);
    const peers = { kind: 'PEER_SET', peerSetId: set.id };
    expect(
      errorCodes(await compare({ indicatorCode: 'af.bas.gamk.unemployed', peers }, 'styrgrupp')),
    ).toEqual(['NOT_FOUND']);
    const own = await compare({ indicatorCode: 'af.bas.gamk.unemployed', peers });
    expect(own.data!['comparison'].areas.map((a: any) => a.areaCode)).toEqual(['1280', '1281']);
    // Nor may anyone else change it.
    expect(
      errorCodes(
        await gql(
          SAVE,
          {
            input: {
              collaborationId: FH_ID,
              peerSetId: set.id,
              expectedVersion: set.version,
              title: 'Kapad',
              areaCodes: ['1280'],
              shared: true,
            },
          },
          { token: steering },
        ),
      ),
    ).toEqual(['NOT_FOUND']);

    const shared = await gql(
      SAVE,
      {
        input: {
          collaborationId: FH_ID,
          peerSetId: set.id,
          expectedVersion: set.version,
          title: 'Som Malmö (test)',
          areaCodes: ['1280', '1281'],
          shared: true,
        },
      },
      { token },
    );
    expect(shared.data!['savePeerSet']).toMatchObject({ shared: true, version: set.version + 1 });
    const now = await gql(LIST, { c: FH_ID }, { token: steering });
    expect(now.data!['peerSets']).toContainEqual({
      id: set.id,
      title: 'Som Malmö (test)',
      mine: false,
      shared: true,
    });
    const withShared = await compare({ indicatorCode: 'af.bas.gamk.unemployed', peers }, 'styrgrupp');
    expect(withShared.data!['comparison'].areas.map((a: any) => a.areaCode)).toEqual(['1280', '1281']);
    // Another collaboration never reaches it, even naming its id in its own comparison.
    const sandviken = await gql(
      COMPARISON,
      {
        input: {
          collaborationId: SANDVIKEN_ID,
          indicatorCode: 'af.bas.gamk.unemployed',
          peers,
          from: '2024-09',
          to: '2025-09',
        },
      },
      { token: await tokenFor('sandviken') },
    );
    expect(errorCodes(sandviken)).toEqual(['NOT_FOUND']);
    await sql(`DELETE FROM peer_set WHERE id = $1`, [set.id]);
  });
});

describe('published peer groups (Kolada’s similar municipalities)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ks-groups-'));
  // Run without blocking this process (not spawnSync): a blocked event loop misses the API
  // closing an idle keep-alive socket, and the next request on it fails ("other side closed").
  const load = (groups: unknown) => {
    const file = path.join(dir, `groups-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(groups));
    return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.join(workspaceRoot, 'dist/apps/api/main.js'), 'import-peer-groups', '--file', file],
        { env: { ...process.env, DATABASE_URL: process.env['E2E_DATABASE_URL'] } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  };
  const group = {
    id: 'GTEST01',
    title: 'Liknande kommuner (test)',
    members: [{ id: '1280' }, { id: '1281' }],
  };

  afterAll(() => sql(`DELETE FROM peer_set WHERE source = 'KOLADA' AND source_id LIKE 'GTEST%'`));

  it('loads a group everyone may compare with; loading again changes nothing; a bad file writes nothing', async () => {
    const first = await load({ values: [group] });
    expect(first.stdout).toContain('peer groups: inserted 1, changed 0, unchanged 0');
    expect((await load({ values: [group] })).stdout).toContain('inserted 0, changed 0, unchanged 1');

    const listed = await gql(
      `query ($c: ID!) { peerSets(collaborationId: $c) { id title source sourceId shared mine areaCodes } }`,
      { c: SANDVIKEN_ID },
      { token: await tokenFor('sandviken') },
    );
    const published = listed.data!['peerSets'].find((s: any) => s.sourceId === 'GTEST01');
    expect(published).toMatchObject({
      title: 'Liknande kommuner (test)',
      source: 'KOLADA',
      shared: true,
      mine: false,
      areaCodes: ['1280', '1281'],
    });
    const compared = await compare({
      indicatorCode: 'af.bas.gamk.unemployed',
      peers: { kind: 'PEER_SET', peerSetId: published.id },
    });
    expect(compared.data!['comparison'].areas.map((a: any) => a.areaCode)).toEqual(['1280', '1281']);

    // An unknown code in any group: nothing is written, and the operator is told which.
    const bad = await load({
      values: [
        { ...group, title: 'Ändrad' },
        { id: 'GTEST02', title: 'X', members: ['9999'] },
      ],
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('group GTEST02 (X): not municipality codes: 9999');
    const rows = await sql(`SELECT title FROM peer_set WHERE source = 'KOLADA' AND source_id LIKE 'GTEST%'`);
    expect(rows).toEqual([{ title: 'Liknande kommuner (test)' }]);
  });
});
