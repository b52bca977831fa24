import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People's names join the data-change feed (migration 1795700000000). Cached answers name
 * people (a check-in's author, a decision's owner, an action's contact, who entered a value),
 * read from app_user; a changed name (a profile refreshed from the identity provider at login)
 * must end their replay as a changed value does. Only the columns answers show: the upsert
 * of every login sets last_login_at alone and leaves the caches be.
 */
export class UserDataChange1797000000000 implements MigrationInterface {
  name = 'UserDataChange1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TRIGGER app_user_data_change AFTER UPDATE OF username, name, email OR DELETE OR TRUNCATE ON app_user
         FOR EACH STATEMENT EXECUTE FUNCTION notify_data_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER app_user_data_change ON app_user`);
  }
}
