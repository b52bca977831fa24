import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findWorkspaceRoot } from './config';
import { BruteForceProtector } from './brute-force';
import { startDevIdp, type DevIdp } from './dev-idp';
import { loadRealm } from './realm';
import { formAction, pkcePair, TestBrowser } from './testing/browser';

const workspaceRoot = findWorkspaceRoot(process.cwd()) as string;
const realmFile = path.join(workspaceRoot, 'docker/keycloak/realm-kraftsamling.json');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the realm file turns on Keycloak’s brute-force detection', () => {
  it('locks an account temporarily after 5–10 failed passwords, with a growing wait', async () => {
    const realm = JSON.parse(await readFile(realmFile, 'utf8'));
    expect(realm).toMatchObject({ bruteForceProtected: true, permanentLockout: false });
    expect(realm.failureFactor).toBeGreaterThanOrEqual(5);
    expect(realm.failureFactor).toBeLessThanOrEqual(10);
    expect(realm.waitIncrementSeconds).toBeGreaterThanOrEqual(60);
    expect(realm.maxFailureWaitSeconds).toBeGreaterThanOrEqual(realm.waitIncrementSeconds);
    expect((await loadRealm(realmFile)).bruteForce).toMatchObject({
      enabled: true,
      failureFactor: realm.failureFactor,
    });
  });
});

/**
 * The dev IdP with the realm's brute-force settings made short (3 failures, 2 s wait),
 * so a lockout and its end fit in a test. Settings come from the realm file as Keycloak
 * reads them.
 */
describe('dev IdP lockout after repeated failed passwords', () => {
  const WAIT_SECONDS = 2;
  let dataDir: string;
  let idp: DevIdp;
  let oidc: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'dev-idp-lockout-'));
    const realm = JSON.parse(await readFile(realmFile, 'utf8'));
    const shortRealm = path.join(dataDir, 'realm.json');
    await writeFile(
      shortRealm,
      JSON.stringify({
        ...realm,
        bruteForceProtected: true,
        failureFactor: 3,
        waitIncrementSeconds: WAIT_SECONDS,
        maxFailureWaitSeconds: WAIT_SECONDS * 2,
        // Keycloak's quick-login check is unit-tested (brute-force.ts); here it stays out of the way.
        quickLoginCheckMilliSeconds: 1,
        minimumQuickLoginWaitSeconds: 1,
      }),
    );
    idp = await startDevIdp({ realmFile: shortRealm, dataDir, port: 0, warn: () => undefined });
    oidc = `${idp.issuer}/protocol/openid-connect`;
  });

  afterAll(async () => {
    await idp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function passwordGrant(username: string, password: string) {
    const response = await fetch(`${oidc}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'kraftsamling-cli',
        username,
        password,
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  }

  /** The login page of the web client's code flow, then the form posted with these credentials. */
  async function pageLogin(username: string, password: string) {
    const browser = new TestBrowser();
    const auth = new URL(`${oidc}/auth`);
    const params = {
      client_id: 'kraftsamling-web',
      redirect_uri: 'http://localhost:4200/callback',
      response_type: 'code',
      scope: 'openid',
      state: 's',
      nonce: 'n',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    };
    for (const [key, value] of Object.entries(params)) auth.searchParams.set(key, value);
    const origin = new URL(idp.issuer).origin;
    const page = await browser.follow(auth.href, origin);
    const html = await page.response.text();
    const { response, url } = await browser.follow(new URL(formAction(html), page.url).href, origin, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }),
    });
    return { signedIn: url.startsWith('http://localhost:4200/callback'), html: await response.text() };
  }

  const LOCKED = { error: 'invalid_grant', error_description: 'Account temporarily disabled' };
  const INVALID = { error: 'invalid_grant', error_description: 'Invalid user credentials' };

  it('the password grant refuses even the right password once an account has failed 3 times, until the wait is over', async () => {
    for (let i = 0; i < 3; i++) {
      const failed = await passwordGrant('bjuv', 'wrong');
      expect(failed.status).toBe(401);
      expect(failed.body).toMatchObject(INVALID);
    }
    const locked = await passwordGrant('bjuv', 'demo');
    expect(locked.status).toBe(400);
    expect(locked.body).toMatchObject(LOCKED);
    expect(locked.body['access_token']).toBeUndefined();

    await wait(WAIT_SECONDS * 1000 + 300);
    const after = await passwordGrant('bjuv', 'demo');
    expect(after.status).toBe(200);
    expect(after.body['access_token']).toEqual(expect.any(String));
  });

  it('the login page says the account is locked and signs nobody in, and the lockout covers the password grant too', async () => {
    for (let i = 0; i < 3; i++) {
      const failed = await pageLogin('helsingborg', 'wrong');
      expect(failed.signedIn).toBe(false);
      expect(failed.html).toContain('Fel användarnamn eller lösenord.');
    }
    const locked = await pageLogin('helsingborg', 'demo');
    expect(locked.signedIn).toBe(false);
    expect(locked.html).toMatch(
      /<div class="alert" role="alert" id="login-error">Kontot är tillfälligt låst efter för många misslyckade inloggningar\. Försök igen om en stund\.<\/div>/,
    );
    expect((await passwordGrant('helsingborg', 'demo')).body).toMatchObject(LOCKED);
  });

  it('failures on the login page and through the password grant add up', async () => {
    await pageLogin('styrgrupp', 'wrong');
    await passwordGrant('styrgrupp', 'wrong');
    await pageLogin('styrgrupp', 'wrong');
    expect((await passwordGrant('styrgrupp', 'demo')).body).toMatchObject(LOCKED);
  });

  it('a successful login resets the count, as in Keycloak', async () => {
    for (let round = 0; round < 3; round++) {
      await passwordGrant('arbetsmarknad', 'wrong');
      await passwordGrant('arbetsmarknad', 'wrong');
      const ok = await passwordGrant('arbetsmarknad', 'demo');
      expect(ok.status).toBe(200);
    }
    expect((await pageLogin('arbetsmarknad', 'demo')).signedIn).toBe(true);
  });

  it('locking one account leaves the others alone, and unknown usernames get the usual answer', async () => {
    for (let i = 0; i < 5; i++) await passwordGrant('sandviken', 'wrong');
    expect((await passwordGrant('sandviken', 'demo')).body).toMatchObject(LOCKED);
    expect((await passwordGrant('samordnare', 'demo')).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const unknown = await passwordGrant('nobody-here', 'demo');
      expect(unknown.status).toBe(401);
      expect(unknown.body).toMatchObject(INVALID);
    }
  });
});

describe('BruteForceProtector (Keycloak’s arithmetic, on a clock of its own)', () => {
  const user = {
    id: 'u1',
    username: 'u',
    enabled: true,
    emailVerified: true,
    attributes: {},
    password: 'right',
    temporaryPassword: false,
    requiredActions: [],
    realmRoles: [],
    clientRoles: {},
  };
  const settings = {
    enabled: true,
    failureFactor: 3,
    waitIncrementSeconds: 60,
    maxFailureWaitSeconds: 150,
    maxDeltaTimeSeconds: 3600,
    quickLoginCheckMilliSeconds: 1000,
    minimumQuickLoginWaitSeconds: 30,
    permanentLockout: false,
  };
  let now: number;
  const protector = (overrides: Partial<typeof settings> = {}) =>
    new BruteForceProtector({ ...settings, ...overrides }, () => now);
  beforeEach(() => (now = 1_000_000));
  const failSlowly = (p: BruteForceProtector, times: number) => {
    for (let i = 0; i < times; i++) {
      now += 2000;
      expect(p.check(user, 'wrong')).toBe('invalidCredentials');
    }
  };

  it('locks for waitIncrement × lockouts so far, at most maxFailureWait', () => {
    const p = protector();
    failSlowly(p, 3);
    expect(p.lockedFor('u1')).toBe(60);
    expect(p.check(user, 'right')).toBe('temporarilyLocked');
    now += 60_000;
    failSlowly(p, 3);
    expect(p.lockedFor('u1')).toBe(120);
    now += 120_000;
    failSlowly(p, 3);
    expect(p.lockedFor('u1')).toBe(150);
  });

  it('locks for minimumQuickLoginWait when two failures come closer than quickLoginCheck', () => {
    const p = protector();
    expect(p.check(user, 'wrong')).toBe('invalidCredentials');
    now += 200;
    expect(p.check(user, 'wrong')).toBe('invalidCredentials');
    expect(p.lockedFor('u1')).toBe(30);
    expect(p.check(user, 'right')).toBe('temporarilyLocked');
  });

  it('starts the count again after maxDeltaTime without failures, or after a success', () => {
    const p = protector();
    failSlowly(p, 2);
    now += 3601_000;
    failSlowly(p, 2);
    expect(p.lockedFor('u1')).toBe(0);
    expect(p.check(user, 'right')).toBe('ok');
    failSlowly(p, 2);
    expect(p.check(user, 'right')).toBe('ok');
  });

  it('with permanentLockout, stays locked', () => {
    const p = protector({ permanentLockout: true });
    failSlowly(p, 3);
    now += 10 * 365 * 86_400_000;
    expect(p.check(user, 'right')).toBe('temporarilyLocked');
  });

  it('counts nothing when the realm does not turn it on', () => {
    const p = protector({ enabled: false });
    for (let i = 0; i < 50; i++) expect(p.check(user, 'wrong')).toBe('invalidCredentials');
    expect(p.check(user, 'right')).toBe('ok');
  });
});
