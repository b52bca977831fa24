import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The product fetches open data itself (issue "Open data sources"): one row per fetch of a
 * source's subject (a Kolada key figure, an SCB table), with what came of it, for the
 * statistics stewards' status page. Official data, no collaboration's.
 */
export class SourceFetches1795900000000 implements MigrationInterface {
  name = 'SourceFetches1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE source_fetch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('KOLADA', 'SCB', 'AF')),
        -- what was fetched: a key figure (N00955), the key-figure list (kpi), a table id
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL')),
        status text NOT NULL CHECK (status IN ('RUNNING', 'IMPORTED', 'NOTHING_NEW', 'FAILED')),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        batch_id uuid REFERENCES import_batch(id) ON DELETE SET NULL,
        inserted integer NOT NULL DEFAULT 0,
        changed integer NOT NULL DEFAULT 0,
        -- why it failed, or what it said (e.g. nothing in the answer matches the catalogue)
        message text,
        CONSTRAINT source_fetch_finished CHECK ((status = 'RUNNING') = (finished_at IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX source_fetch_latest_idx ON source_fetch (source, subject, started_at DESC)`);
    // Row-level security from birth (ADR 5): only statistics stewards (and platform
    // admins) read and write the fetches of official data.
    await queryRunner.query(`ALTER TABLE source_fetch ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE source_fetch FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY source_fetch_stewards ON source_fetch
        USING ((SELECT app_statistics_steward()) OR (SELECT app_platform_admin()))
        WITH CHECK ((SELECT app_statistics_steward()) OR (SELECT app_platform_admin()))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE source_fetch`);
  }
}
