import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accepting an invitation on sign-in under row-level security. A pending invitation is a
 * membership without a user, in a collaboration the signed-in person is not yet a member
 * of, so no policy shows it to them. This SECURITY DEFINER function tells the API which
 * collaborations hold invitations for a verified e-mail (their ids, nothing else); the API
 * then accepts each in that collaboration's own context, under its policies.
 */
export class InvitationsUnderRowLevelSecurity1795610000000 implements MigrationInterface {
  name = 'InvitationsUnderRowLevelSecurity1795610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pending_invitation_collaborations(email text) RETURNS SETOF uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $$ SELECT DISTINCT collaboration_id FROM membership
               WHERE user_id IS NULL AND lower(invited_email) = lower(email) $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION pending_invitation_collaborations(text) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION pending_invitation_collaborations(text) TO kraftsamling_api`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION pending_invitation_collaborations(text)`);
  }
}
