import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Keycloak, { type KeycloakInitOptions } from 'keycloak-js';
import { findWorkspaceRoot } from './config';
import { startDevIdp, type DevIdp } from './dev-idp';
import { formAction, TestBrowser } from './testing/browser';
import { installFakeWindow, type FakeWindow } from './testing/fake-window';

const realmFile = path.join(
  findWorkspaceRoot(process.cwd()) as string,
  'docker/keycloak/realm-kraftsamling.json',
);
const APP = 'http://localhost:4200/';

// The web app's own configuration (see the identity contract): if keycloak-js accepts
// what the dev IdP returns here, it accepts it in the browser.
describe('keycloak-js 26 against the dev IdP', () => {
  let dataDir: string;
  let idp: DevIdp;
  let fakeWindow: FakeWindow;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'dev-idp-kcjs-'));
    idp = await startDevIdp({ realmFile, dataDir, port: 0, warn: () => undefined });
  });

  beforeEach(() => {
    fakeWindow = installFakeWindow(APP);
  });

  afterEach(() => fakeWindow.restore());

  afterAll(async () => {
    await idp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const newKeycloak = () =>
    new Keycloak({ url: new URL(idp.issuer).origin, realm: 'kraftsamling', clientId: 'kraftsamling-web' });

  async function signIn(responseMode: 'fragment' | 'query') {
    const init: KeycloakInitOptions = {
      onLoad: 'login-required',
      pkceMethod: 'S256',
      checkLoginIframe: false,
      responseMode,
    };
    // First load: keycloak-js stores its state and navigates to the login page.
    void newKeycloak().init(init);
    for (let i = 0; i < 50 && !fakeWindow.navigatedTo(); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const loginUrl = fakeWindow.navigatedTo() as string;

    const browser = new TestBrowser();
    const issuerOrigin = new URL(idp.issuer).origin;
    const page = await browser.follow(loginUrl, issuerOrigin);
    const { url: callback } = await browser.follow(
      new URL(formAction(await page.response.text()), page.url).href,
      issuerOrigin,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'admin', password: 'demo' }),
      },
    );

    // Second load: the redirect back with the code.
    fakeWindow.setLocation(callback);
    const keycloak = newKeycloak();
    const authenticated = await keycloak.init(init);
    return { keycloak, authenticated, loginUrl, browser };
  }

  it('signs in with the code flow and PKCE (fragment response mode) and parses every token', async () => {
    const { keycloak, authenticated, loginUrl } = await signIn('fragment');

    expect(new URL(loginUrl).searchParams.get('code_challenge_method')).toBe('S256');
    expect(authenticated).toBe(true);
    expect(keycloak.subject).toBe('00000000-0000-4000-8000-000000000001');
    expect(keycloak.tokenParsed).toMatchObject({ preferred_username: 'admin', azp: 'kraftsamling-web' });
    expect(keycloak.realmAccess?.roles).toContain('platform-admin');
    expect(keycloak.refreshTokenParsed).toMatchObject({ typ: 'Refresh' });
    expect(keycloak.idTokenParsed).toMatchObject({ name: 'Ada Plattformsson' });
    expect(fakeWindow.location()).toBe(APP);
  });

  it('signs in with response_mode=query too', async () => {
    const { authenticated, keycloak } = await signIn('query');

    expect(authenticated).toBe(true);
    expect(keycloak.token).toEqual(expect.any(String));
  });

  it('refreshes the token, loads the user info and signs out back to the app', async () => {
    const { keycloak, browser } = await signIn('fragment');
    const before = keycloak.token;

    const refreshed = await keycloak.updateToken(-1);
    const userInfo = await keycloak.loadUserInfo();
    await keycloak.logout({ redirectUri: APP });
    const logout = await browser.request(fakeWindow.navigatedTo() as string);

    expect(refreshed).toBe(true);
    expect(keycloak.token).not.toBe(before);
    expect(userInfo).toMatchObject({ preferred_username: 'admin', email: 'admin@kraftsamling.example' });
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(APP);
  });
});
