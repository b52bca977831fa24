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

  const invite = async (email: string, role = 'VIEWER') => {
    const [collaboration] = await dataSource.query(
      `INSERT INTO collaboration (slug, name) VALUES ('c-' || substr(md5(random()::text), 1, 8), 'Test') RETURNING id`,
    );
    const [invitation] = await dataSource.query(
      `INSERT INTO membership (collaboration_id, invited_email, invited_name, role) VALUES ($1, $2, 'Inbjuden', $3) RETURNING id`,
      [collaboration.id, email, role],
    );
    return { collaborationId: collaboration.id as string, membershipId: invitation.id as string };
  };

  it('accepts the invitations for a verified, matching e-mail on sign-in, audited', async () => {
    const { collaborationId, membershipId } = await invite('Inbjuden@Kraftsamling.example');
    const principal = await provisioning.principalFor(
      claims({
        sub: 'subject-2',
        preferred_username: 'inbjuden',
        name: 'Ida Inbjuden',
        email: 'inbjuden@kraftsamling.example',
      }),
    );
    expect(principal.memberships).toEqual([
      expect.objectContaining({ membershipId, collaborationId, role: 'VIEWER' }),
    ]);
    const [row] = await dataSource.query(
      `SELECT user_id, invited_email, version FROM membership WHERE id = $1`,
      [membershipId],
    );
    expect(row).toEqual({ user_id: principal.userId, invited_email: null, version: 2 });
    expect(await audit('membership.invitation-accepted')).toEqual([
      expect.objectContaining({ entity_id: membershipId }),
    ]);
    // The next request finds nothing more to accept.
    await provisioning.principalFor(claims({ sub: 'subject-2', email: 'inbjuden@kraftsamling.example' }));
    expect(await audit('membership.invitation-accepted')).toHaveLength(1);
  });

  it('never lets an unverified e-mail accept an invitation or take someone’s address', async () => {
    const { membershipId } = await invite('vantar@kraftsamling.example');
    const principal = await provisioning.principalFor(
      claims({ sub: 'subject-3', email: 'vantar@kraftsamling.example', email_verified: false }),
    );
    expect(principal.memberships).toEqual([]);
    const [still] = await dataSource.query(`SELECT user_id FROM membership WHERE id = $1`, [membershipId]);
    expect(still.user_id).toBeNull();
    const [taken] = await dataSource.query(
      `INSERT INTO app_user (subject, name, email) VALUES ('subject-5', 'Tagen', 'tagen@kraftsamling.example') RETURNING id`,
    );
    const other = await provisioning.principalFor(
      claims({ sub: 'subject-6', email: 'tagen@kraftsamling.example', email_verified: false }),
    );
    expect(other.userId).not.toBe(taken.id);
    expect(other.email).toBeNull();
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
