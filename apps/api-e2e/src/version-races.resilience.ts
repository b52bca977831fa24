// 1 000 randomised pairs of concurrent writes over every version-checked mutation of the
// API (changeMemberRole, removeMember, renameGroup, updateLocalIndicator, enterValues):
// exactly one winner each, the other CONFLICT, and not one update lost.
import { gql, sql, type GraphQLResponse } from './support/api';
import {
  CHANGE_ROLE,
  ENTER,
  RACE_MUNICIPALITIES,
  REMOVE,
  RENAME_GROUP,
  UPDATE_INDICATOR,
  admin,
  createRaceCollaboration,
  grant,
  inBatches,
  month,
  race,
  removeRaceCollaborations,
  winnerOf,
} from './support/race-fixtures';

describe('version races', () => {
  afterAll(removeRaceCollaborations);

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
  }, 600_000);
});
