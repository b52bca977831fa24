import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['action_type', 'action', 'action_municipality', 'action_goal', 'action_outcome', 'action_update'];

/**
 * The action tables join the data-change feed (migration 1795700000000): the API caches whole
 * answers of the action board and replays them only until any of these tables changes, on
 * any API instance. NOTIFY is delivered on commit, so a rolled-back change drops nothing.
 */
export class ActionDataChange1796400000000 implements MigrationInterface {
  name = 'ActionDataChange1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(
        `CREATE TRIGGER ${table}_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION notify_data_change()`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TRIGGER ${table}_data_change ON ${table}`);
  }
}
