// Keycloak's userinfo endpoint. oidc-provider's own refuses access tokens issued for a
// resource server, and every access token here is a JWT for the API, so the dev IdP
// answers it itself: it verifies the token like any resource server would, checks that
// the session behind it is still open, and maps the claims marked for userinfo.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { MemoryStore } from './adapter';
import { readForm, sendJson } from './http-util';
import { mapClaims } from './mappers';
import { ACR_PASSWORD } from './provider';
import type { Realm } from './realm';

export interface UserinfoDeps {
  issuer: string;
  realm: Realm;
  publicKeys: JWK[];
  store: MemoryStore;
}

class BearerError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export function userinfoHandler(deps: UserinfoDeps) {
  const { issuer, realm, store } = deps;
  const keys = createLocalJWKSet({ keys: deps.publicKeys });

  function corsHeaders(origin: string | undefined, allowed: boolean): Record<string, string> {
    if (!origin || !allowed) return { Vary: 'Origin' };
    return {
      Vary: 'Origin',
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
    };
  }

  async function tokenOf(req: IncomingMessage): Promise<string> {
    const header = req.headers.authorization ?? '';
    const match = /^bearer\s+(\S+)$/i.exec(header);
    if (match) return match[1];
    if (req.method === 'POST') {
      const token = (await readForm(req).catch(() => undefined))?.get('access_token');
      if (token) return token;
    }
    throw new BearerError(401, 'invalid_request', 'Token not provided');
  }

  async function verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, algorithms: ['RS256'] });
      if (payload['typ'] !== 'Bearer') throw new Error('not an access token');
      return payload;
    } catch {
      throw new BearerError(401, 'invalid_token', 'Token verification failed');
    }
  }

  return async function userinfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const knownOrigin = !!origin && realm.isKnownWebOrigin(origin);

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...corsHeaders(origin, knownOrigin),
        ...(knownOrigin
          ? {
              'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
              'Access-Control-Allow-Headers': 'Authorization, Content-Type',
              'Access-Control-Max-Age': '3600',
            }
          : {}),
      });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      sendJson(
        res,
        405,
        { error: 'invalid_request', error_description: 'Method not allowed' },
        { Allow: 'GET, POST' },
      );
      return;
    }

    let cors = corsHeaders(origin, false);
    try {
      const payload = await verify(await tokenOf(req));
      const client = typeof payload['azp'] === 'string' ? realm.client(payload['azp']) : undefined;
      const user = typeof payload.sub === 'string' ? realm.userById(payload.sub) : undefined;
      if (!client || !user || !user.enabled)
        throw new BearerError(401, 'invalid_token', 'Token verification failed');
      cors = corsHeaders(
        origin,
        !!origin && (client.webOrigins.includes(origin) || client.webOrigins.includes('*')),
      );

      // Security: a token outlives neither its session (logout) nor its user.
      const session = store
        .sessions()
        .find(
          (candidate) =>
            candidate.accountId === user.id &&
            candidate.authorizations?.[client.clientId]?.sid === payload['sid'],
        );
      if (!payload['sid'] || !session) {
        throw new BearerError(
          401,
          'invalid_token',
          "User session not found or doesn't have client attached on it",
        );
      }
      const scope = typeof payload['scope'] === 'string' ? payload['scope'].split(' ') : [];
      if (!scope.includes('openid')) throw new BearerError(403, 'insufficient_scope', 'Missing openid scope');

      const { claims } = mapClaims('userinfo', {
        realm,
        user,
        client,
        scopes: realm.appliedScopes(client, scope),
        authTime: typeof session.loginTs === 'number' ? session.loginTs : undefined,
        acr: ACR_PASSWORD,
      });
      sendJson(res, 200, { sub: user.id, ...claims }, cors);
    } catch (error) {
      if (!(error instanceof BearerError)) throw error;
      sendJson(
        res,
        error.status,
        { error: error.error, error_description: error.description },
        {
          ...cors,
          'WWW-Authenticate': `Bearer realm="${realm.name}", error="${error.error}", error_description="${error.description.replace(/"/g, "'")}"`,
        },
      );
    }
  };
}
