import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['import_batch', 'source_fetch'];

/**
 * Import batches and source fetches join the data-change feed (migration 1795700000000): the
 * catalogue tells of each indicator when its values were last imported and its source last
 * fetched, so its cached answers are replayed only until either changes (a fetch that found
 * nothing new writes no value, yet changes what the catalogue says).
 */
export class ImportDataChange1796900000000 implements MigrationInterface {
  name = 'ImportDataChange1796900000000';

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
