import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indicators, their values with provenance, the history of replaced values and import
 * batches (docs/adr/0004-indicator-values-and-imports.md).
 *
 * Official indicators and their values are global, public reference data
 * (collaboration_id null); a collaboration's local indicators and their values carry
 * its collaboration_id.
 */
export class IndicatorValues1795460395518 implements MigrationInterface {
  name = 'IndicatorValues1795460395518';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid REFERENCES collaboration(id) ON DELETE CASCADE,
        code text NOT NULL CHECK (code ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
        theme text NOT NULL,
        name_sv text NOT NULL,
        name_en text NOT NULL,
        description_sv text,
        description_en text,
        unit text NOT NULL CHECK (unit IN ('COUNT', 'PERCENT', 'PER_1000', 'CURRENCY', 'OTHER')),
        periodicity text NOT NULL CHECK (periodicity IN ('WEEK', 'MONTH', 'QUARTER', 'YEAR')),
        direction text NOT NULL CHECK (direction IN ('LOWER_IS_BETTER', 'HIGHER_IS_BETTER')),
        source text NOT NULL CHECK (source IN ('AF', 'SCB', 'KOLADA', 'LOCAL')),
        kind text NOT NULL CHECK (kind IN ('MEASURED', 'RATIO')),
        source_key jsonb,
        numerator_id uuid REFERENCES indicator(id),
        denominator_id uuid REFERENCES indicator(id),
        factor numeric,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT indicator_code_unique UNIQUE NULLS NOT DISTINCT (collaboration_id, code),
        CONSTRAINT indicator_ratio_parts CHECK (
          (kind = 'RATIO') = (numerator_id IS NOT NULL AND denominator_id IS NOT NULL AND factor IS NOT NULL)),
        CONSTRAINT indicator_local_only_in_collaboration CHECK ((collaboration_id IS NULL) = (source <> 'LOCAL'))
      )`);
    await queryRunner.query(`CREATE INDEX indicator_theme_idx ON indicator (theme)`);

    await queryRunner.query(`
      CREATE TABLE import_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid REFERENCES collaboration(id) ON DELETE CASCADE,
        source text NOT NULL,
        format text NOT NULL,
        file_name text,
        file_sha256 text,
        file_size integer,
        published_at date,
        inserted integer NOT NULL,
        changed integer NOT NULL,
        unchanged integer NOT NULL,
        status text NOT NULL DEFAULT 'COMMITTED' CHECK (status IN ('COMMITTED', 'UNDONE')),
        imported_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        undone_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        undone_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX import_batch_imported_at_idx ON import_batch (imported_at DESC)`);
    await queryRunner.query(`CREATE INDEX import_batch_sha_idx ON import_batch (file_sha256)`);

    await queryRunner.query(`
      CREATE TABLE indicator_value (
        indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        area_code char(4) NOT NULL CHECK (area_code ~ '^[0-9]{4}$'),
        period text NOT NULL,
        value numeric,
        lower_bound boolean NOT NULL DEFAULT false,
        upper_bound numeric,
        status text,
        preliminary boolean NOT NULL DEFAULT false,
        batch_id uuid NOT NULL REFERENCES import_batch(id),
        published_at date,
        collaboration_id uuid REFERENCES collaboration(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (indicator_id, area_code, period)
      )`);
    await queryRunner.query(`CREATE INDEX indicator_value_batch_idx ON indicator_value (batch_id)`);

    await queryRunner.query(`
      CREATE TABLE indicator_value_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
        area_code char(4) NOT NULL,
        period text NOT NULL,
        value numeric,
        lower_bound boolean NOT NULL,
        upper_bound numeric,
        status text,
        preliminary boolean NOT NULL,
        batch_id uuid NOT NULL REFERENCES import_batch(id),
        published_at date,
        replaced_by_batch_id uuid NOT NULL REFERENCES import_batch(id),
        replaced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX indicator_value_history_replaced_idx ON indicator_value_history (replaced_by_batch_id)`,
    );
    await queryRunner.query(`CREATE INDEX indicator_value_history_batch_idx ON indicator_value_history (batch_id)`);
    await queryRunner.query(
      `CREATE INDEX indicator_value_history_key_idx ON indicator_value_history (indicator_id, area_code, period)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['indicator_value_history', 'indicator_value', 'import_batch', 'indicator']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
