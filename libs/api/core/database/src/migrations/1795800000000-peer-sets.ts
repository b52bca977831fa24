import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Peer sets for comparisons (issue "Compare with peers"): groups of similar municipalities
 * published by Kolada (platform-wide, no collaboration) and named sets a user saves in a
 * collaboration, private to them or shared with the collaboration.
 */
export class PeerSets1795800000000 implements MigrationInterface {
  name = 'PeerSets1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE peer_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- NULL for a published group (Kolada's municipality groups), readable by everyone
        collaboration_id uuid REFERENCES collaboration(id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('CUSTOM', 'KOLADA')),
        -- the publisher's id of a published group (e.g. Kolada's G-codes)
        source_id text,
        owner_user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
        shared boolean NOT NULL DEFAULT false,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        area_codes char(4)[] NOT NULL CHECK (cardinality(area_codes) BETWEEN 1 AND 312),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT peer_set_published_or_owned CHECK (
          (source = 'KOLADA' AND collaboration_id IS NULL AND owner_user_id IS NULL AND source_id IS NOT NULL)
          OR (source = 'CUSTOM' AND collaboration_id IS NOT NULL AND owner_user_id IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX peer_set_published_key ON peer_set (source, source_id) WHERE collaboration_id IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX peer_set_collaboration_idx ON peer_set (collaboration_id, owner_user_id)`);

    // Row-level security from birth (ADR 5): published groups are everyone's to read and only
    // the operator's (the owner role, which bypasses the policies) to write; a saved set is
    // its collaboration's, and a private one only its owner's.
    await queryRunner.query(`ALTER TABLE peer_set ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE peer_set FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY peer_set_published ON peer_set FOR SELECT USING (collaboration_id IS NULL)`);
    await queryRunner.query(`
      CREATE POLICY peer_set_tenant ON peer_set
        USING ((collaboration_id = (SELECT app_collaboration_id())
                AND (shared OR owner_user_id = (SELECT app_user_id())))
               OR (SELECT app_platform_admin()))
        WITH CHECK ((collaboration_id = (SELECT app_collaboration_id()) AND owner_user_id IS NOT NULL)
                    OR (SELECT app_platform_admin()))`);
    // Cached comparisons name a peer set's areas: a change of a set must reach every API instance.
    await queryRunner.query(
      `CREATE TRIGGER peer_set_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON peer_set
         FOR EACH STATEMENT EXECUTE FUNCTION notify_data_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE peer_set`);
  }
}
