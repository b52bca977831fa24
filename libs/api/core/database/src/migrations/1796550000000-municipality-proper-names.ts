import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A municipality's proper name ("Bjuvs kommun", "Helsingborgs stad") beside its short name
 * ("Bjuv"), which stays where space is short. Filled by the reference-data seed from
 * municipalities.csv; until then a row shows its short name with "kommun".
 */
export class MunicipalityProperNames1796550000000 implements MigrationInterface {
  name = 'MunicipalityProperNames1796550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE municipality ADD COLUMN proper_name text`);
    await queryRunner.query(`UPDATE municipality SET proper_name = name || ' kommun'`);
    await queryRunner.query(`ALTER TABLE municipality ALTER COLUMN proper_name SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE municipality DROP COLUMN proper_name`);
  }
}
