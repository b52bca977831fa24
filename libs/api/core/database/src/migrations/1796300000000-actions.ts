import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables of this migration that belong to one collaboration each. */
const TENANT_TABLES = [
  'action',
  'action_municipality',
  'action_goal',
  'action_outcome',
  'action_update',
];

/**
 * What operational groups do (issue 10): actions (insatser) with their municipalities and
 * goals, outcomes per municipality and period (counts only, never data about a person),
 * progress updates, and the action types (built-ins shared by every collaboration, plus
 * those a coordinator adds). A collaboration reports outcomes by month, or by ISO week
 * (Sandviken). Composite foreign keys (collaboration_id, …) keep every reference inside its
 * own collaboration whatever the application does; row-level security from birth (ADR 5).
 */
export class Actions1796300000000 implements MigrationInterface {
  name = 'Actions1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE collaboration ADD COLUMN outcome_period_kind text NOT NULL DEFAULT 'MONTH'
        CHECK (outcome_period_kind IN ('MONTH', 'WEEK'))`);

    await queryRunner.query(`
      CREATE TABLE action_type (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- NULL for a built-in type every collaboration has
        collaboration_id uuid REFERENCES collaboration(id) ON DELETE CASCADE,
        code text NOT NULL CHECK (code ~ '^[A-Z0-9]+(_[A-Z0-9]+)*$'),
        name_sv text NOT NULL CHECK (length(btrim(name_sv)) BETWEEN 1 AND 100),
        name_en text NOT NULL CHECK (length(btrim(name_en)) BETWEEN 1 AND 100),
        sort_order integer NOT NULL DEFAULT 1000,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT action_type_code_unique UNIQUE NULLS NOT DISTINCT (collaboration_id, code)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX action_type_name_sv_unique ON action_type (collaboration_id, lower(name_sv))`,
    );
    await queryRunner.query(`
      INSERT INTO action_type (collaboration_id, code, name_sv, name_en, sort_order) VALUES
        (NULL, 'JOB_TRACK', 'Jobbspår', 'Job track', 10),
        (NULL, 'WORK_TRAINING', 'Arbetsträning', 'Work training', 20),
        (NULL, 'STEP_TRAINING', 'Trappstegsutbildning', 'Step-by-step training', 30),
        (NULL, 'SUBSIDISED_JOB', 'Subventionerad anställning', 'Subsidised job', 40),
        (NULL, 'INTRODUCTION_JOB', 'Introduktionsjobb', 'Introduction job', 50),
        (NULL, 'VOCATIONAL_SFI', 'Yrkesutbildning med sfi', 'Vocational training with Swedish for immigrants', 60),
        (NULL, 'RECRUITMENT_FAIR', 'Rekryteringsmässa', 'Recruitment fair', 70),
        (NULL, 'WORKSHOP', 'Workshop', 'Workshop', 80),
        (NULL, 'MAPPING', 'Kartläggning/analys', 'Mapping/analysis', 90),
        (NULL, 'OTHER', 'Övrigt', 'Other', 999)`);

    await queryRunner.query(`
      CREATE TABLE action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid NOT NULL REFERENCES collaboration(id) ON DELETE CASCADE,
        group_id uuid NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 4000),
        type_id uuid NOT NULL REFERENCES action_type(id),
        target_groups text[] NOT NULL DEFAULT '{}' CHECK (cardinality(target_groups) <= 20),
        lead_organization_id uuid,
        contact_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        partner_organizations text[] NOT NULL DEFAULT '{}' CHECK (cardinality(partner_organizations) <= 50),
        start_on date,
        end_on date,
        status text NOT NULL CHECK (status IN ('PLANNED', 'ONGOING', 'PAUSED', 'COMPLETED', 'CANCELLED')),
        planned_participants integer CHECK (planned_participants >= 0),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- the latest outcome or update, for the board's "last activity"
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT action_tenant_key UNIQUE (collaboration_id, id),
        CONSTRAINT action_group_fk FOREIGN KEY (collaboration_id, group_id)
          REFERENCES "group" (collaboration_id, id) ON DELETE CASCADE,
        CONSTRAINT action_lead_organization_fk FOREIGN KEY (collaboration_id, lead_organization_id)
          REFERENCES organization (collaboration_id, id) ON DELETE SET NULL (lead_organization_id),
        CONSTRAINT action_dates_ordered CHECK (end_on IS NULL OR start_on IS NULL OR end_on >= start_on)
      )`);
    await queryRunner.query(`CREATE INDEX action_group_idx ON action (collaboration_id, group_id, status)`);
    await queryRunner.query(`CREATE INDEX action_type_idx ON action (type_id)`);

    await queryRunner.query(`
      CREATE TABLE action_municipality (
        action_id uuid NOT NULL,
        collaboration_id uuid NOT NULL,
        municipality_code char(4) NOT NULL REFERENCES municipality(code),
        PRIMARY KEY (action_id, municipality_code),
        FOREIGN KEY (collaboration_id, action_id) REFERENCES action (collaboration_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX action_municipality_code_idx ON action_municipality (collaboration_id, municipality_code)`,
    );

    await queryRunner.query(`
      CREATE TABLE action_goal (
        action_id uuid NOT NULL,
        collaboration_id uuid NOT NULL,
        goal_id uuid NOT NULL,
        PRIMARY KEY (action_id, goal_id),
        FOREIGN KEY (collaboration_id, action_id) REFERENCES action (collaboration_id, id) ON DELETE CASCADE,
        FOREIGN KEY (collaboration_id, goal_id) REFERENCES goal (collaboration_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX action_goal_goal_idx ON action_goal (collaboration_id, goal_id)`);

    // Counts only: how many took part, started, completed, and where they went. The same person
    // may be counted in several actions, so sums are participations, not people.
    await queryRunner.query(`
      CREATE TABLE action_outcome (
        action_id uuid NOT NULL,
        collaboration_id uuid NOT NULL,
        municipality_code char(4) NOT NULL,
        -- 'YYYY-MM', or an ISO week 'YYYY-Www' where the collaboration reports weekly
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-([0-9]{2}|W[0-9]{2})$'),
        -- the month the period counts in: its own, or the month of an ISO week's Thursday
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
        participants integer NOT NULL CHECK (participants >= 0),
        started integer NOT NULL CHECK (started >= 0),
        completed integer NOT NULL CHECK (completed >= 0),
        employed integer NOT NULL CHECK (employed >= 0),
        employed_private integer NOT NULL CHECK (employed_private >= 0),
        studies integer NOT NULL CHECK (studies >= 0),
        other_outcome integer NOT NULL CHECK (other_outcome >= 0),
        version integer NOT NULL DEFAULT 1,
        recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (action_id, municipality_code, period),
        FOREIGN KEY (collaboration_id, action_id) REFERENCES action (collaboration_id, id) ON DELETE CASCADE,
        FOREIGN KEY (action_id, municipality_code) REFERENCES action_municipality (action_id, municipality_code),
        CONSTRAINT action_outcome_private_within_employed CHECK (employed_private <= employed)
      )`);
    await queryRunner.query(
      `CREATE INDEX action_outcome_month_idx ON action_outcome (collaboration_id, municipality_code, month)`,
    );

    await queryRunner.query(`
      CREATE TABLE action_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_id uuid NOT NULL,
        collaboration_id uuid NOT NULL,
        happened_on date NOT NULL,
        text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 4000),
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        status_change text CHECK (status_change IN ('PLANNED', 'ONGOING', 'PAUSED', 'COMPLETED', 'CANCELLED')),
        confidence text CHECK (confidence IN ('ON_TRACK', 'AT_RISK', 'OFF_TRACK')),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (collaboration_id, action_id) REFERENCES action (collaboration_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX action_update_action_idx ON action_update (collaboration_id, action_id, created_at DESC)`,
    );

    // Row-level security from birth (ADR 5): an action and everything about it is its
    // collaboration's alone.
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY tenant_rows ON ${table}
           USING (collaboration_id = (SELECT app_collaboration_id()) OR (SELECT app_platform_admin()))
           WITH CHECK (collaboration_id = (SELECT app_collaboration_id()) OR (SELECT app_platform_admin()))`,
      );
    }
    // Built-in types are everyone's to read and only the operator's (the owner role) to
    // write; a collaboration's own types are its own.
    await queryRunner.query(`ALTER TABLE action_type ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE action_type FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY action_type_built_in ON action_type FOR SELECT USING (collaboration_id IS NULL)`,
    );
    await queryRunner.query(
      `CREATE POLICY tenant_rows ON action_type
         USING (collaboration_id = (SELECT app_collaboration_id()) OR (SELECT app_platform_admin()))
         WITH CHECK (collaboration_id = (SELECT app_collaboration_id()) OR (SELECT app_platform_admin()))`,
    );
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON action_type, ${TENANT_TABLES.join(', ')} TO kraftsamling_api`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['action_update', 'action_outcome', 'action_goal', 'action_municipality', 'action', 'action_type'])
      await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query(`ALTER TABLE collaboration DROP COLUMN outcome_period_kind`);
  }
}
