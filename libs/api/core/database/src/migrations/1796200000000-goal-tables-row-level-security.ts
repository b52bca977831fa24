import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables of the goals migration (Goals1795700000000), each its collaboration's. */
const GOAL_TABLES = ['goal', 'goal_member', 'goal_group', 'goal_baseline_change', 'goal_check_in', 'decision'];

/**
 * Row-level security for the goal tables (ADR 5). The goals migration predates the
 * row-level security one in some databases (it ran first there), so the policies come in a
 * migration of their own that runs after both, whatever order they ran in. Idempotent: a
 * database whose goal tables already carry the policy gets it afresh.
 */
export class GoalTablesRowLevelSecurity1796200000000 implements MigrationInterface {
  name = 'GoalTablesRowLevelSecurity1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of GOAL_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_rows ON ${table}`);
      await queryRunner.query(
        `CREATE POLICY tenant_rows ON ${table}
           USING (collaboration_id = (SELECT app_collaboration_id()) OR (SELECT app_platform_admin()))
           WITH CHECK (collaboration_id = (SELECT app_collaboration_id()) OR (SELECT app_platform_admin()))`,
      );
    }
    // The API role reads and writes these tables (granted by default privileges where the
    // row-level security migration ran first; here for databases where it did not).
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${GOAL_TABLES.join(', ')} TO kraftsamling_api`,
    );
    await queryRunner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO kraftsamling_api`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of GOAL_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS tenant_rows ON ${table}`);
      await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
  }
}
