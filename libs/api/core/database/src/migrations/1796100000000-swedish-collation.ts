import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists sort the Swedish way: Å, Ä, Ö after Z (Åstorp before Ängelholm), whatever the
 * database's own locale. A named ICU collation, so the queries read `COLLATE swedish`
 * (PostgreSQL built with ICU, as Debian's and the embedded one are).
 */
export class SwedishCollation1796100000000 implements MigrationInterface {
  name = 'SwedishCollation1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE COLLATION IF NOT EXISTS swedish (provider = icu, locale = 'sv-SE')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP COLLATION IF EXISTS swedish`);
  }
}
