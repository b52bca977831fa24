import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of a goal's baselines keeps a bounded value's upper end too, so a `<5`
 * baseline reads "1–4" there as everywhere else, not as 1. Rows recorded before keep what
 * they have; a frozen value still equal to the member's baseline takes its upper end.
 */
export class BaselineChangeBounds1796000000000 implements MigrationInterface {
  name = 'BaselineChangeBounds1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE goal_baseline_change ADD COLUMN old_upper_bound numeric, ADD COLUMN new_upper_bound numeric`,
    );
    await queryRunner.query(`
      UPDATE goal_baseline_change c SET new_upper_bound = m.baseline_upper_bound
        FROM goal_member m
       WHERE c.new_lower_bound AND m.goal_id = c.goal_id AND m.collaboration_id = c.collaboration_id
         AND m.area_code = c.area_code AND m.baseline_lower_bound AND m.baseline_value = c.new_value`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE goal_baseline_change DROP COLUMN old_upper_bound, DROP COLUMN new_upper_bound`);
  }
}
