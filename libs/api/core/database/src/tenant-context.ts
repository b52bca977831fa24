import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * What PostgreSQL's row-level security policies know about the caller of one operation
 * (docs/adr/0005-row-level-security.md). The policies read it back through
 * `current_setting('app.…')`: see the migration RowLevelSecurity1795600000000.
 */
export interface DbContext {
  /** the collaboration the operation is about; null: official (reference) data only */
  collaborationId: string | null;
  /** the signed-in user: their own memberships, and the collaborations they belong to, are readable */
  userId: string | null;
  /** the `platform-admin` realm role: every collaboration */
  platformAdmin: boolean;
  /** the `statistics-steward` realm role: may write official statistics */
  statisticsSteward: boolean;
}

/** No tenant, no user, no role: only official reference rows are visible, nothing tenant-owned. */
export const NO_DB_CONTEXT: DbContext = Object.freeze({
  collaborationId: null,
  userId: null,
  platformAdmin: false,
  statisticsSteward: false,
});

/** The name of the role the API connects as (or a login role that is a member of it). */
export const API_ROLE = 'kraftsamling_api';

const storage = new AsyncLocalStorage<DbContext>();

/** Runs `work` (and everything it awaits) with `context` applied to its database transactions. */
export function runWithDbContext<T>(context: DbContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the running operation; outside any, the empty one (fail closed). */
export function currentDbContext(): DbContext {
  return storage.getStore() ?? NO_DB_CONTEXT;
}

// Transaction-local (is_local = true, i.e. SET LOCAL): the settings vanish at COMMIT or
// ROLLBACK, so a pooled connection never carries one request's tenant into the next.
const APPLY_CONTEXT = `SELECT set_config('app.collaboration_id', $1, true), set_config('app.user_id', $2, true),
  set_config('app.platform_admin', $3, true), set_config('app.statistics_steward', $4, true)`;

function contextParameters(context: DbContext): string[] {
  return [
    context.collaborationId ?? '',
    context.userId ?? '',
    context.platformAdmin ? 'on' : 'off',
    context.statisticsSteward ? 'on' : 'off',
  ];
}

const applied = new WeakSet<DataSource>();

/**
 * Makes every query of `dataSource` run under the tenant context of the operation that
 * issues it, without services having to pass it along:
 * - each outermost transaction sets the context (`set_config(…, true)`) right after BEGIN;
 * - a query outside a transaction (`dataSource.query`, a repository read) runs in a
 *   transaction of its own, so the context applies to it too.
 * A query issued with no context set applies the empty one: the policies then show no
 * tenant rows at all (fail closed).
 */
export function applyTenantContext(dataSource: DataSource): void {
  if (applied.has(dataSource)) return;
  applied.add(dataSource);
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => withTenantContext(createQueryRunner(mode));
}

function withTenantContext(runner: QueryRunner): QueryRunner {
  const startTransaction = runner.startTransaction.bind(runner);
  // The untyped original: it takes (sql, parameters, useStructuredResult) in one signature.
  const query = runner.query.bind(runner) as (
    sql: string,
    parameters?: unknown[],
    structured?: boolean,
  ) => Promise<unknown>;
  const depth = () => (runner as unknown as { transactionDepth: number }).transactionDepth;

  runner.startTransaction = async (isolationLevel) => {
    const outermost = depth() === 0;
    await startTransaction(isolationLevel);
    if (outermost) await query(APPLY_CONTEXT, contextParameters(currentDbContext()));
  };

  runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
    if (runner.isTransactionActive) return query(sql, parameters, structured);
    await runner.startTransaction();
    try {
      const result = await query(sql, parameters, structured);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  }) as QueryRunner['query'];
  return runner;
}

export interface RolePrivileges {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  ownedTables: number;
}

/** What the connected role may do beyond row-level security. */
export async function rolePrivileges(dataSource: DataSource): Promise<RolePrivileges> {
  const [row] = (await dataSource.query(
    `SELECT current_user AS role, r.rolsuper AS superuser, r.rolbypassrls AS "bypassRls",
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                AND pg_has_role(current_user, c.relowner, 'USAGE')) AS "ownedTables"
       FROM pg_roles r WHERE r.rolname = current_user`,
  )) as RolePrivileges[];
  return row!;
}

/**
 * Security invariant: the API must connect as a role that row-level security binds. A
 * superuser, a BYPASSRLS role and a table owner (or a member of the owner role) would see
 * every tenant's rows whatever the policies say, so the API refuses to serve as one unless
 * the operator explicitly allows it.
 */
export async function assertRowLevelSecurityApplies(
  dataSource: DataSource,
  { allowPrivilegedRole = false } = {},
): Promise<void> {
  const privileges = await rolePrivileges(dataSource);
  const reasons = [
    privileges.superuser && 'is a superuser',
    privileges.bypassRls && 'has BYPASSRLS',
    privileges.ownedTables > 0 && `owns ${privileges.ownedTables} table(s) (or is a member of their owner)`,
  ].filter(Boolean);
  if (reasons.length && !allowPrivilegedRole) {
    throw new Error(
      `DATABASE_URL connects as "${privileges.role}", which ${reasons.join(' and ')}: row-level security would not ` +
        `apply, so tenants could see each other's data. Connect the API as the role "${API_ROLE}" ` +
        `(docs/operations.md); DATABASE_OWNER_URL is for migrations and the operator's commands. ` +
        `DATABASE_ALLOW_PRIVILEGED_ROLE=true overrides this check (never in production).`,
    );
  }
}

/**
 * Lets `user` log in as the API role: `kraftsamling_api` itself gets LOGIN (and the
 * password, or none), another name is created if missing and made a member of it. Run as
 * the owner after the migrations (which create the role and its grants). Roles are
 * cluster-wide and several databases of one server may do this at once, so a concurrent
 * update of the same role is retried.
 */
export async function grantApiLogin(
  ownerDataSource: DataSource,
  { user, password }: { user: string; password: string | null },
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(user)) throw new Error(`unsafe role name for the API: ${user}`);
  const secret = password === null ? 'NULL' : quoteLiteral(password);
  for (let attempt = 1; ; attempt++) {
    try {
      if (user !== API_ROLE) {
        await ownerDataSource.query(`DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(user)}) THEN
            CREATE ROLE ${user} LOGIN NOSUPERUSER NOBYPASSRLS;
          END IF; END $$`);
        await ownerDataSource.query(`GRANT ${API_ROLE} TO ${user}`);
      }
      await ownerDataSource.query(`ALTER ROLE ${user} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${secret}`);
      return;
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      const concurrent = code === 'XX000' || code === '42710' || code === '23505' || code === '40001';
      if (!concurrent || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/** A SQL string literal (ALTER ROLE takes no parameters). */
function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The URL on which the API role reaches the owner's database, for stacks that manage both
 * roles themselves (`npm start`, the tests): user kraftsamling_api, its password derived
 * from the owner's, so every process on one server agrees on it without another stored
 * secret (the role is cluster-wide). Without an owner password (trust authentication) it
 * has none.
 */
export function apiRoleUrlFor(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const ownerPassword = decodeURIComponent(url.password);
  url.username = API_ROLE;
  url.password = ownerPassword
    ? createHash('sha256').update(`${API_ROLE}\0${ownerPassword}`).digest('base64url')
    : '';
  return url.toString();
}
