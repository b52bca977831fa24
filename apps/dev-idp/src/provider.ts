// oidc-provider, configured to look like Keycloak from the outside: Keycloak's URL
// layout, Keycloak-shaped JWT access, ID and refresh tokens, Keycloak's error answers
// where clients read them, and clients, users, roles and mappers taken from the realm file.
import { createHmac, randomUUID } from 'node:crypto';
import Provider, {
  errors,
  type AccessToken,
  type Account,
  type ClientMetadata,
  type Configuration,
  type Grant,
  type KoaContextWithOIDC,
  type RefreshToken,
  type ResourceServer,
} from 'oidc-provider';
import { decodeJwt, type JWK } from 'jose';
import type { MemoryStore } from './adapter';
import { idTokenClaimNames, mapClaims, tokenScope } from './mappers';
import { errorPage, loggedOutPage, logoutConfirmPage, pickLocale, type Locale } from './pages';
import type { BruteForceProtector } from './brute-force';
import { registerPasswordGrant } from './password-grant';
import type { Realm, RealmClient } from './realm';
import { anyRedirectUriMatches } from './redirect-uri';

/**
 * The resource indicator every access token is issued for. oidc-provider only issues
 * JWT access tokens for a resource server; the audience written into the token comes
 * from the realm's audience mappers, not from this identifier.
 */
export const ACCESS_TOKEN_RESOURCE = 'urn:kraftsamling:dev-idp:access-token';

/** Keycloak's `acr` for a login with a password in the current request. */
export const ACR_PASSWORD = '1';

export const KEYCLOAK_ROUTES = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  jwks: '/protocol/openid-connect/certs',
  userinfo: '/protocol/openid-connect/userinfo',
  end_session: '/protocol/openid-connect/logout',
  revocation: '/protocol/openid-connect/revoke',
  introspection: '/protocol/openid-connect/token/introspect',
  pushed_authorization_request: '/protocol/openid-connect/ext/par/request',
  device_authorization: '/protocol/openid-connect/auth/device',
  code_verification: '/device',
  backchannel_authentication: '/protocol/openid-connect/ext/ciba/auth',
  registration: '/clients-registrations/openid-connect',
  challenge: '/protocol/openid-connect/ext/challenge',
  credential: '/protocol/oid4vc/credential',
} as const;

export interface ProviderOptions {
  issuer: string;
  realm: Realm;
  signingKeys: JWK[];
  cookieKeys: string[];
  refreshTokenKey: Buffer;
  store: MemoryStore;
  /** Failed-password counts, shared with the login page. */
  bruteForce: BruteForceProtector;
}

const epochTime = () => Math.floor(Date.now() / 1000);

function clientMetadata(realm: Realm, client: RealmClient): ClientMetadata {
  const grantTypes = ['password'];
  if (client.standardFlowEnabled) grantTypes.push('authorization_code');
  if (client.useRefreshTokens) grantTypes.push('refresh_token');
  const metadata: ClientMetadata = {
    client_id: client.clientId,
    application_type: 'web',
    token_endpoint_auth_method: client.publicClient ? 'none' : 'client_secret_basic',
    grant_types: grantTypes,
    response_types: client.standardFlowEnabled ? ['code'] : [],
    redirect_uris: client.standardFlowEnabled ? client.redirectUris : [],
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    scope: realm.allowedScopeNames(client).join(' '),
    id_token_signed_response_alg: 'RS256',
  };
  if (!client.publicClient) metadata.client_secret = client.secret;
  return metadata;
}

/** The page language for pages oidc-provider renders (errors, logout). */
function localeOf(ctx: KoaContextWithOIDC, realm: Realm): Locale {
  let params: Record<string, unknown> = {};
  try {
    params = (ctx.oidc?.params ?? {}) as Record<string, unknown>;
  } catch {
    // ctx.oidc is not available before oidc-provider has routed the request.
  }
  const query = ctx.query ?? {};
  const pick = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return pickLocale(
    [
      pick(query['kc_locale']),
      pick(params['kc_locale']),
      pick(params['ui_locales']),
      pick(query['ui_locales']),
    ],
    realm.supportedLocales,
    realm.defaultLocale,
  );
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export function createProvider(options: ProviderOptions): Provider {
  const { issuer, realm, store } = options;
  const mountPath = new URL(issuer).pathname.replace(/\/$/, '');
  const sessionCookie = { httpOnly: true, sameSite: 'lax' as const, path: `${mountPath}/` };

  /**
   * The login time and session id of the session a token belongs to. Keycloak puts both
   * in every token (auth_time, sid); oidc-provider only keeps a reference to the session.
   */
  async function sessionFacts(
    sessionUid: string | undefined,
    clientId: string,
  ): Promise<{ authTime?: number; sid?: string }> {
    if (!sessionUid) return {};
    const session = await provider.Session.findByUid(sessionUid);
    return { authTime: session?.loginTs, sid: session?.authorizations?.[clientId]?.sid };
  }

  async function revokeGrant(grantId: string): Promise<void> {
    await Promise.all([
      provider.AccessToken.revokeByGrantId(grantId),
      provider.RefreshToken.revokeByGrantId(grantId),
      provider.AuthorizationCode.revokeByGrantId(grantId),
      provider.Grant.adapter.destroy(grantId),
    ]);
  }

  /**
   * Ends the browser session and sends the user back to the validated
   * post_logout_redirect_uri, like Keycloak does when the logout request carries an
   * id_token_hint: no confirmation page.
   */
  async function finishLogout(ctx: KoaContextWithOIDC): Promise<void> {
    const { session } = ctx.oidc;
    if (!session) throw new Error('logout without a session context');
    const state = (session.state ?? {}) as { postLogoutRedirectUri?: string; state?: string };
    for (const authorization of Object.values(session.authorizations ?? {})) {
      if (authorization.grantId && !authorization.persistsLogout) await revokeGrant(authorization.grantId);
    }
    await session.destroy();
    ctx.cookies.set(provider.cookieName('session'), null, sessionCookie);
    let target = ctx.oidc.urlFor('end_session_success');
    if (state.postLogoutRedirectUri) {
      const url = new URL(state.postLogoutRedirectUri);
      if (state.state !== undefined) url.searchParams.set('state', state.state);
      target = url.href;
    }
    ctx.status = 302;
    ctx.redirect(target);
  }

  async function loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
    // No consent screen: every realm client is treated as first-party, so the scopes a
    // client may have are granted on login (Keycloak's behaviour without "consent required").
    const { client, session } = ctx.oidc;
    const accountId = session?.accountId;
    if (!client || !session || !accountId) return undefined;
    const realmClient = realm.client(client.clientId);
    if (!realmClient) return undefined;
    const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
    let grant = grantId ? await provider.Grant.find(grantId) : undefined;
    if (grant && (grant.accountId !== accountId || grant.clientId !== client.clientId)) grant = undefined;
    grant ??= new provider.Grant({ accountId, clientId: client.clientId });
    const scopes = realm.allowedScopeNames(realmClient);
    grant.addOIDCScope(scopes);
    for (const resource of Object.keys(ctx.oidc.resourceServers ?? {}))
      grant.addResourceScope(resource, scopes);
    await grant.save();
    return grant;
  }

  function resourceServerInfo(): ResourceServer {
    return {
      // Every scope a token may carry is a "resource scope", so the access token
      // remembers what was asked for and its claims can be mapped from that.
      scope: ['openid', 'offline_access', ...realm.clientScopes.keys()].join(' '),
      audience: realm.name,
      accessTokenFormat: 'jwt',
      accessTokenTTL: realm.accessTokenLifespan,
      jwt: { sign: { alg: 'RS256' } },
    };
  }

  function refreshTokenValue(token: RefreshToken & { expiration: number }): string {
    // keycloak-js decodes the refresh token as a JWT, so the opaque handle oidc-provider
    // looks tokens up by is itself a Keycloak-shaped JWT (typ "Refresh", HS512 like
    // Keycloak's). It is never verified by signature: only an exact match of the whole
    // string in the store makes it valid.
    const iat = token.iat ?? epochTime();
    token.exp ??= iat + token.expiration;
    const realmClient = token.clientId ? realm.client(token.clientId) : undefined;
    const requested = (token.scope ?? '').split(' ').filter(Boolean);
    const header = base64url(JSON.stringify({ alg: 'HS512', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({
        exp: token.exp,
        iat,
        jti: randomUUID(),
        iss: issuer,
        aud: issuer,
        sub: token.accountId,
        typ: 'Refresh',
        azp: token.clientId,
        ...(token.nonce ? { nonce: token.nonce } : {}),
        ...(token.sid ? { sid: token.sid } : {}),
        scope: realmClient ? tokenScope(requested, realm.appliedScopes(realmClient, requested)) : token.scope,
      }),
    );
    const signature = createHmac('sha512', options.refreshTokenKey)
      .update(`${header}.${payload}`)
      .digest('base64url');
    return `${header}.${payload}.${signature}`;
  }

  async function findAccount(
    ctx: KoaContextWithOIDC,
    id: string,
    token?: object,
  ): Promise<Account | undefined> {
    const user = realm.userById(id);
    if (!user || !user.enabled) return undefined;
    return {
      accountId: user.id,
      async claims(use, scope) {
        const realmClient = ctx.oidc.client ? realm.client(ctx.oidc.client.clientId) : undefined;
        if (!realmClient) return { sub: user.id };
        const requested = scope.split(' ').filter(Boolean);
        const kind = use === 'id_token' ? 'id' : 'userinfo';
        const { claims } = mapClaims(kind, {
          realm,
          user,
          client: realmClient,
          scopes: realm.appliedScopes(realmClient, requested),
          acr: ACR_PASSWORD,
        });
        const { sid } =
          kind === 'id'
            ? await sessionFacts(
                (token as { sessionUid?: string } | undefined)?.sessionUid,
                realmClient.clientId,
              )
            : {};
        const idTokenOnly =
          kind === 'id' ? { typ: 'ID', azp: realmClient.clientId, ...(sid ? { sid } : {}) } : {};
        return { ...claims, ...idTokenOnly, sub: user.id };
      },
    };
  }

  const configuration: Configuration = {
    adapter: (name: string) => store.adapterFor(name),
    clients: realm.clients.filter((c) => c.enabled && !c.bearerOnly).map((c) => clientMetadata(realm, c)),
    jwks: { keys: options.signingKeys },
    cookies: {
      keys: options.cookieKeys,
      names: { session: 'dev_idp_session', interaction: 'dev_idp_interaction', resume: 'dev_idp_resume' },
      long: sessionCookie,
      short: { httpOnly: true, sameSite: 'lax' },
    },
    routes: KEYCLOAK_ROUTES,
    scopes: ['openid', 'offline_access', ...realm.clientScopes.keys()],
    claims: {
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      openid: [...new Set(['sub', 'typ', 'azp', 'sid', ...idTokenClaimNames(realm)])],
    },
    conformIdTokenClaims: false,
    extraParams: ['kc_locale', 'kc_idp_hint', 'kc_action'],
    responseTypes: ['code'],
    allowOmittingSingleRegisteredRedirectUri: false,
    pkce: {
      // Public clients always use PKCE (S256, the only method oidc-provider offers).
      required: (_ctx, client) => {
        const realmClient = realm.client(client.clientId);
        return client.clientAuthMethod === 'none' || !!realmClient?.pkceMethod;
      },
    },
    clientBasedCORS: (_ctx, origin, client) => {
      const realmClient = realm.client(client.clientId);
      return (
        !!realmClient && (realmClient.webOrigins.includes('*') || realmClient.webOrigins.includes(origin))
      );
    },
    findAccount,
    loadExistingGrant,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: realm.accessTokenLifespan,
      AuthorizationCode: realm.accessCodeLifespan,
      IdToken: realm.accessTokenLifespan,
      RefreshToken: realm.ssoSessionIdleTimeout,
      Interaction: realm.accessCodeLifespanLogin,
      Session: realm.ssoSessionMaxLifespan,
      Grant: realm.ssoSessionMaxLifespan,
    },
    interactions: {
      url: (_ctx, interaction) => `${mountPath}/login-actions/authenticate/${interaction.uid}`,
    },
    enabledJWA: {
      idTokenSigningAlgValues: ['RS256'],
      userinfoSigningAlgValues: ['RS256'],
      introspectionSigningAlgValues: ['RS256'],
      authorizationSigningAlgValues: ['RS256'],
      requestObjectSigningAlgValues: ['RS256'],
      clientAuthSigningAlgValues: ['RS256'],
    },
    discovery: {
      ui_locales_supported: realm.supportedLocales.length > 0 ? realm.supportedLocales : undefined,
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      revocation: { enabled: true },
      // Userinfo is served by the dev IdP itself: oidc-provider's refuses JWT access tokens.
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => ACCESS_TOKEN_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (resource !== ACCESS_TOKEN_RESOURCE) throw new errors.InvalidTarget();
          return resourceServerInfo();
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          // Keycloak logs out at once when the request proves which session it ends
          // (id_token_hint); without one it asks first.
          if (ctx.oidc.params?.['id_token_hint']) {
            await finishLogout(ctx);
            return;
          }
          ctx.type = 'html';
          ctx.body = logoutConfirmPage(localeOf(ctx, realm), realm.displayName, form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage(localeOf(ctx, realm), realm.displayName);
        },
      },
    },
    formats: {
      customizers: {
        jwt: async (ctx, token, jwt) => {
          if (token.kind !== 'AccessToken') return;
          const accessToken = token as AccessToken;
          const realmClient = accessToken.clientId ? realm.client(accessToken.clientId) : undefined;
          const user = realm.userById(accessToken.accountId);
          if (!realmClient || !user) throw new Error('access token for an unknown client or user');
          const requested = (accessToken.scope ?? '').split(' ').filter(Boolean);
          const applied = realm.appliedScopes(realmClient, requested);
          const { authTime, sid: sessionSid } = await sessionFacts(
            accessToken.sessionUid,
            realmClient.clientId,
          );
          const sid = accessToken.sid ?? sessionSid;
          const mapped = mapClaims('access', {
            realm,
            user,
            client: realmClient,
            scopes: applied,
            authTime,
            acr: ACR_PASSWORD,
          });
          const entities = ctx?.oidc?.entities as {
            AuthorizationCode?: { nonce?: string };
            RefreshToken?: { nonce?: string };
          };
          const nonce = entities?.AuthorizationCode?.nonce ?? entities?.RefreshToken?.nonce;
          const { exp, iat, jti, iss } = jwt.payload;
          const { sub: _sub, ...claims } = mapped.claims;
          const audiences = mapped.audiences;
          jwt.header = { typ: 'JWT' };
          jwt.payload = {
            exp,
            iat,
            jti,
            iss,
            // Keycloak writes a single audience as a string and several as an array.
            ...(audiences.length > 0
              ? { aud: audiences.length === 1 ? audiences[0] : audiences }
              : { aud: jwt.payload['aud'] }),
            sub: user.id,
            typ: 'Bearer',
            azp: realmClient.clientId,
            ...(nonce ? { nonce } : {}),
            ...(sid ? { sid } : {}),
            ...claims,
            scope: tokenScope(requested, applied),
          };
        },
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(localeOf(ctx, realm), realm.displayName, {
        error: out.error,
        description: out.error_description,
      });
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = false;

  const RefreshTokenModel = provider.RefreshToken as unknown as { prototype: { generateTokenId(): string } };
  RefreshTokenModel.prototype.generateTokenId = function generateTokenId(
    this: RefreshToken & { expiration: number },
  ) {
    return refreshTokenValue(this);
  };

  // Keycloak's wildcard redirect URIs (and "+" post-logout URIs, resolved in the realm model).
  const ClientModel = provider.Client.prototype as unknown as {
    redirectUriAllowed(this: { clientId: string }, uri: string): boolean;
    postLogoutRedirectUriAllowed(this: { clientId: string }, uri: string): boolean;
  };
  ClientModel.redirectUriAllowed = function redirectUriAllowed(uri) {
    const realmClient = realm.client(this.clientId);
    return !!realmClient?.standardFlowEnabled && anyRedirectUriMatches(uri, realmClient.redirectUris);
  };
  ClientModel.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(uri) {
    const realmClient = realm.client(this.clientId);
    return !!realmClient && anyRedirectUriMatches(uri, realmClient.postLogoutRedirectUris);
  };

  registerPasswordGrant(provider, {
    realm,
    bruteForce: options.bruteForce,
    resource: ACCESS_TOKEN_RESOURCE,
    resourceServerInfo,
    acr: ACR_PASSWORD,
    findAccount,
  });

  provider.use(async (ctx, next) => {
    await next();
    const route = (ctx as KoaContextWithOIDC).oidc?.route;
    const origin = ctx.get('Origin');
    // keycloak-js sends its token requests with credentials, which browsers only accept
    // with Access-Control-Allow-Credentials (Keycloak sends it for allowed origins).
    if (
      origin &&
      ctx.response.get('Access-Control-Allow-Origin') === origin &&
      realm.isKnownWebOrigin(origin)
    ) {
      ctx.set('Access-Control-Allow-Credentials', 'true');
    }
    if (route === 'discovery' && ctx.status === 200 && typeof ctx.body === 'object' && ctx.body !== null) {
      const body = ctx.body as Record<string, unknown>;
      body['userinfo_endpoint'] = `${issuer}${KEYCLOAK_ROUTES.userinfo}`;
      body['claims_supported'] = [
        'aud',
        'sub',
        'iss',
        'auth_time',
        'acr',
        ...idTokenClaimNames(realm),
      ].filter((claim, index, all) => all.indexOf(claim) === index);
    }
    if (route === 'token' && ctx.status === 200) keycloakTokenResponse(ctx as KoaContextWithOIDC);
    if (
      route === 'end_session' &&
      ctx.status === 200 &&
      !(ctx as KoaContextWithOIDC).oidc.session?.accountId
    ) {
      // Nobody is signed in: Keycloak redirects straight back instead of posting a form.
      await finishLogout(ctx as KoaContextWithOIDC);
    }
    if (ctx.response.is('html')) {
      ctx.set('X-Frame-Options', 'SAMEORIGIN');
      ctx.set('Content-Security-Policy', "frame-ancestors 'self'; object-src 'none'; base-uri 'none'");
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Referrer-Policy', 'no-referrer');
    }
  });

  return provider;
}

/** Reshapes a successful token response the way Keycloak writes it. */
function keycloakTokenResponse(ctx: KoaContextWithOIDC): void {
  const body = ctx.body as Record<string, unknown> | undefined;
  if (!body || typeof body['access_token'] !== 'string') return;
  const access = decodeJwt(body['access_token']);
  const refresh = typeof body['refresh_token'] === 'string' ? decodeJwt(body['refresh_token']) : undefined;
  ctx.body = {
    access_token: body['access_token'],
    expires_in: body['expires_in'],
    refresh_expires_in: refresh?.exp ? refresh.exp - Math.floor(Date.now() / 1000) : 0,
    ...(refresh ? { refresh_token: body['refresh_token'] } : {}),
    token_type: 'Bearer',
    ...(body['id_token'] ? { id_token: body['id_token'] } : {}),
    'not-before-policy': 0,
    ...(access['sid'] ? { session_state: access['sid'] } : {}),
    scope: access['scope'],
  };
}
