import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from './data-source';
import { seedDemoData, seedReferenceData } from './seeds';
import { DEMO_COLLABORATION_IDS, DEMO_GROUP_IDS, fhMunicipalityOrgId } from './seeds/demo-data';
import { createTestDatabase } from './testing';

describe('database schema, reference data and demo seed', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDataSource({ url: await createTestDatabase('database_lib') });
    await dataSource.initialize();
    await migrate(dataSource);
  });
  afterAll(() => dataSource?.destroy());

  const count = async (table: string) =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('loads all 21 counties and 290 municipalities, and loading again changes nothing', async () => {
    expect(await seedReferenceData(dataSource.manager)).toEqual({ counties: 21, municipalities: 290 });
    await seedReferenceData(dataSource.manager);
    expect(await count('county')).toBe(21);
    expect(await count('municipality')).toBe(290);
    const [helsingborg] = await dataSource.query(
      `SELECT name, county_code FROM municipality WHERE code = '1283'`,
    );
    expect(helsingborg).toEqual({ name: 'Helsingborg', county_code: '12' });
  });

  it('seeds the demo collaborations idempotently', async () => {
    await seedDemoData(dataSource.manager);
    const before = await Promise.all(
      ['collaboration', 'organization', '"group"', 'app_user', 'membership'].map(count),
    );
    await seedDemoData(dataSource.manager);
    const after = await Promise.all(
      ['collaboration', 'organization', '"group"', 'app_user', 'membership'].map(count),
    );
    expect(after).toEqual(before);
    const municipalities = await dataSource.query(
      `SELECT municipality_code FROM organization WHERE collaboration_id = $1 AND kind = 'MUNICIPALITY'`,
      [DEMO_COLLABORATION_IDS.familjenHelsingborg],
    );
    expect(municipalities).toHaveLength(11);
  });

  it('refuses a membership bound to another collaboration’s organisation or group', async () => {
    const [user] = await dataSource.query(`SELECT id FROM app_user WHERE username = 'sandviken'`);
    await expect(
      dataSource.query(
        `INSERT INTO membership (collaboration_id, user_id, role, organization_id) VALUES ($1, $2, 'MUNICIPAL_EDITOR', $3)`,
        [DEMO_COLLABORATION_IDS.sandviken, user.id, fhMunicipalityOrgId('1283')],
      ),
    ).rejects.toThrow(/membership_organization_fk/);
    await expect(
      dataSource.query(
        `INSERT INTO membership (collaboration_id, user_id, role, group_id) VALUES ($1, $2, 'GROUP_MEMBER', $3)`,
        [DEMO_COLLABORATION_IDS.sandviken, user.id, DEMO_GROUP_IDS.fhLabourMarket],
      ),
    ).rejects.toThrow(/membership_group_fk/);
  });

  it('allows one steering group per collaboration', async () => {
    await expect(
      dataSource.query(
        `INSERT INTO "group" (collaboration_id, kind, name) VALUES ($1, 'STEERING', 'Andra styrgruppen')`,
        [DEMO_COLLABORATION_IDS.familjenHelsingborg],
      ),
    ).rejects.toThrow(/group_one_steering/);
  });

  it('reverts every migration and applies them again', async () => {
    for (let i = 0; i < dataSource.migrations.length; i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'`,
    );
    expect(tables).toEqual([]);
    expect((await migrate(dataSource)).length).toBeGreaterThan(0);
    expect(await count('municipality')).toBe(0);
  });
});
