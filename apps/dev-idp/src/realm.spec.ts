import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findWorkspaceRoot } from './config';
import { mapClaims, tokenScope } from './mappers';
import { checkPassword, loadRealm, parseRealm, RealmFileError, type Realm } from './realm';

const realmFile = path.join(
  findWorkspaceRoot(process.cwd()) as string,
  'docker/keycloak/realm-kraftsamling.json',
);

describe('the Kraftsamling realm file', () => {
  let realm: Realm;

  beforeAll(async () => {
    realm = await loadRealm(realmFile);
  });

  it('holds the demo users with the fixed ids the API seeds key on', () => {
    expect(realm.users.map((user) => [user.username, user.id])).toEqual([
      ['admin', '00000000-0000-4000-8000-000000000001'],
      ['samordnare', '00000000-0000-4000-8000-000000000002'],
      ['styrgrupp', '00000000-0000-4000-8000-000000000003'],
      ['arbetsmarknad', '00000000-0000-4000-8000-000000000004'],
      ['helsingborg', '00000000-0000-4000-8000-000000000005'],
      ['bjuv', '00000000-0000-4000-8000-000000000006'],
      ['analytiker', '00000000-0000-4000-8000-000000000007'],
      ['sandviken', '00000000-0000-4000-8000-000000000008'],
      // no membership anywhere, and the platform's statistics steward: identities of the
      // authorization matrix (apps/api-e2e/src/authorization)
      ['gast', '00000000-0000-4000-8000-000000000009'],
      ['statistiker', '00000000-0000-4000-8000-000000000010'],
    ]);
    expect(
      realm.users.every((user) => user.enabled && user.emailVerified && checkPassword(user, 'demo')),
    ).toBe(true);
  });

  it('expands composite roles: only admin is platform-admin, everyone gets the default roles', () => {
    const admin = realm.effectiveRoles(realm.userByUsername('admin')!);
    const bjuv = realm.effectiveRoles(realm.userByUsername('BJUV')!);

    expect(admin.realm).toEqual(
      expect.arrayContaining([
        'platform-admin',
        'default-roles-kraftsamling',
        'offline_access',
        'uma_authorization',
      ]),
    );
    expect(bjuv.realm).not.toContain('platform-admin');
    expect(bjuv.realm).not.toContain('statistics-steward');
    expect(admin.realm).toContain('statistics-steward');
    expect(realm.effectiveRoles(realm.userByUsername('analytiker')!).realm).toContain('statistics-steward');
    expect(bjuv.client['account']).toEqual(expect.arrayContaining(['view-profile', 'manage-account']));
  });

  it('configures the clients of the identity contract', () => {
    const web = realm.client('kraftsamling-web')!;
    const cli = realm.client('kraftsamling-cli')!;
    const api = realm.client('kraftsamling-api')!;

    expect(web).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      directAccessGrantsEnabled: false,
      pkceMethod: 'S256',
    });
    expect(web.postLogoutRedirectUris).toEqual(web.redirectUris);
    expect(cli).toMatchObject({
      publicClient: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: true,
    });
    expect(api.bearerOnly).toBe(true);
    for (const client of [web, cli])
      expect(client.defaultClientScopes).toContain('kraftsamling-api-audience');
    expect(realm.unsupportedMapperTypes).toEqual([]);
  });

  it('maps access token claims from the scopes, ID token claims without the audience', () => {
    const context = {
      realm,
      user: realm.userByUsername('admin')!,
      client: realm.client('kraftsamling-web')!,
      scopes: realm.appliedScopes(realm.client('kraftsamling-web')!, ['openid']),
      authTime: 1_700_000_000,
      acr: '1',
    };
    const access = mapClaims('access', context);
    const id = mapClaims('id', context);

    expect(access.audiences).toContain('kraftsamling-api');
    expect(access.claims).toMatchObject({
      sub: context.user.id,
      auth_time: 1_700_000_000,
      name: 'Ada Plattformsson',
      acr: '1',
    });
    expect(id.audiences).toEqual([]);
    expect(id.claims).not.toHaveProperty('realm_access');
    expect(id.claims).toMatchObject({ preferred_username: 'admin', email_verified: true });
    expect(tokenScope(['openid'], context.scopes)).toBe('openid profile email');
  });
});

describe('parseRealm', () => {
  it('names the offending path of a malformed realm', () => {
    expect(() => parseRealm({ clients: [] }, 'x.json')).toThrow(
      new RealmFileError('x.json', 'realm.realm must be a non-empty string'),
    );
    expect(() => parseRealm({ realm: 'r', users: [{ username: 'u' }] }, 'x.json')).toThrow(
      /realm\.users\[0\]\.id must be/,
    );
    expect(() => parseRealm({ realm: 'r', defaultDefaultClientScopes: ['nope'] }, 'x.json')).toThrow(
      /client scope "nope"/,
    );
  });

  it('refuses duplicate users and clients', async () => {
    const withUser = JSON.parse(await readFile(realmFile, 'utf8'));
    withUser.users.push({ ...withUser.users[0], username: 'another' });
    const withClient = JSON.parse(await readFile(realmFile, 'utf8'));
    withClient.clients.push({ ...withClient.clients[0] });

    expect(() => parseRealm(withUser, 'x.json')).toThrow(/repeats the id or username/);
    expect(() => parseRealm(withClient, 'x.json')).toThrow(/client "kraftsamling-web" is defined twice/);
  });
});
