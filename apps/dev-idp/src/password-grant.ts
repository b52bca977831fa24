// The OAuth 2.0 password grant (Keycloak's "direct access grants"), which oidc-provider
// no longer ships. Scripts and tests use it through kraftsamling-cli; only clients with
// directAccessGrantsEnabled in the realm file may, and that flag is on in the dev realm only.
import { randomUUID } from 'node:crypto';
import Provider, {
  errors,
  type Account,
  type KoaContextWithOIDC,
  type ResourceServer,
  type Session,
} from 'oidc-provider';
import type { BruteForceProtector } from './brute-force';
import type { Realm } from './realm';

export interface PasswordGrantOptions {
  realm: Realm;
  bruteForce: BruteForceProtector;
  resource: string;
  resourceServerInfo: () => ResourceServer;
  acr: string;
  findAccount: (ctx: KoaContextWithOIDC, id: string) => Promise<Account | undefined>;
}

/** An error answered exactly as Keycloak answers it (status, error, error_description). */
function keycloakError(status: number, error: string, description: string): Error {
  const failure = new errors.CustomOIDCProviderError(error, description);
  failure.status = status;
  failure.statusCode = status;
  return failure;
}

const epochTime = () => Math.floor(Date.now() / 1000);

export function registerPasswordGrant(provider: Provider, options: PasswordGrantOptions): void {
  const { realm, resource, acr } = options;

  async function passwordGrant(ctx: KoaContextWithOIDC): Promise<void> {
    const client = ctx.oidc.client;
    if (!client) throw keycloakError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
    const realmClient = realm.client(client.clientId);
    // Security: the realm file decides which clients may exchange passwords for tokens.
    if (!realmClient?.directAccessGrantsEnabled) {
      throw keycloakError(400, 'unauthorized_client', 'Client not allowed for direct access grants');
    }
    const params = ctx.oidc.params as { username?: string; password?: string; scope?: string };
    if (!params.username) throw keycloakError(400, 'invalid_request', 'Missing parameter: username');

    const user = realm.userByUsername(params.username);
    const check = options.bruteForce.check(user, params.password ?? '');
    // Unknown user and wrong password get the same answer, so usernames cannot be probed.
    if (check === 'invalidCredentials' || !user)
      throw keycloakError(401, 'invalid_grant', 'Invalid user credentials');
    // Keycloak's answer for an account its brute-force detection has locked, right password or not.
    if (check === 'temporarilyLocked')
      throw keycloakError(400, 'invalid_grant', 'Account temporarily disabled');
    if (!user.enabled) throw keycloakError(400, 'invalid_grant', 'Account disabled');

    const requested = (params.scope ?? '').split(' ').filter(Boolean);
    const allowed = realm.allowedScopeNames(realmClient);
    const invalid = requested.filter((scope) => !allowed.includes(scope));
    if (invalid.length > 0) throw keycloakError(400, 'invalid_scope', `Invalid scopes: ${params.scope}`);
    const scope = [...new Set(requested)].join(' ');
    const now = epochTime();

    const grant = new provider.Grant({ accountId: user.id, clientId: client.clientId });
    grant.addOIDCScope(allowed);
    grant.addResourceScope(resource, allowed);
    const grantId = await grant.save();

    // Keycloak opens a user session for every login, the password grant included; the
    // tokens are bound to it, so ending it ends their refresh and userinfo use.
    const sid = randomUUID();
    const SessionModel = provider.Session as unknown as new (payload: object) => Session;
    const session = new SessionModel({
      accountId: user.id,
      loginTs: now,
      acr,
      amr: ['pwd'],
      transient: true,
      authorizations: { [client.clientId]: { sid, grantId } },
    });
    await session.save(realm.ssoSessionMaxLifespan);

    const accessToken = new provider.AccessToken({
      accountId: user.id,
      client,
      grantId,
      gty: 'password',
      sessionUid: session.uid,
      sid,
      expiresWithSession: true,
    });
    accessToken.resourceServer = new provider.ResourceServer(resource, options.resourceServerInfo());
    accessToken.scope = scope;
    ctx.oidc.entity('AccessToken', accessToken);
    const accessTokenValue = await accessToken.save();

    let refreshTokenValue: string | undefined;
    if (client.grantTypeAllowed('refresh_token')) {
      const refreshToken = new provider.RefreshToken({
        accountId: user.id,
        acr,
        amr: ['pwd'],
        authTime: now,
        client,
        expiresWithSession: true,
        grantId,
        gty: 'password',
        resource,
        rotations: 0,
        scope,
        sessionUid: session.uid,
        sid,
      });
      refreshTokenValue = await refreshToken.save();
    }

    let idTokenValue: string | undefined;
    if (requested.includes('openid')) {
      const account = await options.findAccount(ctx, user.id);
      if (!account) throw keycloakError(400, 'invalid_grant', 'Account disabled');
      ctx.oidc.entity('Account', account);
      const idToken = new provider.IdToken(
        { ...(await account.claims('id_token', scope, {}, [])), acr, amr: ['pwd'], auth_time: now },
        { ctx },
      );
      const mutable = idToken as unknown as { scope: string; mask: object; rejected: string[] };
      mutable.scope = scope;
      mutable.mask = {};
      mutable.rejected = [];
      idToken.set('sid', sid);
      idTokenValue = await idToken.issue({ use: 'idtoken' });
    }

    ctx.body = {
      access_token: accessTokenValue,
      expires_in: accessToken.expiration,
      ...(refreshTokenValue ? { refresh_token: refreshTokenValue } : {}),
      token_type: 'Bearer',
      ...(idTokenValue ? { id_token: idTokenValue } : {}),
    };
  }

  provider.registerGrantType('password', passwordGrant, ['username', 'password', 'scope']);
}
