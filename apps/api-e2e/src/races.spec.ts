// Concurrent writes against the real API: whatever two people send at the same moment,
// one wins, the other is told CONFLICT (or why not), and nothing is lost or half-written.
// The 1 000-pair race over every version-checked mutation is in version-races.resilience.ts.
import { createHash } from 'node:crypto';
import { gql, sql } from './support/api';
import {
  CHANGE_ROLE,
  ENTER,
  RACE_MUNICIPALITIES,
  REMOVE,
  admin,
  createRaceCollaboration,
  grant,
  inBatches,
  month,
  race,
  removeRaceCollaborations,
  startUpload,
  templateCsv,
  uploadLines,
  winnerOf,
} from './support/race-fixtures';

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
