import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { findWorkspaceRoot } from './config';
import { startDevIdp, type DevIdp } from './dev-idp';
import { SIGNING_KEYS_FILE } from './keys';
import { formAction, pkcePair, TestBrowser } from './testing/browser';

const workspaceRoot = findWorkspaceRoot(process.cwd()) as string;
const realmFile = path.join(workspaceRoot, 'docker/keycloak/realm-kraftsamling.json');
const ADMIN_ID = '00000000-0000-4000-8000-000000000001';
const SAMORDNARE_ID = '00000000-0000-4000-8000-000000000002';
const WEB = 'kraftsamling-web';
const CLI = 'kraftsamling-cli';
const APP_ORIGIN = 'http://localhost:4200';
const CALLBACK = `${APP_ORIGIN}/callback`;

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'dev-idp-spec-'));
}

describe('dev IdP', () => {
  let dataDir: string;
  let idp: DevIdp;
  let oidc: string;

  beforeAll(async () => {
    dataDir = await tempDir();
    idp = await startDevIdp({ realmFile, dataDir, port: 0, warn: () => undefined });
    oidc = `${idp.issuer}/protocol/openid-connect`;
  });

  afterAll(async () => {
    await idp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const tokenRequest = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${oidc}/token`, { method: 'POST', body: new URLSearchParams(fields), headers });

  const passwordGrant = (username: string, password: string, extra: Record<string, string> = {}) =>
    tokenRequest({ grant_type: 'password', client_id: CLI, username, password, ...extra });

  async function verifyAccessToken(token: string): Promise<JWTPayload> {
    const keys = createRemoteJWKSet(new URL(`${oidc}/certs`));
    const { payload } = await jwtVerify(token, keys, {
      issuer: idp.issuer,
      audience: 'kraftsamling-api',
      algorithms: ['RS256'],
    });
    return payload;
  }

  function authorizeUrl(params: Record<string, string>): string {
    const url = new URL(`${oidc}/auth`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.href;
  }

  /** Starts a keycloak-js style login for kraftsamling-web and returns the login page. */
  async function startLogin(browser: TestBrowser, extra: Record<string, string> = {}) {
    const pkce = pkcePair();
    const params = {
      client_id: WEB,
      redirect_uri: CALLBACK,
      response_type: 'code',
      response_mode: 'query',
      scope: 'openid',
      state: 'state-123',
      nonce: 'nonce-456',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      ...extra,
    };
    const { response, url } = await browser.follow(authorizeUrl(params), new URL(idp.issuer).origin);
    return { pkce, page: response, pageUrl: url, html: await response.text() };
  }

  async function submitLogin(
    browser: TestBrowser,
    pageUrl: string,
    html: string,
    username: string,
    password: string,
  ) {
    return browser.follow(new URL(formAction(html), pageUrl).href, new URL(idp.issuer).origin, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }),
    });
  }

  /** The whole browser flow: login page, credentials, code, token exchange from the app's origin. */
  async function codeFlowLogin(browser = new TestBrowser(), extra: Record<string, string> = {}) {
    const { pkce, pageUrl, html } = await startLogin(browser, extra);
    const { url: callbackUrl } = await submitLogin(browser, pageUrl, html, 'admin', 'demo');
    const callback = new URL(callbackUrl);
    const code = callback.searchParams.get('code') ?? new URLSearchParams(callback.hash.slice(1)).get('code');
    const tokenResponse = await tokenRequest(
      {
        grant_type: 'authorization_code',
        client_id: WEB,
        code: code ?? '',
        redirect_uri: CALLBACK,
        code_verifier: pkce.verifier,
      },
      { Origin: APP_ORIGIN },
    );
    const tokens = (await tokenResponse.json()) as Record<string, string>;
    return { browser, callback, tokenResponse, tokens };
  }

  describe('discovery and keys', () => {
    it("names Keycloak's endpoints in the discovery document", async () => {
      const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
      const discovery = (await response.json()) as Record<string, unknown>;

      expect(response.status).toBe(200);
      expect(discovery).toMatchObject({
        issuer: idp.issuer,
        authorization_endpoint: `${idp.issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${idp.issuer}/protocol/openid-connect/token`,
        jwks_uri: `${idp.issuer}/protocol/openid-connect/certs`,
        userinfo_endpoint: `${idp.issuer}/protocol/openid-connect/userinfo`,
        end_session_endpoint: `${idp.issuer}/protocol/openid-connect/logout`,
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    });

    it('serves only the public half of the persisted signing key at /certs', async () => {
      const stored = JSON.parse(await readFile(path.join(dataDir, SIGNING_KEYS_FILE), 'utf8'));
      const { keys } = (await (await fetch(`${oidc}/certs`)).json()) as { keys: Record<string, unknown>[] };

      expect(stored.keys[0]).toMatchObject({
        kty: 'RSA',
        alg: 'RS256',
        use: 'sig',
        kid: expect.any(String),
        d: expect.any(String),
      });
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatchObject({
        kty: 'RSA',
        kid: stored.keys[0].kid,
        n: stored.keys[0].n,
        e: stored.keys[0].e,
      });
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(secret);
    });

    it("serves Keycloak's realm document with the public key", async () => {
      const response = await fetch(idp.issuer);
      const body = (await response.json()) as Record<string, unknown>;

      expect(response.status).toBe(200);
      expect(body).toMatchObject({
        realm: 'kraftsamling',
        'token-service': `${idp.issuer}/protocol/openid-connect`,
      });
      expect(body['public_key']).toEqual(expect.stringMatching(/^MII/));
    });
  });

  describe('password grant (kraftsamling-cli)', () => {
    it("issues an RS256 JWT access token carrying Keycloak's claims", async () => {
      const response = await passwordGrant('admin', 'demo');
      const body = (await response.json()) as Record<string, unknown>;
      const token = body['access_token'] as string;
      const claims = await verifyAccessToken(token);

      expect(response.status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
      expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
      expect(claims).toMatchObject({
        iss: idp.issuer,
        sub: ADMIN_ID,
        azp: CLI,
        typ: 'Bearer',
        preferred_username: 'admin',
        name: 'Ada Plattformsson',
        given_name: 'Ada',
        family_name: 'Plattformsson',
        email: 'admin@kraftsamling.example',
        email_verified: true,
      });
      expect(claims.aud).toContain('kraftsamling-api');
      expect((claims['realm_access'] as { roles: string[] }).roles).toContain('platform-admin');
      expect((claims.exp as number) - (claims.iat as number)).toBe(300);
      expect(claims.jti).toEqual(expect.any(String));
      expect((claims['scope'] as string).split(' ')).toEqual(expect.arrayContaining(['profile', 'email']));
    });

    it('gives platform-admin only to users who hold it', async () => {
      const body = (await (await passwordGrant('samordnare', 'demo')).json()) as Record<string, string>;
      const claims = await verifyAccessToken(body['access_token']);

      expect(claims.sub).toBe(SAMORDNARE_ID);
      expect((claims['realm_access'] as { roles: string[] }).roles).toContain('default-roles-kraftsamling');
      expect((claims['realm_access'] as { roles: string[] }).roles).not.toContain('platform-admin');
    });

    it('answers a wrong password with 401 invalid_grant and no token', async () => {
      const response = await passwordGrant('admin', 'not-the-password');
      const body = (await response.json()) as Record<string, unknown>;

      expect(response.status).toBe(401);
      expect(body).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
      expect(body).not.toHaveProperty('access_token');
    });

    it('answers an unknown user exactly like a wrong password', async () => {
      const response = await passwordGrant('nobody', 'demo');

      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: 'invalid_grant',
        error_description: 'Invalid user credentials',
      });
    });

    it('refuses the password grant to kraftsamling-web, which has no direct access grants', async () => {
      const response = await tokenRequest({
        grant_type: 'password',
        client_id: WEB,
        username: 'admin',
        password: 'demo',
      });
      const body = (await response.json()) as Record<string, unknown>;

      expect(response.status).toBe(400);
      expect(body).toMatchObject({ error: 'unauthorized_client' });
      expect(body).not.toHaveProperty('access_token');
    });

    it('issues an ID token only when openid is requested, and refuses unknown scopes', async () => {
      const without = (await (await passwordGrant('admin', 'demo')).json()) as Record<string, string>;
      const withOpenid = (await (await passwordGrant('admin', 'demo', { scope: 'openid' })).json()) as Record<
        string,
        string
      >;
      const invalid = await passwordGrant('admin', 'demo', { scope: 'openid not-a-scope' });

      expect(without).not.toHaveProperty('id_token');
      expect(decodeJwt(withOpenid['id_token'])).toMatchObject({
        aud: CLI,
        sub: ADMIN_ID,
        typ: 'ID',
        name: 'Ada Plattformsson',
      });
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toMatchObject({ error: 'invalid_scope' });
    });

    it('exchanges its refresh token for new tokens', async () => {
      const first = (await (await passwordGrant('admin', 'demo')).json()) as Record<string, string>;
      const response = await tokenRequest({
        grant_type: 'refresh_token',
        client_id: CLI,
        refresh_token: first['refresh_token'],
      });
      const refreshed = (await response.json()) as Record<string, string>;

      expect(response.status).toBe(200);
      expect(decodeJwt(first['refresh_token'])).toMatchObject({ typ: 'Refresh', azp: CLI, sub: ADMIN_ID });
      expect((await verifyAccessToken(refreshed['access_token'])).sub).toBe(ADMIN_ID);
    });
  });

  describe('authorization code + PKCE (kraftsamling-web)', () => {
    it('serves an accessible Swedish login page', async () => {
      const { page, html } = await startLogin(new TestBrowser());

      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(html).toContain('<html lang="sv">');
      expect(html).toMatch(/<main[^>]*>/);
      expect(html).toMatch(/<h1>Logga in<\/h1>/);
      expect(html).toMatch(/<label for="username">Användarnamn<\/label>/);
      expect(html).toMatch(/<label for="password">Lösenord<\/label>/);
      expect(html).toMatch(/<input id="username"[^>]*autocomplete="username"/);
      expect(html).toMatch(/<input id="password"[^>]*type="password"[^>]*autocomplete="current-password"/);
      expect(html).toMatch(/<button type="submit">Logga in<\/button>/);
      expect(html).toMatch(/<a [^>]*lang="en"[^>]*>English<\/a>/);
      // The application's accessibility statement opens without signing in: linked from here.
      expect(html).toContain(`<a href="${new URL('/tillganglighet', CALLBACK).href}">Tillgänglighetsredogörelse</a>`);
    });

    it('serves the login page in English for ui_locales=en and via the language link', async () => {
      const english = await startLogin(new TestBrowser(), { ui_locales: 'en' });
      const swedishBrowser = new TestBrowser();
      const swedish = await startLogin(swedishBrowser);
      const link = /<a href="([^"]+)"[^>]*lang="en"/.exec(swedish.html)?.[1] as string;
      const switched = await swedishBrowser.request(
        new URL(link.replace(/&#38;/g, '&'), swedish.pageUrl).href,
      );
      const switchedHtml = await switched.text();

      expect(english.html).toContain('<html lang="en">');
      expect(english.html).toMatch(/<label for="username">Username<\/label>/);
      expect(english.html).toMatch(/<button type="submit">Sign in<\/button>/);
      expect(switched.status).toBe(200);
      expect(switchedHtml).toContain('<html lang="en">');
      expect(formAction(switchedHtml).split('?')[0]).toBe(formAction(swedish.html).split('?')[0]);
    });

    it('re-renders the form with an alert and the username after a wrong password', async () => {
      const browser = new TestBrowser();
      const { pageUrl, html } = await startLogin(browser);
      const { response } = await submitLogin(browser, pageUrl, html, 'admin', 'wrong');
      const errorHtml = await response.text();

      expect(response.status).toBe(200);
      expect(errorHtml).toMatch(
        /<div class="alert" role="alert" id="login-error">Fel användarnamn eller lösenord\.<\/div>/,
      );
      expect(errorHtml).toMatch(/<input id="username"[^>]*value="admin"/);
      expect(formAction(errorHtml)).toBe(formAction(html));
    });

    it('completes the keycloak-js flow: login, code with state and iss, tokens with CORS for the app', async () => {
      const { callback, tokenResponse, tokens } = await codeFlowLogin();
      const access = await verifyAccessToken(tokens['access_token']);
      const id = decodeJwt(tokens['id_token']);

      expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
      expect(callback.searchParams.get('state')).toBe('state-123');
      expect(callback.searchParams.get('iss')).toBe(idp.issuer);
      expect(tokenResponse.status).toBe(200);
      expect(tokenResponse.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(tokenResponse.headers.get('access-control-allow-credentials')).toBe('true');
      expect(access).toMatchObject({
        sub: ADMIN_ID,
        azp: WEB,
        typ: 'Bearer',
        preferred_username: 'admin',
        nonce: 'nonce-456',
      });
      expect(access['allowed-origins']).toEqual(['http://localhost:3000', 'http://localhost:4200']);
      expect(id).toMatchObject({
        aud: WEB,
        sub: ADMIN_ID,
        nonce: 'nonce-456',
        typ: 'ID',
        email: 'admin@kraftsamling.example',
      });
      expect(decodeJwt(tokens['refresh_token'])).toMatchObject({ typ: 'Refresh', azp: WEB, sub: ADMIN_ID });
      expect(tokens['scope'].split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
    });

    it('lets keycloak-js refresh with the refresh token', async () => {
      const { tokens } = await codeFlowLogin();
      const response = await tokenRequest(
        { grant_type: 'refresh_token', client_id: WEB, refresh_token: tokens['refresh_token'] },
        { Origin: APP_ORIGIN },
      );
      const refreshed = (await response.json()) as Record<string, string>;

      expect(response.status).toBe(200);
      expect((await verifyAccessToken(refreshed['access_token'])).azp).toBe(WEB);
      expect(refreshed['refresh_token']).not.toBe(tokens['refresh_token']);
    });

    it('returns the code in the fragment for response_mode=fragment (keycloak-js default)', async () => {
      const { callback, tokenResponse } = await codeFlowLogin(new TestBrowser(), {
        response_mode: 'fragment',
      });
      const fragment = new URLSearchParams(callback.hash.slice(1));

      expect(callback.search).toBe('');
      expect(fragment.get('code')).toEqual(expect.any(String));
      expect(fragment.get('state')).toBe('state-123');
      expect(tokenResponse.status).toBe(200);
    });

    it('accepts any path under a wildcard redirect URI but nothing outside its origin', async () => {
      const inside = await startLogin(new TestBrowser(), {
        redirect_uri: 'http://localhost:3000/deep/path?x=1',
      });
      const outside = [
        'http://localhost:3000.evil.example/',
        'http://localhost:3000@evil.example/',
        'http://localhost:5000/',
        'https://localhost:3000/',
      ];

      expect(inside.page.status).toBe(200);
      for (const redirectUri of outside) {
        const response = await new TestBrowser().request(
          authorizeUrl({
            client_id: WEB,
            redirect_uri: redirectUri,
            response_type: 'code',
            scope: 'openid',
            code_challenge: pkcePair().challenge,
            code_challenge_method: 'S256',
          }),
        );
        expect(response.status).toBe(400);
        expect(response.headers.get('location')).toBeNull();
      }
    });

    it('requires PKCE from the public web client', async () => {
      const response = await new TestBrowser().request(
        authorizeUrl({
          client_id: WEB,
          redirect_uri: CALLBACK,
          response_type: 'code',
          scope: 'openid',
          state: 's',
        }),
      );
      const location = new URL(response.headers.get('location') as string);

      expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('code')).toBeNull();
    });

    it('refuses a code exchanged with the wrong code_verifier', async () => {
      const browser = new TestBrowser();
      const { pageUrl, html } = await startLogin(browser);
      const { url } = await submitLogin(browser, pageUrl, html, 'admin', 'demo');
      const response = await tokenRequest({
        grant_type: 'authorization_code',
        client_id: WEB,
        code: new URL(url).searchParams.get('code') as string,
        redirect_uri: CALLBACK,
        code_verifier: pkcePair().verifier,
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('does not let kraftsamling-cli use the authorization code flow', async () => {
      const response = await new TestBrowser().request(
        authorizeUrl({
          client_id: CLI,
          redirect_uri: CALLBACK,
          response_type: 'code',
          scope: 'openid',
          code_challenge: pkcePair().challenge,
          code_challenge_method: 'S256',
        }),
      );
      const location = response.headers.get('location');

      expect(response.status).toBe(400);
      expect(location).toBeNull();
    });

    it('answers userinfo for the access token, with CORS for the app', async () => {
      const { tokens } = await codeFlowLogin();
      const response = await fetch(`${oidc}/userinfo`, {
        headers: { Authorization: `Bearer ${tokens['access_token']}`, Origin: APP_ORIGIN },
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(await response.json()).toMatchObject({
        sub: ADMIN_ID,
        preferred_username: 'admin',
        name: 'Ada Plattformsson',
        email: 'admin@kraftsamling.example',
        email_verified: true,
      });
    });

    it('answers prompt=none like keycloak-js check-sso expects: login_required, then a code once signed in', async () => {
      const browser = new TestBrowser();
      const silent = () =>
        browser.request(
          authorizeUrl({
            client_id: WEB,
            redirect_uri: CALLBACK,
            response_type: 'code',
            scope: 'openid',
            state: 'silent',
            prompt: 'none',
            code_challenge: pkcePair().challenge,
            code_challenge_method: 'S256',
          }),
        );
      const before = new URL((await silent()).headers.get('location') as string);
      await codeFlowLogin(browser);
      const after = new URL((await silent()).headers.get('location') as string);

      expect(before.searchParams.get('error')).toBe('login_required');
      expect(before.searchParams.get('code')).toBeNull();
      expect(after.searchParams.get('code')).toEqual(expect.any(String));
      expect(after.searchParams.get('state')).toBe('silent');
    });

    it('shows an "expired" page, not the form, for a login URL without its interaction cookie', async () => {
      const { pageUrl } = await startLogin(new TestBrowser());
      const response = await new TestBrowser().request(pageUrl);
      const html = await response.text();

      expect(response.status).toBe(400);
      expect(html).toMatch(/<h1>Inloggningen har gått ut<\/h1>/);
      expect(html).not.toContain('<form');
    });
  });

  describe('logout', () => {
    it('redirects to post_logout_redirect_uri without a confirmation page and ends the session', async () => {
      const { browser, tokens } = await codeFlowLogin();
      const logout = new URL(`${oidc}/logout`);
      logout.searchParams.set('client_id', WEB);
      logout.searchParams.set('post_logout_redirect_uri', `${APP_ORIGIN}/`);
      logout.searchParams.set('id_token_hint', tokens['id_token']);
      const response = await browser.request(logout.href);

      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`${APP_ORIGIN}/`);

      const refresh = await tokenRequest({
        grant_type: 'refresh_token',
        client_id: WEB,
        refresh_token: tokens['refresh_token'],
      });
      const userinfo = await fetch(`${oidc}/userinfo`, {
        headers: { Authorization: `Bearer ${tokens['access_token']}` },
      });
      const again = await startLogin(browser);
      expect(refresh.status).toBe(400);
      expect(userinfo.status).toBe(401);
      expect(again.html).toMatch(/<h1>Logga in<\/h1>/);
    });

    it('asks for confirmation when the request has no id_token_hint, as Keycloak does', async () => {
      const { browser } = await codeFlowLogin();
      const response = await browser.request(
        `${oidc}/logout?client_id=${WEB}&post_logout_redirect_uri=${encodeURIComponent(`${APP_ORIGIN}/`)}`,
      );
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(html).toMatch(/<h1>Logga ut<\/h1>/);
      expect(html).toMatch(
        /<button type="submit" form="op.logoutForm" name="logout" value="yes">Logga ut<\/button>/,
      );
    });

    it('redirects straight back when the browser has no session any more', async () => {
      const { tokens } = await codeFlowLogin();
      const logout = new URL(`${oidc}/logout`);
      logout.searchParams.set('post_logout_redirect_uri', `${APP_ORIGIN}/`);
      logout.searchParams.set('id_token_hint', tokens['id_token']);
      logout.searchParams.set('state', 'after-logout');
      const response = await new TestBrowser().request(logout.href);

      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`${APP_ORIGIN}/?state=after-logout`);
    });

    it('refuses a post_logout_redirect_uri the client has not registered', async () => {
      const { browser, tokens } = await codeFlowLogin();
      const response = await browser.request(
        `${oidc}/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}&id_token_hint=${tokens['id_token']}`,
      );

      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    });
  });

  describe('with a different realm file', () => {
    let customDir: string;
    let custom: DevIdp;

    beforeAll(async () => {
      // The realm file alone decides users, their state and the token audience.
      customDir = await tempDir();
      const realm = JSON.parse(await readFile(realmFile, 'utf8'));
      realm.users.find((user: { username: string }) => user.username === 'bjuv').enabled = false;
      const audienceScope = realm.clientScopes.find(
        (scope: { name: string }) => scope.name === 'kraftsamling-api-audience',
      );
      audienceScope.protocolMappers[0].config['included.custom.audience'] = 'another-api';
      const file = path.join(customDir, 'realm.json');
      await writeFile(file, JSON.stringify(realm));
      custom = await startDevIdp({ realmFile: file, dataDir: customDir, port: 0, warn: () => undefined });
    });

    afterAll(async () => {
      await custom?.close();
      await rm(customDir, { recursive: true, force: true });
    });

    const grant = (username: string) =>
      fetch(`${custom.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', client_id: CLI, username, password: 'demo' }),
      });

    it('takes the access token audience from the audience mapper in the realm file', async () => {
      const body = (await (await grant('admin')).json()) as Record<string, string>;

      expect(decodeJwt(body['access_token']).aud).toContain('another-api');
      expect(decodeJwt(body['access_token']).aud).not.toContain('kraftsamling-api');
    });

    it('refuses a disabled user in the password grant and on the login page', async () => {
      const response = await grant('bjuv');
      const browser = new TestBrowser();
      const start = await browser.follow(
        `${custom.issuer}/protocol/openid-connect/auth?${new URLSearchParams({
          client_id: WEB,
          redirect_uri: CALLBACK,
          response_type: 'code',
          scope: 'openid',
          code_challenge: pkcePair().challenge,
          code_challenge_method: 'S256',
        })}`,
        new URL(custom.issuer).origin,
      );
      const html = await start.response.text();
      const submitted = await browser.request(new URL(formAction(html), start.url).href, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'bjuv', password: 'demo' }),
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_grant',
        error_description: 'Account disabled',
      });
      expect(submitted.status).toBe(200);
      expect(await submitted.text()).toMatch(/role="alert"[^>]*>Kontot är inaktiverat\.</);
    });
  });

  it('keeps its signing key across a restart (same kid, old tokens still verify)', async () => {
    const dir = await tempDir();
    try {
      const first = await startDevIdp({ realmFile, dataDir: dir, port: 0, warn: () => undefined });
      const kidBefore = (
        (await (await fetch(`${first.issuer}/protocol/openid-connect/certs`)).json()) as {
          keys: { kid: string }[];
        }
      ).keys[0].kid;
      const issued = (await (
        await fetch(`${first.issuer}/protocol/openid-connect/token`, {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'password',
            client_id: CLI,
            username: 'admin',
            password: 'demo',
          }),
        })
      ).json()) as Record<string, string>;
      await first.close();

      const second = await startDevIdp({ realmFile, dataDir: dir, port: 0, warn: () => undefined });
      try {
        const certs = new URL(`${second.issuer}/protocol/openid-connect/certs`);
        const kidAfter = ((await (await fetch(certs)).json()) as { keys: { kid: string }[] }).keys[0].kid;
        const { protectedHeader } = await jwtVerify(issued['access_token'], createRemoteJWKSet(certs), {
          algorithms: ['RS256'],
        });

        expect(kidAfter).toBe(kidBefore);
        expect(protectedHeader.kid).toBe(kidBefore);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
