// Concurrent writes against the real API: whatever two people send at the same moment,
// one wins, the other is told CONFLICT (or why not), and nothing is lost or half-written.
import { createHash } from 'node:crypto';
import { errorCodes, gql, sql, tokenFor, type GraphQLResponse } from './support/api';
import {
  RACE_MUNICIPALITIES,
  createRaceCollaboration,
  grant,
  removeRaceCollaborations,
  startUpload,
  templateCsv,
  uploadLines,
} from './support/race-fixtures';

const ENTER = `mutation ($input: EnterValuesInput!) { enterValues(input: $input) { batchId inserted changed } }`;
const CHANGE_ROLE = `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role version } }`;
const REMOVE = `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) }`;
const RENAME_GROUP = `mutation ($input: RenameGroupInput!) { renameGroup(input: $input) { id name version } }`;
const UPDATE_INDICATOR = `mutation ($input: UpdateLocalIndicatorInput!) { updateLocalIndicator(input: $input) { id nameSv version } }`;

const admin = () => tokenFor('admin');

/** Runs `task` for every item, at most `limit` at a time. */
async function inBatches<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!);
      }
    }),
  );
  return results;
}

/** Sends both requests at once, in random order, a random fraction of a millisecond apart. */
async function race(first: () => Promise<GraphQLResponse>, second: () => Promise<GraphQLResponse>) {
  const swap = Math.random() < 0.5;
  const [a, b] = swap ? [second, first] : [first, second];
  const pa = a();
  if (Math.random() < 0.5) await new Promise((resolve) => setImmediate(resolve));
  const pb = b();
  const [ra, rb] = await Promise.all([pa, pb]);
  return swap ? [rb, ra] : [ra, rb];
}

/** Which of the two won; fails unless exactly one did and the other got CONFLICT. */
function winnerOf(pair: GraphQLResponse[], where: string): 0 | 1 {
  const outcome = pair.map((response) => (response.errors ? errorCodes(response).join(',') : 'OK'));
  const winners = outcome.filter((o) => o === 'OK').length;
  if (winners !== 1 || !outcome.includes('CONFLICT')) {
    throw new Error(
      `${where}: expected one winner and one CONFLICT, got ${outcome.join(' and ')}: ${JSON.stringify(pair)}`,
    );
  }
  return outcome[0] === 'OK' ? 0 : 1;
}

const month = (i: number) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

describe('concurrent writes', () => {
  afterAll(removeRaceCollaborations);

  it('a first value entered twice at once is stored once; the second is told CONFLICT with the stored value', async () => {
    const collaboration = await createRaceCollaboration('first-value', { indicators: 1 });
    const [indicator] = collaboration.indicators;
    const token = await admin();
    const enter = (period: string, value: number) => () =>
      gql(
        ENTER,
        {
          input: {
            collaborationId: collaboration.id,
            areaCode: '1283',
            values: [{ indicatorCode: indicator!.code, period, value }],
          },
        },
        { token },
      );
    const pairs = Array.from({ length: 40 }, (_, i) => i);
    const results = await inBatches(pairs, 10, (i) =>
      race(enter(month(i), 100 + i), enter(month(i), 500 + i)),
    );
    const stored = await sql<{ period: string; value: string; version: number }>(
      `SELECT period, value, version FROM indicator_value WHERE indicator_id = $1 ORDER BY period`,
      [indicator!.id],
    );
    const byPeriod = new Map(stored.map((row) => [row.period, row]));
    // Each pair: one winner, whose value is stored at version 1; the other refused with CONFLICT.
    const winners = results.map((pair, i) => winnerOf(pair, `pair ${i}`));
    expect(pairs.map((i) => [byPeriod.get(month(i))?.value, byPeriod.get(month(i))?.version])).toEqual(
      pairs.map((i) => [String(winners[i] === 0 ? 100 + i : 500 + i), 1]),
    );
    for (const [i, pair] of results.entries()) {
      // The loser learns what is stored now, so the grid can show it without guessing.
      const loser = pair[1 - winners[i]!]!.errors![0]!;
      expect(loser.message).toMatch(/changed .* since you loaded/);
      expect((loser.extensions as Record<string, unknown>)['current']).toEqual([
        {
          indicatorCode: indicator!.code,
          areaCode: '1283',
          period: month(i),
          value: winners[i] === 0 ? 100 + i : 500 + i,
          version: 1,
        },
      ]);
    }
    // One manual-entry batch per winner, none for a loser.
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM import_batch WHERE collaboration_id = $1`, [
      collaboration.id,
    ]);
    expect(n).toBe(pairs.length);
  });

  it('concurrent demotions and removals never leave a collaboration without a coordinator', async () => {
    const token = await admin();
    const trials = Array.from({ length: 20 }, (_, i) => i);
    const outcomes = await inBatches(trials, 5, async (trial) => {
      const collaboration = await createRaceCollaboration(`coordinators-${trial}`, { users: 2 });
      const memberships = await grant(collaboration.id, collaboration.users, 'COORDINATOR');
      // Each trial mixes the two ways of losing a coordinator: demote both, remove both, or one of each.
      const act = (membershipId: string, how: 'demote' | 'remove') => () =>
        how === 'demote'
          ? gql(
              CHANGE_ROLE,
              {
                input: {
                  collaborationId: collaboration.id,
                  membershipId,
                  role: 'VIEWER',
                  expectedVersion: 1,
                },
              },
              { token },
            )
          : gql(
              REMOVE,
              { input: { collaborationId: collaboration.id, membershipId, expectedVersion: 1 } },
              { token },
            );
      const ways = (['demote', 'remove'] as const)[trial % 2]!;
      const other = trial % 4 < 2 ? ways : ways === 'demote' ? 'remove' : 'demote';
      const pair = await race(act(memberships[0]!, ways), act(memberships[1]!, other));
      const [{ n }] = await sql(
        `SELECT count(*)::int AS n FROM membership WHERE collaboration_id = $1 AND role = 'COORDINATOR'`,
        [collaboration.id],
      );
      return { pair: pair.map((r) => (r.errors ? r.errors[0]!.message : 'OK')), coordinators: n };
    });
    for (const outcome of outcomes) {
      expect(outcome.coordinators).toBe(1);
      expect(outcome.pair.filter((o) => o === 'OK')).toHaveLength(1);
      expect(outcome.pair.find((o) => o !== 'OK')).toMatch(/last coordinator/);
    }
  });

  it('1 000 randomised pairs over every version-checked mutation: one winner each, the other CONFLICT, nothing lost', async () => {
    const ENTITIES = 20; // per mutation; each round races every entity once
    const ROUNDS = 10; // 5 mutations × 20 entities × 10 rounds = 1 000 pairs
    const collaboration = await createRaceCollaboration('versions', {
      users: ENTITIES * (ROUNDS + 1) + 1,
      groups: ENTITIES,
      indicators: ENTITIES + 1,
    });
    const token = await admin();
    const c = collaboration.id;
    // Someone must stay coordinator while the others change roles.
    await grant(c, collaboration.users.slice(-1), 'COORDINATOR');
    const roleMemberships = await grant(c, collaboration.users.slice(0, ENTITIES), 'VIEWER');
    const removable = await grant(c, collaboration.users.slice(ENTITIES, ENTITIES * (ROUNDS + 1)), 'VIEWER');
    const valueIndicator = collaboration.indicators.at(-1)!;
    const entryArea = (e: number) => RACE_MUNICIPALITIES[e % RACE_MUNICIPALITIES.length]!;
    const entryPeriod = (e: number) => month(e);
    const rand = () => Math.floor(Math.random() * 1_000_000);

    type Pair = {
      kind: string;
      entity: string;
      payloads: [unknown, unknown];
      run: [() => Promise<GraphQLResponse>, () => Promise<GraphQLResponse>];
    };
    // What each entity should hold at the end: the last winner's payload.
    const expected = new Map<string, unknown>();
    const wins = new Map<string, number>();
    const ROLES = ['VIEWER', 'COORDINATOR', 'STEERING_MEMBER', 'AGENCY_ANALYST'];

    for (let round = 0; round < ROUNDS; round++) {
      const pairs: Pair[] = [];
      for (let e = 0; e < ENTITIES; e++) {
        const version = round + 1;
        const names = [`Namn ${rand()}`, `Namn ${rand()}`] as [string, string];
        pairs.push({
          kind: 'renameGroup',
          entity: collaboration.groups[e]!,
          payloads: names,
          run: names.map(
            (name) => () =>
              gql(
                RENAME_GROUP,
                {
                  input: {
                    collaborationId: c,
                    groupId: collaboration.groups[e],
                    name,
                    expectedVersion: version,
                  },
                },
                { token },
              ),
          ) as Pair['run'],
        });
        const indicatorNames = [`Indikator ${rand()}`, `Indikator ${rand()}`] as [string, string];
        pairs.push({
          kind: 'updateLocalIndicator',
          entity: collaboration.indicators[e]!.id,
          payloads: indicatorNames,
          run: indicatorNames.map(
            (nameSv) => () =>
              gql(
                UPDATE_INDICATOR,
                {
                  input: {
                    collaborationId: c,
                    indicatorId: collaboration.indicators[e]!.id,
                    nameSv,
                    nameEn: nameSv,
                    direction: 'HIGHER_IS_BETTER',
                    expectedVersion: version,
                  },
                },
                { token },
              ),
          ) as Pair['run'],
        });
        const roles = [ROLES[rand() % ROLES.length]!, ROLES[rand() % ROLES.length]!] as [string, string];
        pairs.push({
          kind: 'changeMemberRole',
          entity: roleMemberships[e]!,
          payloads: roles,
          run: roles.map(
            (role) => () =>
              gql(
                CHANGE_ROLE,
                {
                  input: {
                    collaborationId: c,
                    membershipId: roleMemberships[e],
                    role,
                    expectedVersion: version,
                  },
                },
                { token },
              ),
          ) as Pair['run'],
        });
        // A removal races either another removal or a role change of the same membership.
        const removed = removable[round * ENTITIES + e]!;
        const againstRemoval = Math.random() < 0.5;
        pairs.push({
          kind: 'removeMember',
          entity: removed,
          payloads: ['removed', againstRemoval ? 'removed' : 'STEERING_MEMBER'],
          run: [
            () =>
              gql(
                REMOVE,
                { input: { collaborationId: c, membershipId: removed, expectedVersion: 1 } },
                { token },
              ),
            againstRemoval
              ? () =>
                  gql(
                    REMOVE,
                    { input: { collaborationId: c, membershipId: removed, expectedVersion: 1 } },
                    { token },
                  )
              : () =>
                  gql(
                    CHANGE_ROLE,
                    {
                      input: {
                        collaborationId: c,
                        membershipId: removed,
                        role: 'STEERING_MEMBER',
                        expectedVersion: 1,
                      },
                    },
                    { token },
                  ),
          ],
        });
        // The first round enters a first value (no expected version), later rounds change it.
        const values = [rand(), rand()] as [number, number];
        pairs.push({
          kind: 'enterValues',
          entity: `${entryArea(e)}|${entryPeriod(e)}`,
          payloads: values,
          run: values.map(
            (value) => () =>
              gql(
                ENTER,
                {
                  input: {
                    collaborationId: c,
                    areaCode: entryArea(e),
                    values: [
                      {
                        indicatorCode: valueIndicator.code,
                        period: entryPeriod(e),
                        value,
                        ...(round ? { expectedVersion: round } : {}),
                      },
                    ],
                  },
                },
                { token },
              ),
          ) as Pair['run'],
        });
      }
      pairs.sort(() => Math.random() - 0.5);
      const results = await inBatches(pairs, 25, (pair) => race(pair.run[0], pair.run[1]));
      for (const [i, pair] of pairs.entries()) {
        const winner = winnerOf(results[i]!, `round ${round}, ${pair.kind} ${pair.entity}`);
        expected.set(pair.entity, pair.payloads[winner]);
        wins.set(pair.kind, (wins.get(pair.kind) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(wins)).toEqual({
      renameGroup: ENTITIES * ROUNDS,
      updateLocalIndicator: ENTITIES * ROUNDS,
      changeMemberRole: ENTITIES * ROUNDS,
      removeMember: ENTITIES * ROUNDS,
      enterValues: ENTITIES * ROUNDS,
    });

    // 0 lost updates: every entity holds its last winner's write, at one version per win.
    const groups = await sql(`SELECT id, name, version FROM "group" WHERE collaboration_id = $1`, [c]);
    for (const group of groups)
      expect(group).toEqual({ id: group['id'], name: expected.get(group['id']), version: ROUNDS + 1 });
    const indicators = await sql(
      `SELECT id, name_sv, version FROM indicator WHERE collaboration_id = $1 AND id <> $2`,
      [c, valueIndicator.id],
    );
    expect(indicators).toHaveLength(ENTITIES);
    for (const row of indicators)
      expect(row).toEqual({ id: row['id'], name_sv: expected.get(row['id']), version: ROUNDS + 1 });
    const roles = await sql(`SELECT id, role, version FROM membership WHERE id = ANY($1)`, [roleMemberships]);
    for (const row of roles)
      expect(row).toEqual({ id: row['id'], role: expected.get(row['id']), version: ROUNDS + 1 });
    const left = await sql(`SELECT id, role FROM membership WHERE id = ANY($1)`, [removable]);
    for (const row of left) expect(expected.get(row['id'])).toBe(row['role']);
    expect(removable.filter((id) => expected.get(id) === 'removed')).toHaveLength(
      removable.length - left.length,
    );
    const values = await sql(
      `SELECT area_code || '|' || period AS cell, value::float8 AS value, version FROM indicator_value WHERE indicator_id = $1`,
      [valueIndicator.id],
    );
    expect(values).toHaveLength(ENTITIES);
    for (const row of values)
      expect(row).toEqual({ cell: row['cell'], value: expected.get(row['cell']), version: ROUNDS });
    // Every replaced value is in the history, once per later win, so undo can restore it.
    const [{ n: history }] = await sql(
      `SELECT count(*)::int AS n FROM indicator_value_history WHERE indicator_id = $1`,
      [valueIndicator.id],
    );
    expect(history).toBe(ENTITIES * (ROUNDS - 1));
    // One audit event per winning write and none for a loser.
    const [{ n: events }] = await sql(
      `SELECT count(*)::int AS n FROM audit_event WHERE collaboration_id = $1`,
      [c],
    );
    expect(events).toBe(ENTITIES * ROUNDS * 5);
  }, 240_000);

  it('two concurrent imports of one file end with one batch and every value once', async () => {
    const collaboration = await createRaceCollaboration('same-file', { indicators: 5 });
    const codes = collaboration.indicators.map((i) => i.code);
    const file = templateCsv(codes, RACE_MUNICIPALITIES, 240);
    const rows = codes.length * RACE_MUNICIPALITIES.length * 240;
    const [a, b] = await Promise.all([
      startUpload(collaboration.id, file, 'samma-fil.csv').then(uploadLines),
      startUpload(collaboration.id, file, 'samma-fil.csv').then(uploadLines),
    ]);
    const reports = [a, b].map((lines) => lines.find((line) => line.type === 'report')?.report);
    expect(reports.map((report) => report?.problems)).toEqual([[], []]);
    // One of them wrote every value; the other found them all in place and wrote no batch.
    const written = reports.filter((report) => report.batchId);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ inserted: rows, changed: 0 });
    expect(reports.find((report) => !report.batchId)).toMatchObject({
      inserted: 0,
      changed: 0,
      unchanged: rows,
    });
    const sha = createHash('sha256').update(file).digest('hex');
    expect(await sql(`SELECT id FROM import_batch WHERE file_sha256 = $1`, [sha])).toEqual([
      { id: written[0].batchId },
    ]);
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM indicator_value WHERE collaboration_id = $1`, [
      collaboration.id,
    ]);
    expect(n).toBe(rows);
  }, 120_000);
});
