import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL row-level security on every table a collaboration owns, and the role the API
 * connects as (docs/adr/0005-row-level-security.md).
 *
 * The policies read the operation's context, which the API sets per transaction
 * (`set_config(…, true)`, see tenant-context.ts): app.collaboration_id, app.user_id,
 * app.platform_admin, app.statistics_steward. Unset, they allow no tenant row (fail
 * closed); official rows (collaboration_id IS NULL) stay readable by every caller and
 * writable only by a statistics steward.
 *
 * FORCE applies the policies to the tables' owner too; migrations, seeds and the
 * operator's commands run as a superuser or a BYPASSRLS owner, which bypasses them.
 *
 * The API role `kraftsamling_api` owns nothing and has no BYPASSRLS. Roles are
 * cluster-wide, grants per database: the role is created once (whichever database
 * migrates first), the grants here in every database.
 */
/** A row of the operation's own collaboration, or of any for a platform admin. */
const tenantRow = (column: string) =>
  `(${column} = (SELECT app_collaboration_id()) OR (SELECT app_platform_admin()))`;

export class RowLevelSecurity1795600000000 implements MigrationInterface {
  name = 'RowLevelSecurity1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Collected and sent as one multi-statement query: one round trip instead of forty,
    // which keeps the migration quick for the many test databases that run it.
    const sql: string[] = [];
    // Policy helpers over current_setting. The policies call them in scalar subqueries,
    // `(SELECT app_collaboration_id())`, which PostgreSQL evaluates once per statement
    // (an InitPlan) instead of once per row, and which an index on the column can use.
    sql.push(`
      CREATE FUNCTION app_collaboration_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT NULLIF(current_setting('app.collaboration_id', true), '')::uuid $$`);
    sql.push(`
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$`);
    sql.push(`
      CREATE FUNCTION app_platform_admin() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT coalesce(current_setting('app.platform_admin', true), '') = 'on' $$`);
    sql.push(`
      CREATE FUNCTION app_statistics_steward() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT coalesce(current_setting('app.statistics_steward', true), '') = 'on' $$`);

    // The collaboration itself: its members (and a platform admin) read it; only an
    // operation in it changes it.
    this.enable(sql, 'collaboration');
    sql.push(`
      CREATE POLICY collaboration_tenant ON collaboration USING (${tenantRow('id')}) WITH CHECK (${tenantRow('id')})`);
    sql.push(`
      CREATE POLICY collaboration_of_member ON collaboration FOR SELECT
        USING (EXISTS (SELECT 1 FROM membership m
                        WHERE m.collaboration_id = collaboration.id AND m.user_id = (SELECT app_user_id())))`);

    // Rows a collaboration owns outright. organization, "group" and membership have
    // unique keys that lead with collaboration_id (organization_tenant_key,
    // group_tenant_key, membership_unique): the policy column is indexed.
    for (const table of ['organization', '"group"', 'membership']) {
      this.enable(sql, table);
      sql.push(`
        CREATE POLICY tenant_rows ON ${table}
          USING (${tenantRow('collaboration_id')}) WITH CHECK (${tenantRow('collaboration_id')})`);
    }
    // The signed-in user's own memberships in every collaboration: the principal and `me`.
    sql.push(`
      CREATE POLICY membership_own ON membership FOR SELECT USING (user_id = (SELECT app_user_id()))`);

    // Official (collaboration_id null) or local rows: official ones are readable by all
    // and written only by a statistics steward; local ones belong to their collaboration.
    // One policy per command, so a read is checked by the read policy alone.
    for (const table of ['indicator', 'import_batch', 'indicator_value']) {
      this.enable(sql, table);
      this.officialOrTenantPolicies(sql, table, (check) => check('collaboration_id'));
    }
    // indicator's code key leads with collaboration_id; the others get an index of the
    // local rows (official ones pass the policy by `IS NULL`, no index needed).
    for (const table of ['import_batch', 'indicator_value']) {
      sql.push(
        `CREATE INDEX ${table}_collaboration_idx ON ${table} (collaboration_id) WHERE collaboration_id IS NOT NULL`,
      );
    }
    // History rows belong to their indicator's collaboration (indicator_id is indexed).
    this.enable(sql, 'indicator_value_history');
    this.officialOrTenantPolicies(
      sql,
      'indicator_value_history',
      (check) => `EXISTS (SELECT 1 FROM indicator i WHERE i.id = indicator_id AND ${check('i.collaboration_id')})`,
    );

    // The audit trail: the API only appends (its role has INSERT alone), for its own
    // collaboration or outside any. Reading goes through audit_events_of_collaboration().
    this.enable(sql, 'audit_event');
    sql.push(`
      CREATE POLICY audit_append ON audit_event FOR INSERT
        WITH CHECK (collaboration_id IS NULL OR ${tenantRow('collaboration_id')})`);
    // SECURITY DEFINER: runs as the owner, so it must filter itself. It returns only the
    // events of the operation's own collaboration, whatever the caller passes in.
    sql.push(`
      CREATE FUNCTION audit_events_of_collaboration() RETURNS SETOF audit_event
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $$ SELECT * FROM audit_event WHERE collaboration_id = app_collaboration_id() $$`);

    sql.push(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kraftsamling_api') THEN
          CREATE ROLE kraftsamling_api NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      EXCEPTION
        -- Two databases of one server migrating at once: the other created it first.
        WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    sql.push(`GRANT USAGE ON SCHEMA public TO kraftsamling_api`);
    sql.push(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kraftsamling_api`,
    );
    sql.push(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO kraftsamling_api`);
    sql.push(`REVOKE ALL ON schema_migration FROM kraftsamling_api`);
    sql.push(`REVOKE ALL ON audit_event FROM kraftsamling_api`);
    sql.push(`GRANT INSERT ON audit_event TO kraftsamling_api`);
    sql.push(`REVOKE ALL ON FUNCTION audit_events_of_collaboration() FROM PUBLIC`);
    sql.push(`GRANT EXECUTE ON FUNCTION audit_events_of_collaboration() TO kraftsamling_api`);
    // Tables of later migrations get the same table grants; their policies are theirs to
    // add (the row-level security test fails on a tenant table without them).
    sql.push(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kraftsamling_api`,
    );
    sql.push(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO kraftsamling_api`,
    );
    await queryRunner.query(sql.join(';\n'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM kraftsamling_api`,
    );
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE ON SEQUENCES FROM kraftsamling_api`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM kraftsamling_api`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM kraftsamling_api`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM kraftsamling_api`);
    await queryRunner.query(`DROP FUNCTION audit_events_of_collaboration()`);
    for (const table of [
      'collaboration',
      'organization',
      '"group"',
      'membership',
      'indicator',
      'import_batch',
      'indicator_value',
      'indicator_value_history',
      'audit_event',
    ]) {
      for (const { policyname } of (await queryRunner.query(
        `SELECT policyname FROM pg_policies WHERE schemaname = current_schema() AND tablename = $1`,
        [table.replaceAll('"', '')],
      )) as { policyname: string }[]) {
        await queryRunner.query(`DROP POLICY ${policyname} ON ${table}`);
      }
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    for (const index of [
      'import_batch_collaboration_idx',
      'indicator_value_collaboration_idx',
    ]) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
    for (const fn of [
      'app_statistics_steward()',
      'app_platform_admin()',
      'app_user_id()',
      'app_collaboration_id()',
    ]) {
      await queryRunner.query(`DROP FUNCTION ${fn}`);
    }
  }

  /**
   * SELECT: official or the tenant's own; INSERT, UPDATE, DELETE: official for a statistics
   * steward, else the tenant's own. `owned` turns a check on a collaboration_id column
   * into the table's condition.
   */
  private officialOrTenantPolicies(
    sql: string[],
    table: string,
    owned: (check: (column: string) => string) => string,
  ) {
    const read = owned((column) => `(${column} IS NULL OR ${tenantRow(column)})`);
    const write = owned(
      (column) => `((${column} IS NULL AND (SELECT app_statistics_steward())) OR ${tenantRow(column)})`,
    );
    sql.push(`CREATE POLICY official_or_tenant_read ON ${table} FOR SELECT USING (${read})`);
    sql.push(`CREATE POLICY official_or_tenant_insert ON ${table} FOR INSERT WITH CHECK (${write})`);
    sql.push(
      `CREATE POLICY official_or_tenant_update ON ${table} FOR UPDATE USING (${write}) WITH CHECK (${write})`,
    );
    sql.push(`CREATE POLICY official_or_tenant_delete ON ${table} FOR DELETE USING (${write})`);
  }

  private enable(sql: string[], table: string) {
    sql.push(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    sql.push(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  }
}
