// Keys the dev IdP keeps between restarts, so tokens and browser sessions outlive a
// restart of the process. Files are created once (exclusively, so two processes
// starting together cannot overwrite each other's keys) and readable by the owner only.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface PersistedKeys {
  /** Private RSA JWKs (kid, alg RS256, use sig); the first one signs. */
  signingKeys: JWK[];
  /** Keys that sign the session and interaction cookies. */
  cookieKeys: string[];
  /** The HMAC key Keycloak-style refresh tokens are signed with. */
  refreshTokenKey: Buffer;
}

export const SIGNING_KEYS_FILE = 'signing-keys.json';
const COOKIE_KEYS_FILE = 'cookie-keys.json';
const REFRESH_TOKEN_KEY_FILE = 'refresh-token-key.json';

export class KeyFileError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail} (delete the file to let the dev IdP generate a new one)`);
    this.name = 'KeyFileError';
  }
}

async function readOrCreate<T>(
  file: string,
  create: () => Promise<T>,
  validate: (value: unknown) => T,
): Promise<T> {
  try {
    return validate(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (error instanceof KeyFileError) throw error;
      throw new KeyFileError(file, `cannot be read (${(error as Error).message})`);
    }
  }
  const value = await create();
  try {
    await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    return value;
  } catch (error) {
    // Another process created it between our read and write: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return validate(JSON.parse(await readFile(file, 'utf8')));
    throw error;
  }
}

function validateSigningKeys(file: string) {
  return (value: unknown): { keys: JWK[] } => {
    const keys = (value as { keys?: unknown })?.keys;
    const valid =
      Array.isArray(keys) &&
      keys.length > 0 &&
      keys.every(
        (key: JWK) =>
          key?.kty === 'RSA' &&
          typeof key.d === 'string' &&
          typeof key.kid === 'string' &&
          key.alg === 'RS256',
      );
    if (!valid) throw new KeyFileError(file, 'must be {"keys":[<private RSA JWK with kid and alg RS256>]}');
    return { keys: keys as JWK[] };
  };
}

function validateSecrets(file: string) {
  return (value: unknown): { keys: string[] } => {
    const keys = (value as { keys?: unknown })?.keys;
    if (
      !Array.isArray(keys) ||
      keys.length === 0 ||
      keys.some((key) => typeof key !== 'string' || key.length < 32)
    ) {
      throw new KeyFileError(file, 'must be {"keys":["<random secret>", ...]}');
    }
    return { keys: keys as string[] };
  };
}

async function newSigningKey(): Promise<{ keys: JWK[] }> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { keys: [{ kid, alg: 'RS256', use: 'sig', ...jwk }] };
}

const newSecret = async () => ({ keys: [randomBytes(32).toString('base64url')] });

export async function loadOrCreateKeys(dataDir: string): Promise<PersistedKeys> {
  // Only the keys' own directory is private: a recursive mkdir gives its mode to every parent
  // it creates too, and a shared parent (tmp/api-e2e) then shut out the embedded PostgreSQL,
  // which runs as its own user beside it.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const signingFile = path.join(dataDir, SIGNING_KEYS_FILE);
  const cookieFile = path.join(dataDir, COOKIE_KEYS_FILE);
  const refreshFile = path.join(dataDir, REFRESH_TOKEN_KEY_FILE);
  const signing = await readOrCreate(signingFile, newSigningKey, validateSigningKeys(signingFile));
  const cookies = await readOrCreate(cookieFile, newSecret, validateSecrets(cookieFile));
  const refresh = await readOrCreate(refreshFile, newSecret, validateSecrets(refreshFile));
  return {
    signingKeys: signing.keys,
    cookieKeys: cookies.keys,
    refreshTokenKey: Buffer.from(refresh.keys[0], 'base64url'),
  };
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** The public half of a JWK, for anything served over HTTP. */
export function publicJwk(jwk: JWK): JWK {
  const copy: JWK = { ...jwk };
  for (const member of PRIVATE_MEMBERS) delete copy[member];
  return copy;
}
