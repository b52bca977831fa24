import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation schema: public reference data (county, municipality), the tenant
 * (collaboration) and what it owns (organization, group, membership), people
 * (app_user) and the audit trail.
 *
 * Tenant isolation is built into the keys: every tenant-owned row carries
 * collaboration_id, and a membership's organisation and group are referenced by
 * (collaboration_id, id), so the database itself refuses a membership that points at
 * another collaboration's organisation or group.
 */
export class Foundation1795456335264 implements MigrationInterface {
  name = 'Foundation1795456335264';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE county (
        code char(2) PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
        name text NOT NULL,
        short_name text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE municipality (
        code char(4) PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
        name text NOT NULL,
        county_code char(2) NOT NULL REFERENCES county(code)
      )`);
    await queryRunner.query(`CREATE INDEX municipality_county_idx ON municipality (county_code)`);

    await queryRunner.query(`
      CREATE TABLE collaboration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        description text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid NOT NULL REFERENCES collaboration(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('MUNICIPALITY', 'EMPLOYMENT_AGENCY', 'UNIVERSITY',
          'FOLK_HIGH_SCHOOL', 'BUSINESS_NETWORK', 'OTHER')),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        municipality_code char(4) REFERENCES municipality(code),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organization_tenant_key UNIQUE (collaboration_id, id),
        CONSTRAINT organization_municipality_once UNIQUE (collaboration_id, municipality_code),
        CONSTRAINT organization_municipality_code_iff_municipality
          CHECK ((kind = 'MUNICIPALITY') = (municipality_code IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX organization_name_unique ON organization (collaboration_id, lower(name))`,
    );

    await queryRunner.query(`
      CREATE TABLE "group" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid NOT NULL REFERENCES collaboration(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('STEERING', 'OPERATIONAL')),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        focus_area text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT group_tenant_key UNIQUE (collaboration_id, id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX group_name_unique ON "group" (collaboration_id, lower(name))`);
    // A collaboration has one steering group.
    await queryRunner.query(
      `CREATE UNIQUE INDEX group_one_steering ON "group" (collaboration_id) WHERE kind = 'STEERING'`,
    );

    await queryRunner.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject text UNIQUE,
        username text,
        name text NOT NULL,
        email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email)) WHERE email IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid NOT NULL REFERENCES collaboration(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('COORDINATOR', 'STEERING_MEMBER', 'GROUP_MEMBER',
          'MUNICIPAL_EDITOR', 'AGENCY_ANALYST', 'VIEWER')),
        organization_id uuid,
        group_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Same-tenant references: a membership can only bind to its own collaboration's rows.
        CONSTRAINT membership_organization_fk FOREIGN KEY (collaboration_id, organization_id)
          REFERENCES organization(collaboration_id, id) ON DELETE CASCADE,
        CONSTRAINT membership_group_fk FOREIGN KEY (collaboration_id, group_id)
          REFERENCES "group"(collaboration_id, id) ON DELETE CASCADE,
        CONSTRAINT membership_unique UNIQUE NULLS NOT DISTINCT
          (collaboration_id, user_id, role, organization_id, group_id)
      )`);
    await queryRunner.query(`CREATE INDEX membership_user_idx ON membership (user_id)`);
    await queryRunner.query(`CREATE INDEX membership_group_idx ON membership (group_id)`);

    await queryRunner.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        collaboration_id uuid REFERENCES collaboration(id) ON DELETE SET NULL,
        actor_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        actor_subject text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_event_collaboration_idx ON audit_event (collaboration_id, occurred_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_event', 'membership', 'app_user', '"group"', 'organization', 'collaboration', 'municipality', 'county']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
