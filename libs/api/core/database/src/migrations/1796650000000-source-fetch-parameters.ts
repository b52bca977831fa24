import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fetches of SCB tables and of Arbetsförmedlingen's workbooks by address: a workbook's
 * address is the fetch's subject (longer than a key-figure id), and what the fetch needs
 * besides (AF's series, the first year) is kept with it, so the schedule can fetch the
 * same workbook again. source_fetch keeps its row-level security (stewards only).
 */
export class SourceFetchParameters1796650000000 implements MigrationInterface {
  name = 'SourceFetchParameters1796650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE source_fetch ADD COLUMN parameters jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await queryRunner.query(`ALTER TABLE source_fetch DROP CONSTRAINT source_fetch_subject_check`);
    await queryRunner.query(
      `ALTER TABLE source_fetch ADD CONSTRAINT source_fetch_subject_check CHECK (length(subject) BETWEEN 1 AND 2000)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE source_fetch DROP CONSTRAINT source_fetch_subject_check`);
    await queryRunner.query(
      `ALTER TABLE source_fetch ADD CONSTRAINT source_fetch_subject_check CHECK (length(subject) BETWEEN 1 AND 200)`,
    );
    await queryRunner.query(`ALTER TABLE source_fetch DROP COLUMN parameters`);
  }
}
