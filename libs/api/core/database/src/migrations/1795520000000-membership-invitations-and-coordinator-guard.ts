import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two guarantees about memberships that the database itself keeps:
 *
 * 1. **Invitations reveal nothing.** Adding someone by e-mail makes a pending membership
 *    that names the invited address (user_id null) instead of linking an existing
 *    account at once: the coordinator learns nothing about whether the address has an
 *    account, and no one is given a role before they sign in. The first sign-in with the
 *    same verified e-mail accepts it (libs/api/core/auth, UserProvisioning). Invitations
 *    made earlier as user rows no one signed in as become pending memberships.
 * 2. **A collaboration keeps a coordinator.** Every demotion or removal of a coordinator
 *    locks its collaboration's row and then checks that a coordinator remains, in the
 *    same transaction, so two concurrent demotions can no longer both pass the check.
 */
export class MembershipInvitationsAndCoordinatorGuard1795520000000 implements MigrationInterface {
  name = 'MembershipInvitationsAndCoordinatorGuard1795520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE membership ALTER COLUMN user_id DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE membership
        ADD COLUMN invited_email text CHECK (length(invited_email) <= 254),
        ADD COLUMN invited_name text,
        ADD CONSTRAINT membership_user_or_invitation CHECK ((user_id IS NULL) = (invited_email IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE membership DROP CONSTRAINT membership_unique`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX membership_unique
        ON membership (collaboration_id, user_id, role, organization_id, group_id) NULLS NOT DISTINCT
        WHERE user_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX membership_invitation_unique
        ON membership (collaboration_id, lower(invited_email), role, organization_id, group_id) NULLS NOT DISTINCT
        WHERE user_id IS NULL`);
    // Looked up on every sign-in: are there invitations for this e-mail?
    await queryRunner.query(
      `CREATE INDEX membership_invited_email_idx ON membership (lower(invited_email)) WHERE user_id IS NULL`,
    );
    await queryRunner.query(`
      UPDATE membership m SET user_id = NULL, invited_email = u.email, invited_name = u.name
        FROM app_user u
       WHERE u.id = m.user_id AND u.subject IS NULL AND u.email IS NOT NULL`);
    await queryRunner.query(`
      DELETE FROM app_user u
       WHERE u.subject IS NULL AND u.email IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.user_id = u.id)`);

    // Security invariant: a collaboration without a coordinator could never be managed
    // again. The row lock on the collaboration makes a concurrent demotion or removal wait
    // until this one commits; its check (a new snapshot per statement under READ
    // COMMITTED, the API's isolation level) then sees this one's change.
    await queryRunner.query(`
      CREATE FUNCTION membership_keep_a_coordinator() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM collaboration WHERE id = OLD.collaboration_id FOR NO KEY UPDATE;
        -- A collaboration being deleted takes its memberships with it.
        IF FOUND AND NOT EXISTS (
          SELECT 1 FROM membership
           WHERE collaboration_id = OLD.collaboration_id AND role = 'COORDINATOR' AND user_id IS NOT NULL
        ) THEN
          RAISE EXCEPTION 'collaboration % would be left without a coordinator', OLD.collaboration_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'membership_last_coordinator';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER membership_keep_a_coordinator
        AFTER UPDATE OR DELETE ON membership
        FOR EACH ROW WHEN (OLD.role = 'COORDINATOR' AND OLD.user_id IS NOT NULL)
        EXECUTE FUNCTION membership_keep_a_coordinator()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER membership_keep_a_coordinator ON membership`);
    await queryRunner.query(`DROP FUNCTION membership_keep_a_coordinator()`);
    // Pending invitations go back to being user rows without a subject.
    await queryRunner.query(`
      INSERT INTO app_user (name, email)
      SELECT DISTINCT ON (lower(invited_email)) coalesce(invited_name, invited_email), invited_email
        FROM membership WHERE user_id IS NULL
      ON CONFLICT DO NOTHING`);
    await queryRunner.query(`
      UPDATE membership m SET user_id = u.id FROM app_user u
       WHERE m.user_id IS NULL AND lower(u.email) = lower(m.invited_email)`);
    await queryRunner.query(`DROP INDEX membership_invited_email_idx`);
    await queryRunner.query(`DROP INDEX membership_invitation_unique`);
    await queryRunner.query(`DROP INDEX membership_unique`);
    await queryRunner.query(`
      ALTER TABLE membership
        DROP CONSTRAINT membership_user_or_invitation,
        DROP COLUMN invited_email,
        DROP COLUMN invited_name,
        ALTER COLUMN user_id SET NOT NULL,
        ADD CONSTRAINT membership_unique UNIQUE NULLS NOT DISTINCT (collaboration_id, user_id, role, organization_id, group_id)`);
  }
}
