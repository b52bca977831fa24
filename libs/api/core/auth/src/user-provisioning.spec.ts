import type { DataSource } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { createDataSource, createTestDatabase, migrate } from '@kraftsamling/api/core/database';
import type { AccessTokenClaims } from './token-verifier';
import { UserProvisioning } from './user-provisioning';

describe('users are created on first login from the token', () => {
  let dataSource: DataSource;
  let provisioning: UserProvisioning;

  const claims = (overrides: Partial<AccessTokenClaims>): AccessTokenClaims => ({
    sub: 'subject-1',
    preferred_username: 'first',
    name: 'Fia Första',
    email: 'fia@kraftsamling.example',
    email_verified: true,
    realm_access: { roles: [] },
    ...overrides,
  });
  const audit = (action: string) =>
    dataSource.query(`SELECT entity_id, after FROM audit_event WHERE action = $1`, [action]);

  beforeAll(async () => {
    dataSource = createDataSource({ url: await createTestDatabase('auth_provisioning') });
    await dataSource.initialize();
    await migrate(dataSource);
    provisioning = new UserProvisioning(dataSource, new AuditWriter());
  });
  afterAll(() => dataSource?.destroy());

  it('creates the user with subject, name and e-mail, audited, and reuses it on the next request', async () => {
    const first = await provisioning.principalFor(claims({}));
    const again = await provisioning.principalFor(claims({}));
    expect(again.userId).toBe(first.userId);
    expect(first).toMatchObject({
      subject: 'subject-1',
      username: 'first',
      name: 'Fia Första',
      email: 'fia@kraftsamling.example',
    });
    expect(await audit('user.created')).toEqual([expect.objectContaining({ entity_id: first.userId })]);
  });

  it('keeps the profile up to date with the identity provider', async () => {
    const renamed = await provisioning.principalFor(claims({ name: 'Fia Andra' }));
    expect(renamed.name).toBe('Fia Andra');
    const [row] = await dataSource.query(`SELECT name FROM app_user WHERE subject = 'subject-1'`);
    expect(row.name).toBe('Fia Andra');
    expect(await audit('user.profile-updated')).toHaveLength(1);
  });

  it('lets the first login with a verified, matching e-mail claim an invitation', async () => {
    const [invited] = await dataSource.query(
      `INSERT INTO app_user (name, email) VALUES ('Inbjuden', 'Inbjuden@Kraftsamling.example') RETURNING id`,
    );
    const principal = await provisioning.principalFor(
      claims({
        sub: 'subject-2',
        preferred_username: 'inbjuden',
        name: 'Ida Inbjuden',
        email: 'inbjuden@kraftsamling.example',
      }),
    );
    expect(principal.userId).toBe(invited.id);
    expect(await audit('user.invitation-claimed')).toEqual([
      expect.objectContaining({ entity_id: invited.id }),
    ]);
  });

  it('never lets an unverified e-mail claim an invitation or take someone’s address', async () => {
    const [invited] = await dataSource.query(
      `INSERT INTO app_user (name, email) VALUES ('Väntar', 'vantar@kraftsamling.example') RETURNING id`,
    );
    const principal = await provisioning.principalFor(
      claims({ sub: 'subject-3', email: 'vantar@kraftsamling.example', email_verified: false }),
    );
    expect(principal.userId).not.toBe(invited.id);
    expect(principal.email).toBeNull();
    const [stillInvited] = await dataSource.query(`SELECT subject FROM app_user WHERE id = $1`, [invited.id]);
    expect(stillInvited.subject).toBeNull();
  });

  it('takes the platform-admin role from the token, and memberships from the database', async () => {
    const admin = await provisioning.principalFor(
      claims({ sub: 'subject-4', email: undefined, realm_access: { roles: ['platform-admin'] } }),
    );
    expect(admin.isPlatformAdmin).toBe(true);
    expect(admin.memberships).toEqual([]);
    expect(admin.can('member:manage', '10000000-0000-4000-8000-000000000001')).toBe(true);
  });
});
