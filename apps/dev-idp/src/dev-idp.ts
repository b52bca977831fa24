// The dev IdP: a Keycloak-compatible OpenID provider for development and tests. It reads
// its clients, users, roles and token mappers from the realm file Keycloak imports, and
// serves Keycloak's URL layout under the issuer's path, so the product switches between
// it and Keycloak by configuration alone.
import { createPublicKey } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from './adapter';
import { HttpError, sendHtml, sendJson } from './http-util';
import { loadOrCreateKeys, publicJwk } from './keys';
import { BruteForceProtector } from './brute-force';
import { handleLoginAction } from './login';
import { errorPage } from './pages';
import { createProvider, KEYCLOAK_ROUTES } from './provider';
import { loadRealm } from './realm';
import { userinfoHandler } from './userinfo';

export interface DevIdpOptions {
  /** The realm export to serve (docker/keycloak/realm-kraftsamling.json). */
  realmFile: string;
  /** Where signing and cookie keys are kept between restarts. */
  dataDir: string;
  /** TCP port on the loopback interface; 0 picks a free one. Default 8080. */
  port?: number;
  /** Default: http://localhost:<port>/realms/<realm name>. */
  issuer?: string;
  /** Receives warnings (unsupported mappers in the realm file, unexpected errors). */
  warn?: (message: string) => void;
}

export interface DevIdp {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const warn = options.warn ?? ((message: string) => console.warn(`dev-idp: ${message}`));
  const realm = await loadRealm(options.realmFile);
  if (!realm.enabled) throw new Error(`realm "${realm.name}" is disabled in ${options.realmFile}`);
  if (realm.unsupportedMapperTypes.length > 0) {
    warn(
      `these protocol mapper types are not implemented and add no claims: ${realm.unsupportedMapperTypes.join(', ')}`,
    );
  }
  const keys = await loadOrCreateKeys(options.dataDir);

  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const dispatch = (req: IncomingMessage, res: ServerResponse) => handler(req, res);

  // Loopback only: the dev IdP hands out tokens for well-known passwords. "localhost"
  // may resolve to either family, so both loopback addresses are bound when available.
  const servers = [createServer(dispatch)];
  let port: number;
  try {
    port = await listen(servers[0], options.port ?? 8080, '127.0.0.1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${options.port ?? 8080} is already in use on 127.0.0.1`);
    }
    throw error;
  }
  const ipv6 = createServer(dispatch);
  try {
    await listen(ipv6, port, '::1');
    servers.push(ipv6);
  } catch {
    // No IPv6 loopback here, or the port is taken on it: IPv4 alone will do.
  }

  const issuer = options.issuer ?? `http://localhost:${port}/realms/${realm.name}`;
  const mountPath = new URL(issuer).pathname.replace(/\/$/, '');
  const store = new MemoryStore();
  const bruteForce = new BruteForceProtector(realm.bruteForce);
  const publicKeys = keys.signingKeys.map(publicJwk);
  const provider = createProvider({
    issuer,
    realm,
    signingKeys: keys.signingKeys,
    cookieKeys: keys.cookieKeys,
    refreshTokenKey: keys.refreshTokenKey,
    store,
    bruteForce,
  });
  provider.on('server_error', (_ctx, error: Error) => warn(`server error: ${error.stack ?? error.message}`));
  const providerCallback = provider.callback();
  const userinfo = userinfoHandler({ issuer, realm, publicKeys, store });

  // Keycloak's realm document (GET /realms/<realm>), which some adapters read.
  const realmInfo = {
    realm: realm.name,
    public_key: createPublicKey({ key: publicKeys[0], format: 'jwk' })
      .export({ type: 'spki', format: 'der' })
      .toString('base64'),
    'token-service': `${issuer}/protocol/openid-connect`,
    'account-service': `${issuer}/account`,
    'tokens-not-before': 0,
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://dev-idp.invalid');
    const { pathname } = url;
    if (mountPath !== '' && (pathname === mountPath || pathname === `${mountPath}/`)) {
      sendJson(res, 200, realmInfo, { 'Access-Control-Allow-Origin': '*' });
      return;
    }
    if (!pathname.startsWith(`${mountPath}/`)) {
      sendJson(res, 404, { error: 'Realm does not exist' });
      return;
    }
    const subPath = pathname.slice(mountPath.length);
    if (subPath.startsWith('/login-actions/')) {
      await handleLoginAction(req, res, subPath, url, { provider, realm, mountPath, bruteForce });
      return;
    }
    if (subPath === KEYCLOAK_ROUTES.userinfo) {
      await userinfo(req, res);
      return;
    }
    // oidc-provider routes relative to its mount path and rebuilds absolute URLs from
    // originalUrl, as when it is mounted under a path in Express or Koa.
    const mounted = req as IncomingMessage & { originalUrl?: string };
    mounted.originalUrl = req.url;
    mounted.url = `${subPath}${url.search}`;
    await providerCallback(req, res);
  }

  handler = (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, { error: 'invalid_request', error_description: error.message });
        return;
      }
      warn(`unexpected error on ${req.method} ${req.url}: ${(error as Error)?.stack ?? String(error)}`);
      sendHtml(res, 500, errorPage('sv', realm.displayName, { error: 'server_error' }));
    });
  };

  let closed: Promise<void> | undefined;
  return {
    issuer,
    port,
    close() {
      closed ??= Promise.all(servers.map(closeServer)).then(() => store.close());
      return closed;
    },
  };
}
