#!/usr/bin/env node
// The cost of row-level security on the heaviest read (docs/benchmarks.md): an official
// ratio indicator (numerator ÷ denominator, a self-join of indicator_value) for all 290
// municipalities × 120 months, as IndicatorQueryService issues it. The same statement runs
// under EXPLAIN ANALYZE as the owner (a superuser: the policies do not apply) and as the
// API role inside a collaboration's context (they do), alternately, and the medians of
// planning + execution time are compared. A second figure times the whole round trip,
// including the BEGIN / set_config / COMMIT the API adds to every read.
//
// Needs the API built (`npx nx build api`) and a PostgreSQL: DATABASE_URL's server, or an
// embedded one. Usage: node tools/benchmarks/rls-overhead.mjs [repetitions, default 40]
import pg from 'pg';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureDatabase, startEmbeddedPostgres } from '../dev-stack/postgres.mjs';
import { runNode } from '../dev-stack/processes.mjs';
import { grantApiRoleLogin, workspaceRoot } from '../dev-stack/stack.mjs';

const API_MAIN = path.join(workspaceRoot, 'dist/apps/api/main.js');
const FH = '10000000-0000-4000-8000-000000000001';
const SANDVIKEN = '10000000-0000-4000-8000-000000000002';
const repetitions = Number(process.argv[2] ?? 40);

let embedded;
let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  embedded = await startEmbeddedPostgres({
    dataDir: path.join(workspaceRoot, 'tmp/benchmarks/postgres'),
    port: 54334,
  });
  serverUrl = embedded.adminUrl;
}

const ownerUrl = await ensureDatabase(serverUrl, 'kraftsamling_rls_benchmark', { recreate: true });
const env = { DATABASE_URL: ownerUrl, DATABASE_OWNER_URL: ownerUrl };
await runNode(API_MAIN, ['migrate'], { env });
await runNode(API_MAIN, ['seed', '--demo'], { env });
const apiUrl = await grantApiRoleLogin(ownerUrl);

const owner = new pg.Client({ connectionString: ownerUrl });
const api = new pg.Client({ connectionString: apiUrl });
await owner.connect();
await api.connect();
try {
  // 290 municipalities × 120 months of an official ratio's numerator and denominator
  // (69 600 rows each), and local values of both demo tenants for the policy to filter.
  const [ratio] = (
    await owner.query(
      `SELECT id, numerator_id, denominator_id, factor FROM indicator
        WHERE kind = 'RATIO' AND collaboration_id IS NULL ORDER BY code LIMIT 1`,
    )
  ).rows;
  const [batch] = (
    await owner.query(
      `INSERT INTO import_batch (source, format, inserted, changed, unchanged) VALUES ('AF', 'BENCHMARK', 0, 0, 0) RETURNING id`,
    )
  ).rows;
  await owner.query(
    `INSERT INTO indicator_value (indicator_id, area_code, period, value, batch_id)
     SELECT ind, m.code, to_char(date '2010-01-01' + make_interval(months => g), 'YYYY-MM'),
            CASE WHEN ind = $1 THEN 100 + g ELSE 5000 + g END, $3
       FROM unnest(ARRAY[$1, $2]::uuid[]) ind, municipality m, generate_series(0, 119) g`,
    [ratio.numerator_id, ratio.denominator_id, batch.id],
  );
  for (const collaborationId of [FH, SANDVIKEN]) {
    const [local] = (
      await owner.query(`SELECT id FROM indicator WHERE collaboration_id = $1 LIMIT 1`, [collaborationId])
    ).rows;
    const indicatorId =
      local?.id ??
      (
        await owner.query(
          `INSERT INTO indicator (collaboration_id, code, theme, name_sv, name_en, unit, periodicity, direction, source, kind)
           VALUES ($1, 'benchmark.local', 'benchmark', 'Lokal', 'Local', 'COUNT', 'MONTH', 'HIGHER_IS_BETTER', 'LOCAL', 'MEASURED')
           RETURNING id`,
          [collaborationId],
        )
      ).rows[0].id;
    const [localBatch] = (
      await owner.query(
        `INSERT INTO import_batch (collaboration_id, source, format, inserted, changed, unchanged)
         VALUES ($1, 'LOCAL', 'BENCHMARK', 0, 0, 0) RETURNING id`,
        [collaborationId],
      )
    ).rows;
    await owner.query(
      `INSERT INTO indicator_value (indicator_id, area_code, period, value, batch_id, collaboration_id)
       SELECT $1, m.code, to_char(date '2010-01-01' + make_interval(months => g), 'YYYY-MM'), g, $2, $3
         FROM municipality m, generate_series(0, 119) g`,
      [indicatorId, localBatch.id, collaborationId],
    );
  }
  await owner.query('ANALYZE');
  const areas = (await owner.query(`SELECT code FROM municipality ORDER BY code`)).rows.map(
    (row) => row.code,
  );
  const [styrgrupp] = (await owner.query(`SELECT id FROM app_user WHERE username = 'styrgrupp'`)).rows;

  // The statement of IndicatorQueryService.ratioValues, unchanged.
  const READ = `SELECT n.area_code AS area, n.period,
              CASE WHEN d.value > 0 AND n.value IS NOT NULL THEN (n.value / d.value * $5)::float8 END AS value,
              n.lower_bound AS "lowerBound",
              CASE WHEN d.value > 0 AND n.upper_bound IS NOT NULL THEN (n.upper_bound / d.value * $5)::float8 END AS "upperBound",
              (n.preliminary OR d.preliminary) AS preliminary, coalesce(n.status, d.status) AS status,
              NULL::uuid AS "batchId", to_char(greatest(n.published_at, d.published_at), 'YYYY-MM-DD') AS "publishedAt",
              NULL::int AS version
         FROM indicator_value n
         JOIN indicator_value d ON d.indicator_id = $2 AND d.area_code = n.area_code AND d.period = n.period
        WHERE n.indicator_id = $1 AND n.area_code = ANY($3)
          AND ($4::text IS NULL OR n.period >= $4) AND ($6::text IS NULL OR n.period <= $6)`;
  const parameters = [ratio.numerator_id, ratio.denominator_id, areas, '2010-01', ratio.factor, '2019-12'];
  const CONTEXT = `SELECT set_config('app.collaboration_id', $1, true), set_config('app.user_id', $2, true),
    set_config('app.platform_admin', 'off', true), set_config('app.statistics_steward', 'off', true)`;

  const explain = async (client, withContext) => {
    await client.query('BEGIN');
    try {
      if (withContext) await client.query(CONTEXT, [FH, styrgrupp.id]);
      const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${READ}`, parameters);
      const [plan] = rows[0]['QUERY PLAN'];
      return { ms: plan['Planning Time'] + plan['Execution Time'], rows: plan.Plan['Actual Rows'] };
    } finally {
      await client.query('ROLLBACK');
    }
  };
  // The whole read as the API issues it: in a transaction that first sets the context.
  const roundTrip = async (client, wrapped) => {
    const start = performance.now();
    if (wrapped) {
      await client.query('BEGIN');
      await client.query(CONTEXT, [FH, styrgrupp.id]);
    }
    const { rowCount } = await client.query(READ, parameters);
    if (wrapped) await client.query('COMMIT');
    return { ms: performance.now() - start, rows: rowCount };
  };
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  /** Medians of `baseline` and `measured`, run alternately so a busy moment hits both alike. */
  const compare = async (name, baseline, measured) => {
    for (let i = 0; i < 5; i++) await Promise.all([baseline(), measured()]); // warm-up
    const before = [];
    const after = [];
    let rows = 0;
    for (let i = 0; i < repetitions; i++) {
      const a = await baseline();
      const b = await measured();
      if (a.rows !== b.rows) throw new Error(`${name}: ${a.rows} rows against ${b.rows}`);
      before.push(a.ms);
      after.push(b.ms);
      rows = b.rows;
    }
    const base = median(before);
    const changed = median(after);
    console.log(
      `${name}: ${repetitions} runs each, ${rows} rows; median ${base.toFixed(2)} ms against ${changed.toFixed(2)} ms: ` +
        `${(((changed - base) / base) * 100).toFixed(1)} %`,
    );
  };

  const plan = await api.query('BEGIN').then(async () => {
    await api.query(CONTEXT, [FH, styrgrupp.id]);
    const { rows } = await api.query(`EXPLAIN ${READ}`, parameters);
    await api.query('ROLLBACK');
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
  console.log(`plan as the API role:\n${plan}\n`);
  await compare(
    'EXPLAIN ANALYZE, planning + execution: owner (no RLS) against the API role (RLS)',
    () => explain(owner, false),
    () => explain(api, true),
  );
  await compare(
    'round trip: owner, plain statement against owner in the API’s transaction with set_config',
    () => roundTrip(owner, false),
    () => roundTrip(owner, true),
  );
  await compare(
    'round trip: owner against the API role, both in the API’s transaction with set_config (RLS)',
    () => roundTrip(owner, true),
    () => roundTrip(api, true),
  );
} finally {
  await owner.end();
  await api.end();
  await embedded?.stop();
}
