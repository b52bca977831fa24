import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createDataSource, migrate } from './data-source';
import { MIGRATIONS } from './migrations';
import { seedDemoData, seedReferenceData } from './seeds';
import { DEMO_COLLABORATION_IDS } from './seeds/demo-data';
import {
  API_ROLE,
  NO_DB_CONTEXT,
  apiRoleUrlFor,
  assertRowLevelSecurityApplies,
  grantApiLogin,
  rolePrivileges,
  runWithDbContext,
  type DbContext,
} from './tenant-context';
import { createTestDatabase } from './testing';

/**
 * Row-level security, proven with raw SQL as the API role: for every table a
 * collaboration owns, one tenant's context reads and writes nothing of another's. The
 * tables come from the catalogue, so a new tenant table without ENABLE + FORCE + a policy
 * fails here, and a new table of unknown ownership must be declared below.
 */

const FH = DEMO_COLLABORATION_IDS.familjenHelsingborg;
const SV = DEMO_COLLABORATION_IDS.sandviken;

/** Tables that belong to no collaboration: public reference data, people, bookkeeping. */
const GLOBAL_TABLES: Record<string, string> = {
  county: 'public reference data',
  municipality: 'public reference data',
  app_user: 'people: a person may belong to several collaborations',
  schema_migration: 'migration bookkeeping (the API role has no access)',
  source_fetch: 'fetches of official data: statistics stewards only, by a policy of its own',
};

/** Tenant tables without a collaboration_id column, and how their rows name their owner. */
const OWNED_THROUGH: Record<string, (collaborationId: string) => string> = {
  collaboration: (id) => `id = '${id}'`,
  indicator_value_history: (id) =>
    `indicator_id IN (SELECT id FROM indicator WHERE collaboration_id = '${id}')`,
};

const ownedBy = (table: string, collaborationId: string) =>
  OWNED_THROUGH[table]?.(collaborationId) ?? `collaboration_id = '${collaborationId}'`;

/** How a copy of a row changes owner: the columns to replace (jsonb), per table. */
function movedTo(table: string, collaborationId: string, indicatorOf: Record<string, string>): object {
  if (table === 'collaboration') return { id: '0f000000-0000-4000-8000-00000000000f', slug: 'rls-probe' };
  if (table === 'indicator_value_history') return { indicator_id: indicatorOf[collaborationId] };
  return { collaboration_id: collaborationId };
}

const quoted = (table: string) => (table === 'group' ? '"group"' : table);

interface TableFacts {
  table: string;
  rls: boolean;
  forced: boolean;
  policies: number;
  hasCollaborationId: boolean;
}

describe('row-level security (raw SQL as the API role)', () => {
  let ownerUrl: string;
  let owner: DataSource;
  let api: pg.Client;
  let tenantTables: string[];
  let facts: TableFacts[];
  const indicatorOf: Record<string, string> = {};

  /** Runs `work` in a transaction of the API role with `context` set as the API sets it; rolls back. */
  async function asApi<T>(context: DbContext, work: (client: pg.Client) => Promise<T>): Promise<T> {
    await api.query('BEGIN');
    try {
      await api.query(
        `SELECT set_config('app.collaboration_id', $1, true), set_config('app.user_id', $2, true),
                set_config('app.platform_admin', $3, true), set_config('app.statistics_steward', $4, true)`,
        [
          context.collaborationId ?? '',
          context.userId ?? '',
          context.platformAdmin ? 'on' : 'off',
          context.statisticsSteward ? 'on' : 'off',
        ],
      );
      return await work(api);
    } finally {
      await api.query('ROLLBACK');
    }
  }

  const inTenant = (collaborationId: string): DbContext => ({ ...NO_DB_CONTEXT, collaborationId });

  /** The SQLSTATE of a failing statement, or 'ok'. */
  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: { code?: string; message: string }) =>
        error.code === '42501' && /row-level security/.test(error.message) ? 'rls-violation' : error.code,
    );

  const count = async (client: pg.Client | DataSource, sql: string) => {
    const rows: { n: number }[] =
      client instanceof DataSource ? await client.query(sql) : (await client.query(sql)).rows;
    return Number(rows[0]!.n);
  };

  beforeAll(async () => {
    ownerUrl = await createTestDatabase('row_level_security');
    owner = createDataSource({ url: ownerUrl });
    await owner.initialize();
    await migrate(owner);
    await seedReferenceData(owner.manager);
    await seedDemoData(owner.manager);
    await grantApiLogin(owner, {
      user: API_ROLE,
      password: decodeURIComponent(new URL(apiRoleUrlFor(ownerUrl)).password) || null,
    });
    // Rows of both tenants (and official ones) in every tenant table.
    for (const collaborationId of [FH, SV, null]) {
      const [indicator] = await owner.query(
        `INSERT INTO indicator (collaboration_id, code, theme, name_sv, name_en, unit, periodicity, direction, source, kind)
         VALUES ($1, 'rls.probe', 'probe', 'Prov', 'Probe', 'COUNT', 'MONTH', 'HIGHER_IS_BETTER', $2, 'MEASURED')
         RETURNING id`,
        [collaborationId, collaborationId ? 'LOCAL' : 'SCB'],
      );
      indicatorOf[collaborationId ?? 'official'] = indicator.id;
      const [batch] = await owner.query(
        `INSERT INTO import_batch (collaboration_id, source, format, inserted, changed, unchanged)
         VALUES ($1, 'LOCAL', 'MANUAL', 1, 1, 0) RETURNING id`,
        [collaborationId],
      );
      await owner.query(
        `INSERT INTO indicator_value (indicator_id, area_code, period, value, batch_id, collaboration_id)
         VALUES ($1, '1283', '2024-01', 2, $2, $3)`,
        [indicator.id, batch.id, collaborationId],
      );
      await owner.query(
        `INSERT INTO indicator_value_history (indicator_id, area_code, period, value, lower_bound, preliminary, batch_id, replaced_by_batch_id)
         VALUES ($1, '1283', '2024-01', 1, false, false, $2, $2)`,
        [indicator.id, batch.id],
      );
      await owner.query(
        `INSERT INTO audit_event (collaboration_id, action, entity_type) VALUES ($1, 'probe.written', 'probe')`,
        [collaborationId],
      );
      if (!collaborationId) continue;
      // Goals, their members, groups, baseline history, check-ins and decisions.
      const [group] = await owner.query(`SELECT id FROM "group" WHERE collaboration_id = $1 LIMIT 1`, [
        collaborationId,
      ]);
      const [goal] = await owner.query(
        `INSERT INTO goal (collaboration_id, title, indicator_id, baseline_period, target_period, target_kind, target_value)
         VALUES ($1, 'Prov', $2, '2025-09', '2027-09', 'RELATIVE_CHANGE', -0.5) RETURNING id`,
        [collaborationId, indicator.id],
      );
      const area = collaborationId === FH ? '1283' : '2181';
      await owner.query(
        `INSERT INTO goal_member (goal_id, collaboration_id, area_code) VALUES ($1, $2, $3)`,
        [goal.id, collaborationId, area],
      );
      await owner.query(`INSERT INTO goal_group (goal_id, collaboration_id, group_id) VALUES ($1, $2, $3)`, [
        goal.id,
        collaborationId,
        group.id,
      ]);
      await owner.query(
        `INSERT INTO goal_baseline_change (goal_id, collaboration_id, area_code, kind, new_value, new_lower_bound, new_baseline_period)
         VALUES ($1, $2, $3, 'FROZEN', 10, false, '2025-09')`,
        [goal.id, collaborationId, area],
      );
      await owner.query(
        `INSERT INTO goal_check_in (goal_id, collaboration_id, held_on, assessment) VALUES ($1, $2, '2026-11-01', 'ON_TRACK')`,
        [goal.id, collaborationId],
      );
      await owner.query(
        `INSERT INTO decision (collaboration_id, group_id, title, decided_on, goal_id) VALUES ($1, $2, 'Prov', '2026-11-01', $3)`,
        [collaborationId, group.id, goal.id],
      );
      // An action type of its own, an action with its municipality, goal, outcome and update.
      const [type] = await owner.query(
        `INSERT INTO action_type (collaboration_id, code, name_sv, name_en) VALUES ($1, 'PROV', 'Prov', 'Probe') RETURNING id`,
        [collaborationId],
      );
      const [action] = await owner.query(
        `INSERT INTO action (collaboration_id, group_id, title, type_id, status) VALUES ($1, $2, 'Prov', $3, 'ONGOING') RETURNING id`,
        [collaborationId, group.id, type.id],
      );
      await owner.query(
        `INSERT INTO action_municipality (action_id, collaboration_id, municipality_code) VALUES ($1, $2, $3)`,
        [action.id, collaborationId, area],
      );
      await owner.query(
        `INSERT INTO action_goal (action_id, collaboration_id, goal_id) VALUES ($1, $2, $3)`,
        [action.id, collaborationId, goal.id],
      );
      await owner.query(
        `INSERT INTO action_outcome (action_id, collaboration_id, municipality_code, period, month, participants, started,
                                     completed, employed, employed_private, studies, other_outcome)
         VALUES ($1, $2, $3, '2026-01', '2026-01', 3, 1, 1, 1, 0, 0, 0)`,
        [action.id, collaborationId, area],
      );
      await owner.query(
        `INSERT INTO action_update (action_id, collaboration_id, happened_on, text) VALUES ($1, $2, '2026-01-15', 'Prov')`,
        [action.id, collaborationId],
      );
      // A peer set shared with the collaboration (a private one is its owner's alone).
      const [saver] = await owner.query(`INSERT INTO app_user (name) VALUES ('Prov') RETURNING id`);
      await owner.query(
        `INSERT INTO peer_set (collaboration_id, source, owner_user_id, shared, title, area_codes)
         VALUES ($1, 'CUSTOM', $2, true, 'Prov', ARRAY[$3]::char(4)[])`,
        [collaborationId, saver.id, area],
      );
    }
    api = new pg.Client({ connectionString: apiRoleUrlFor(ownerUrl) });
    await api.connect();

    facts = (await owner.query(
      `SELECT c.relname AS "table", c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'collaboration_id'
                        AND NOT a.attisdropped) AS "hasCollaborationId"
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        ORDER BY c.relname`,
    )) as TableFacts[];
    tenantTables = facts.filter((f) => !(f.table in GLOBAL_TABLES)).map((f) => f.table);
  }, 60_000);

  afterAll(async () => {
    await api?.end();
    await owner?.destroy();
  });

  it('knows every table: each is global (declared) or owned by a collaboration', () => {
    const unknown = facts
      .filter((f) => !(f.table in GLOBAL_TABLES) && !f.hasCollaborationId && !(f.table in OWNED_THROUGH))
      .map((f) => f.table);
    // A new table: give it collaboration_id (or declare how its rows name their owner in
    // OWNED_THROUGH), or declare it global with a reason.
    expect(unknown).toEqual([]);
    expect(tenantTables).toEqual(
      expect.arrayContaining([
        'collaboration',
        'organization',
        'group',
        'membership',
        'indicator',
        'import_batch',
      ]),
    );
  });

  it('enables and forces row-level security with a policy on every tenant table', () => {
    const lacking = facts
      .filter((f) => tenantTables.includes(f.table))
      .filter((f) => !f.rls || !f.forced || f.policies === 0)
      .map(
        (f) =>
          `${f.table}: ${[!f.rls && 'not ENABLEd', !f.forced && 'not FORCEd', f.policies === 0 && 'no policy'].filter(Boolean).join(', ')}`,
      );
    expect(lacking).toEqual([]);
  });

  it('connects as a role that owns no table and neither is a superuser nor bypasses RLS', async () => {
    const apiSource = createDataSource({ url: apiRoleUrlFor(ownerUrl) });
    await apiSource.initialize();
    try {
      expect(await rolePrivileges(apiSource)).toEqual({
        role: API_ROLE,
        superuser: false,
        bypassRls: false,
        ownedTables: 0,
      });
      await expect(assertRowLevelSecurityApplies(apiSource)).resolves.toBeUndefined();
    } finally {
      await apiSource.destroy();
    }
  });

  it('refuses to serve as a role that bypasses row-level security, unless explicitly allowed', async () => {
    await expect(assertRowLevelSecurityApplies(owner)).rejects.toThrow(
      /is a superuser.*row-level security would not apply/,
    );
    await expect(
      assertRowLevelSecurityApplies(owner, { allowPrivilegedRole: true }),
    ).resolves.toBeUndefined();
  });

  it('has fixture rows of both tenants in every tenant table', async () => {
    for (const table of tenantTables) {
      for (const tenant of [FH, SV]) {
        const rows = await count(
          owner,
          `SELECT count(*) AS n FROM ${quoted(table)} WHERE ${ownedBy(table, tenant)}`,
        );
        // A new tenant table needs fixture rows above, or the probes below prove nothing.
        expect({ table, tenant, present: rows > 0 }).toEqual({ table, tenant, present: true });
      }
    }
  });

  it("reads none of the other tenant's rows, and its own", async () => {
    for (const table of tenantTables.filter((t) => t !== 'audit_event')) {
      for (const [own, other] of [
        [FH, SV],
        [SV, FH],
      ] as const) {
        const seen = await asApi(inTenant(own), async (client) => ({
          other: await count(
            client,
            `SELECT count(*) AS n FROM ${quoted(table)} WHERE ${ownedBy(table, other)}`,
          ),
          own: await count(client, `SELECT count(*) AS n FROM ${quoted(table)} WHERE ${ownedBy(table, own)}`),
        }));
        expect({ table, other: seen.other, ownSeen: seen.own > 0 }).toEqual({
          table,
          other: 0,
          ownSeen: true,
        });
      }
    }
  });

  it('fails closed: without a context no tenant row is visible; official rows are', async () => {
    for (const table of tenantTables.filter((t) => t !== 'audit_event')) {
      const seen = await asApi(NO_DB_CONTEXT, (client) =>
        count(
          client,
          `SELECT count(*) AS n FROM ${quoted(table)} WHERE ${ownedBy(table, FH)} OR ${ownedBy(table, SV)}`,
        ),
      );
      expect({ table, seen }).toEqual({ table, seen: 0 });
    }
    for (const table of ['indicator', 'import_batch', 'indicator_value', 'indicator_value_history']) {
      const official = await asApi(NO_DB_CONTEXT, (client) =>
        count(
          client,
          table === 'indicator_value_history'
            ? `SELECT count(*) AS n FROM ${table} WHERE indicator_id = '${indicatorOf['official']}'`
            : `SELECT count(*) AS n FROM ${table} WHERE collaboration_id IS NULL`,
        ),
      );
      expect({ table, official: official > 0 }).toEqual({ table, official: true });
    }
  });

  it("updates and deletes none of the other tenant's rows", async () => {
    for (const table of tenantTables.filter((t) => t !== 'audit_event')) {
      const column =
        table === 'collaboration'
          ? 'name'
          : table === 'indicator_value_history'
            ? 'value'
            : 'collaboration_id';
      const changed = await asApi(inTenant(FH), async (client) => ({
        updated: (
          await client.query(`UPDATE ${quoted(table)} SET ${column} = ${column} WHERE ${ownedBy(table, SV)}`)
        ).rowCount,
        deleted: (await client.query(`DELETE FROM ${quoted(table)} WHERE ${ownedBy(table, SV)}`)).rowCount,
      }));
      expect({ table, ...changed }).toEqual({ table, updated: 0, deleted: 0 });
    }
    expect(
      await count(owner, `SELECT count(*) AS n FROM organization WHERE collaboration_id = '${SV}'`),
    ).toBeGreaterThan(0);
  });

  it('inserts no row for the other tenant, and moves none of its own there', async () => {
    for (const table of tenantTables.filter((t) => t !== 'audit_event')) {
      const inserted = await asApi(inTenant(FH), (client) =>
        outcome(
          client.query(
            `INSERT INTO ${quoted(table)} OVERRIDING SYSTEM VALUE
             SELECT (jsonb_populate_record(NULL::${quoted(table)}, to_jsonb(x) || $1::jsonb)).*
               FROM ${quoted(table)} x WHERE ${ownedBy(table, FH)} LIMIT 1`,
            [JSON.stringify(movedTo(table, SV, indicatorOf))],
          ),
        ),
      );
      expect({ table, inserted }).toEqual({ table, inserted: 'rls-violation' });
      if (table === 'collaboration') continue;
      const [column, target] =
        table === 'indicator_value_history' ? ['indicator_id', indicatorOf[SV]] : ['collaboration_id', SV];
      const moved = await asApi(inTenant(FH), (client) =>
        outcome(
          client.query(`UPDATE ${quoted(table)} SET ${column} = $1 WHERE ${ownedBy(table, FH)}`, [target]),
        ),
      );
      expect({ table, moved }).toEqual({ table, moved: 'rls-violation' });
    }
  });

  it('lets the API role only append to the audit trail, for its own collaboration, and read it through the checked function', async () => {
    // Each attempt in a transaction of its own: a refused statement aborts the transaction.
    const attempt = (sql: string, params: unknown[] = []) =>
      asApi(inTenant(FH), (client) => outcome(client.query(sql, params)));
    const attempts = {
      read: await attempt(`SELECT * FROM audit_event`),
      update: await attempt(`UPDATE audit_event SET action = 'x'`),
      delete: await attempt(`DELETE FROM audit_event`),
      appendOther: await attempt(
        `INSERT INTO audit_event (collaboration_id, action, entity_type) VALUES ($1, 'x', 'x')`,
        [SV],
      ),
    };
    expect(attempts).toEqual({
      read: '42501',
      update: '42501',
      delete: '42501',
      appendOther: 'rls-violation',
    });
    const own = await asApi(inTenant(FH), async (client) => {
      await client.query(
        `INSERT INTO audit_event (collaboration_id, action, entity_type) VALUES ($1, 'x', 'x')`,
        [FH],
      );
      await client.query(
        `INSERT INTO audit_event (collaboration_id, action, entity_type) VALUES (NULL, 'y', 'x')`,
      );
      return (await client.query(`SELECT DISTINCT collaboration_id FROM audit_events_of_collaboration()`))
        .rows;
    });
    expect(own).toEqual([{ collaboration_id: FH }]);
    const none = await asApi(NO_DB_CONTEXT, async (client) =>
      count(client, `SELECT count(*) AS n FROM audit_events_of_collaboration()`),
    );
    expect(none).toBe(0);
  });

  it('lets only a statistics steward write official rows', async () => {
    for (const table of ['indicator', 'import_batch', 'indicator_value']) {
      const byTenant = await asApi(
        inTenant(FH),
        async (client) =>
          (await client.query(`UPDATE ${table} SET collaboration_id = NULL WHERE collaboration_id IS NULL`))
            .rowCount,
      );
      const bySteward = await asApi(
        { ...inTenant(FH), statisticsSteward: true },
        async (client) =>
          (await client.query(`UPDATE ${table} SET collaboration_id = NULL WHERE collaboration_id IS NULL`))
            .rowCount,
      );
      expect({ table, byTenant, stewardChanges: (bySteward ?? 0) > 0 }).toEqual({
        table,
        byTenant: 0,
        stewardChanges: true,
      });
    }
  });

  it("shows a user their own memberships and collaborations in every tenant, no one else's", async () => {
    const [sandviken] = await owner.query(`SELECT id FROM app_user WHERE username = 'sandviken'`);
    const seen = await asApi({ ...NO_DB_CONTEXT, userId: sandviken.id }, async (client) => ({
      memberships: (await client.query(`SELECT DISTINCT user_id, collaboration_id FROM membership`)).rows,
      collaborations: (await client.query(`SELECT id FROM collaboration`)).rows,
    }));
    expect(seen).toEqual({
      memberships: [{ user_id: sandviken.id, collaboration_id: SV }],
      collaborations: [{ id: SV }],
    });
    const admin = await asApi({ ...NO_DB_CONTEXT, platformAdmin: true }, (client) =>
      count(client, `SELECT count(*) AS n FROM collaboration`),
    );
    expect(admin).toBe(2);
  });

  describe('the API data source applies the running operation’s context to every query', () => {
    let apiSource: DataSource;
    beforeAll(async () => {
      apiSource = createDataSource({ url: apiRoleUrlFor(ownerUrl), tenantContext: true, poolSize: 2 });
      await apiSource.initialize();
    });
    afterAll(() => apiSource?.destroy());

    const tenantsSeen = async () =>
      (
        (await apiSource.query(`SELECT DISTINCT collaboration_id FROM organization ORDER BY 1`)) as {
          collaboration_id: string;
        }[]
      ).map((row) => row.collaboration_id);

    it('outside any operation, a query sees no tenant row', async () => {
      expect(await tenantsSeen()).toEqual([]);
    });

    it('a query and a transaction see only the operation’s collaboration, concurrently too', async () => {
      const inFh = () => runWithDbContext(inTenant(FH), tenantsSeen);
      const inSv = () =>
        runWithDbContext(inTenant(SV), () =>
          apiSource.transaction(async (manager) => {
            const rows = (await manager.query(`SELECT DISTINCT collaboration_id FROM organization`)) as {
              collaboration_id: string;
            }[];
            // A nested transaction (a savepoint) keeps the context.
            const nested = await manager.transaction((inner) =>
              inner.query(`SELECT current_setting('app.collaboration_id') AS id`),
            );
            return [...rows.map((row) => row.collaboration_id), nested[0].id];
          }),
        );
      const results = await Promise.all([inFh(), inSv(), inFh(), inSv(), inFh(), inSv()]);
      expect(results).toEqual([[FH], [SV, SV], [FH], [SV, SV], [FH], [SV, SV]]);
    });

    it('leaves nothing behind on the pooled connection after an operation', async () => {
      await runWithDbContext(inTenant(FH), tenantsSeen);
      await runWithDbContext(inTenant(SV), tenantsSeen);
      expect(await Promise.all([tenantsSeen(), tenantsSeen()])).toEqual([[], []]);
    });

    it('a statement that fails rolls back its own transaction and the next one works', async () => {
      await expect(
        runWithDbContext(inTenant(FH), () =>
          apiSource.query(
            `INSERT INTO organization (collaboration_id, kind, name) VALUES ($1, 'OTHER', 'x')`,
            [SV],
          ),
        ),
      ).rejects.toThrow(/row-level security/);
      expect(await runWithDbContext(inTenant(FH), tenantsSeen)).toEqual([FH]);
    });
  });
});

describe('the row-level security migration', () => {
  it('reverts cleanly and applies again', async () => {
    const dataSource = createDataSource({ url: await createTestDatabase('row_level_security_down') });
    await dataSource.initialize();
    try {
      await migrate(dataSource);
      const secured = `SELECT count(*)::int AS n FROM pg_class WHERE relrowsecurity AND relnamespace = current_schema()::regnamespace`;
      expect((await dataSource.query(secured))[0].n).toBeGreaterThan(0);
      // Revert down to (and including) the row-level security migration: later ones build on it.
      const later =
        MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'RowLevelSecurity1795600000000');
      for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      expect((await dataSource.query(secured))[0].n).toBe(0);
      expect(
        await dataSource.query(`SELECT policyname FROM pg_policies WHERE schemaname = current_schema()`),
      ).toEqual([]);
      await migrate(dataSource);
      expect((await dataSource.query(secured))[0].n).toBeGreaterThan(0);
    } finally {
      await dataSource.destroy();
    }
  });
  it('secures the goal tables in a database whose goal tables came without their policies', async () => {
    // The goals migration creates its tables without policies (it ran before row-level
    // security in some databases); the goal tables' own security migration adds them. Such a
    // database, migrated up to that migration, is made here and then migrated on.
    const url = await createTestDatabase('row_level_security_upgrade');
    const early = MIGRATIONS.slice(
      0,
      MIGRATIONS.findIndex((m) => m.name === 'GoalTablesRowLevelSecurity1796200000000'),
    ).map((m) => m.name);
    const before = new DataSource({
      ...createDataSource({ url }).options,
      migrations: MIGRATIONS.filter((m) => early.includes(m.name)),
    } as DataSourceOptions);
    await before.initialize();
    await migrate(before);
    const unsecured = await before.query(
      `SELECT count(*)::int AS n FROM pg_policies
        WHERE schemaname = current_schema()
          AND tablename IN ('goal', 'goal_member', 'goal_group', 'goal_baseline_change', 'goal_check_in', 'decision')`,
    );
    expect(unsecured[0].n).toBe(0);
    await before.destroy();

    const after = createDataSource({ url });
    await after.initialize();
    try {
      await migrate(after);
      const goalTables = await after.query(
        `SELECT c.relname AS "table", c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
                (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
           FROM pg_class c
          WHERE c.relnamespace = current_schema()::regnamespace
            AND c.relname IN ('goal', 'goal_member', 'goal_group', 'goal_baseline_change', 'goal_check_in', 'decision')
          ORDER BY 1`,
      );
      expect(goalTables).toHaveLength(6);
      for (const table of goalTables) expect(table).toMatchObject({ rls: true, forced: true, policies: 1 });
      const applied = await after.query(`SELECT name FROM schema_migration`);
      expect(applied.map((row: { name: string }) => row.name).sort()).toEqual(
        MIGRATIONS.map((m) => m.name).sort(),
      );
    } finally {
      await after.destroy();
    }
  });
});
