import { existsSync } from 'node:fs';
import path from 'node:path';

export interface DevIdpConfig {
  port: number;
  /** Undefined: derived from the port and the realm name once the realm file is read. */
  issuer?: string;
  realmFile: string;
  dataDir: string;
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** The directory holding nx.json, searched upwards from `start`. */
export function findWorkspaceRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function nonEmpty(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new ConfigError(name, 'is set but empty');
  return value.trim();
}

/**
 * Reads and validates the dev IdP's environment. Every malformed value is reported by
 * the name of its variable, and the process does not start with it.
 */
export function readConfig(env: NodeJS.ProcessEnv, workspaceRoot: string): DevIdpConfig {
  const rawPort = nonEmpty(env, 'DEV_IDP_PORT');
  let port = 8080;
  if (rawPort !== undefined) {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || !Number.isSafeInteger(port) || port < 1 || port > 65535) {
      throw new ConfigError('DEV_IDP_PORT', `must be a TCP port (1-65535), got "${rawPort}"`);
    }
  }

  const issuer = nonEmpty(env, 'DEV_IDP_ISSUER');
  if (issuer !== undefined) {
    const url = URL.parse(issuer);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new ConfigError('DEV_IDP_ISSUER', `must be an absolute http(s) URL, got "${issuer}"`);
    }
    if (url.search !== '' || url.hash !== '' || issuer.endsWith('?') || issuer.endsWith('#')) {
      throw new ConfigError('DEV_IDP_ISSUER', `must not have a query or fragment, got "${issuer}"`);
    }
    if (issuer.endsWith('/'))
      throw new ConfigError('DEV_IDP_ISSUER', `must not end with "/", got "${issuer}"`);
  }

  const realmFile = path.resolve(
    workspaceRoot,
    nonEmpty(env, 'DEV_IDP_REALM_FILE') ?? 'docker/keycloak/realm-kraftsamling.json',
  );
  if (!existsSync(realmFile)) {
    throw new ConfigError('DEV_IDP_REALM_FILE', `points at a file that does not exist: ${realmFile}`);
  }
  const dataDir = path.resolve(workspaceRoot, nonEmpty(env, 'DEV_IDP_DATA_DIR') ?? '.data/dev-idp');

  return { port, issuer, realmFile, dataDir };
}
