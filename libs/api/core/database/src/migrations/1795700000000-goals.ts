import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared goals with per-member frozen baselines, the history of baseline changes, the
 * steering group's check-ins and decision log (issue "Shared goals"). Every table carries
 * collaboration_id; composite foreign keys (collaboration_id, …) keep a goal's members,
 * groups, check-ins and decisions inside its own collaboration whatever the application does.
 */
export class Goals1795700000000 implements MigrationInterface {
  name = 'Goals1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid NOT NULL REFERENCES collaboration(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text,
        target_group text,
        indicator_id uuid NOT NULL REFERENCES indicator(id),
        baseline_period text NOT NULL,
        target_period text NOT NULL,
        target_kind text NOT NULL CHECK (target_kind IN ('RELATIVE_CHANGE', 'ABSOLUTE_CHANGE', 'LEVEL')),
        -- RELATIVE_CHANGE: a fraction (−0.5 halves); ABSOLUTE_CHANGE: units; LEVEL: the level
        target_value numeric NOT NULL,
        level_direction text CHECK (level_direction IN ('AT_MOST', 'AT_LEAST')),
        level_scope text CHECK (level_scope IN ('MEMBERS', 'COLLABORATION', 'BOTH')),
        on_track_threshold numeric NOT NULL DEFAULT -0.05,
        at_risk_threshold numeric NOT NULL DEFAULT -0.20,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'ACHIEVED', 'MISSED', 'CLOSED')),
        activated_at timestamptz,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT goal_tenant_unique UNIQUE (collaboration_id, id),
        CONSTRAINT goal_level_fields CHECK (
          (target_kind = 'LEVEL') = (level_direction IS NOT NULL AND level_scope IS NOT NULL)),
        CONSTRAINT goal_relative_change_range CHECK (target_kind <> 'RELATIVE_CHANGE' OR target_value >= -1),
        CONSTRAINT goal_thresholds_ordered CHECK (at_risk_threshold <= on_track_threshold),
        CONSTRAINT goal_periods_ordered CHECK (target_period > baseline_period)
      )`);
    await queryRunner.query(`CREATE INDEX goal_collaboration_idx ON goal (collaboration_id, status)`);

    // One row per member municipality in the goal's scope. The baseline columns are
    // written once on activation (and only again by an explicit, recorded re-baseline):
    // later imports never touch them.
    await queryRunner.query(`
      CREATE TABLE goal_member (
        goal_id uuid NOT NULL,
        collaboration_id uuid NOT NULL,
        area_code char(4) NOT NULL REFERENCES municipality(code),
        in_scope boolean NOT NULL DEFAULT true,
        -- the period the baseline was read at: the goal's, unless this member was re-baselined at another
        baseline_period text,
        baseline_value numeric,
        -- for a ratio indicator, its parts, so the collaboration's baseline is Σ numerators ÷ Σ denominators
        baseline_numerator numeric,
        baseline_denominator numeric,
        baseline_lower_bound boolean NOT NULL DEFAULT false,
        baseline_upper_bound numeric,
        baseline_batch_id uuid REFERENCES import_batch(id) ON DELETE SET NULL,
        baseline_published_at date,
        baseline_preliminary boolean NOT NULL DEFAULT false,
        baseline_frozen_at timestamptz,
        PRIMARY KEY (goal_id, area_code),
        FOREIGN KEY (collaboration_id, goal_id) REFERENCES goal (collaboration_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX goal_member_collaboration_idx ON goal_member (collaboration_id)`);

    await queryRunner.query(`
      CREATE TABLE goal_group (
        goal_id uuid NOT NULL,
        collaboration_id uuid NOT NULL,
        group_id uuid NOT NULL,
        PRIMARY KEY (goal_id, group_id),
        FOREIGN KEY (collaboration_id, goal_id) REFERENCES goal (collaboration_id, id) ON DELETE CASCADE,
        FOREIGN KEY (collaboration_id, group_id) REFERENCES "group" (collaboration_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX goal_group_collaboration_idx ON goal_group (collaboration_id)`);

    await queryRunner.query(`
      CREATE TABLE goal_baseline_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        goal_id uuid NOT NULL,
        collaboration_id uuid NOT NULL,
        area_code char(4) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('FROZEN', 'REBASELINED')),
        old_value numeric,
        old_lower_bound boolean,
        new_value numeric,
        new_lower_bound boolean NOT NULL,
        new_baseline_period text NOT NULL,
        reason text,
        changed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (collaboration_id, goal_id) REFERENCES goal (collaboration_id, id) ON DELETE CASCADE,
        CONSTRAINT goal_baseline_change_reason CHECK (kind = 'FROZEN' OR length(btrim(reason)) > 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX goal_baseline_change_goal_idx ON goal_baseline_change (collaboration_id, goal_id, changed_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE goal_check_in (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goal_id uuid NOT NULL,
        collaboration_id uuid NOT NULL,
        held_on date NOT NULL,
        assessment text NOT NULL CHECK (assessment IN ('ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'ACHIEVED', 'UNCERTAIN')),
        computed_status text,
        comment text,
        next_steps text,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (collaboration_id, goal_id) REFERENCES goal (collaboration_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX goal_check_in_goal_idx ON goal_check_in (collaboration_id, goal_id, held_on DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid NOT NULL REFERENCES collaboration(id) ON DELETE CASCADE,
        group_id uuid NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        description text,
        decided_on date NOT NULL,
        -- who owes it: a person (a member, checked by the service) and/or an organisation
        owner_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        owner_organization_id uuid,
        due_on date,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
        goal_id uuid,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (collaboration_id, group_id) REFERENCES "group" (collaboration_id, id) ON DELETE CASCADE,
        FOREIGN KEY (collaboration_id, goal_id) REFERENCES goal (collaboration_id, id) ON DELETE SET NULL (goal_id),
        FOREIGN KEY (collaboration_id, owner_organization_id) REFERENCES organization (collaboration_id, id)
          ON DELETE SET NULL (owner_organization_id),
        CONSTRAINT decision_due_after_decided CHECK (due_on IS NULL OR due_on >= decided_on)
      )`);
    await queryRunner.query(
      `CREATE INDEX decision_collaboration_idx ON decision (collaboration_id, group_id, decided_on DESC)`,
    );

    // Goal progress and the steering group's reads are cached by the API (they change only
    // when data does): every committed change of these tables tells each API instance to
    // drop its caches.
    // NOTIFY is delivered on commit, so a rolled-back change invalidates nothing.
    await queryRunner.query(`
      CREATE FUNCTION notify_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kraftsamling_data_change', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    // Memberships too: a cached answer is replayed only while the reader's rights are unchanged.
    for (const table of [
      'indicator_value',
      'indicator',
      'organization',
      'membership',
      'goal',
      'goal_member',
      'goal_group',
      'goal_baseline_change',
      'goal_check_in',
      'decision',
    ]) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION notify_data_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['indicator_value', 'indicator', 'organization', 'membership']) {
      await queryRunner.query(`DROP TRIGGER ${table}_data_change ON ${table}`);
    }
    for (const table of ['decision', 'goal_check_in', 'goal_baseline_change', 'goal_group', 'goal_member', 'goal']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION notify_data_change()`);
  }
}
