import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import {
  errorCodes,
  forgeToken,
  gql,
  idpSigningKey,
  issuerUrl,
  passwordGrant,
  tokenFor,
} from './support/api';

const ME = `{ me { id username name email isPlatformAdmin access { slug roles permissions } } }`;

const forge = (overrides: Record<string, unknown>, header: Record<string, unknown> = {}) =>
  forgeToken(overrides, header);

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('authentication', () => {
  it('the discovery document names Keycloak’s endpoints', async () => {
    const discovery = (await (
      await fetch(`${issuerUrl()}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(discovery['issuer']).toBe(issuerUrl());
    expect(discovery['authorization_endpoint']).toBe(`${issuerUrl()}/protocol/openid-connect/auth`);
    expect(discovery['token_endpoint']).toBe(`${issuerUrl()}/protocol/openid-connect/token`);
    expect(discovery['jwks_uri']).toBe(`${issuerUrl()}/protocol/openid-connect/certs`);
  });

  it('a password-grant token carries the API audience and Keycloak’s claims, and calls me', async () => {
    const token = await tokenFor('samordnare');
    const claims = decodeJwt(token);
    expect([claims.aud].flat()).toContain('kraftsamling-api');
    expect(claims).toMatchObject({
      iss: issuerUrl(),
      azp: 'kraftsamling-cli',
      preferred_username: 'samordnare',
    });
    const response = await gql(ME, {}, { token });
    expect(response.errors).toBeUndefined();
    expect(response.data?.['me']).toMatchObject({
      username: 'samordnare',
      name: 'Sam Samordnarsson',
      isPlatformAdmin: false,
      access: [{ slug: 'familjen-helsingborg', roles: ['COORDINATOR'] }],
    });
  });

  it('a wrong password gets no token', async () => {
    const response = await passwordGrant('samordnare', 'not-the-password');
    expect(response.status).toBe(401);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['error']).toBe('invalid_grant');
    expect(body['access_token']).toBeUndefined();
  });

  it('refuses a request without a token as UNAUTHENTICATED', async () => {
    const response = await gql(ME);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toBeNull();
  });

  it('refuses a malformed authorization header as UNAUTHENTICATED', async () => {
    expect(errorCodes(await gql(ME, {}, { authorization: 'Basic c2Ftb3JkbmFyZTpkZW1v' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await gql(ME, {}, { authorization: 'Bearer not-a-jwt' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a tampered token (payload changed, signature kept)', async () => {
    const [header, payload, signature] = (await tokenFor('samordnare')).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = `${header}.${base64url({ ...claims, preferred_username: 'admin', realm_access: { roles: ['platform-admin'] } })}.${signature}`;
    expect(errorCodes(await gql(ME, {}, { token: tampered }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const claims = decodeJwt(await tokenFor('samordnare'));
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    expect(errorCodes(await gql(ME, {}, { token: unsigned }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an expired token signed with the real key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await forge({ iat: now - 3600, exp: now - 60 });
    const response = await gql(ME, {}, { token: expired });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0]?.message).toMatch(/expired/);
  });

  it('accepts a token forged with the real key when nothing is wrong (the forging itself is sound)', async () => {
    const response = await gql(ME, {}, { token: await forge({}) });
    expect(response.errors).toBeUndefined();
  });

  it('refuses a token issued by another issuer', async () => {
    const foreign = await forge({ iss: 'http://localhost:8080/realms/another-realm' });
    expect(errorCodes(await gql(ME, {}, { token: foreign }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a token without the kraftsamling-api audience', async () => {
    const otherAudience = await forge({ aud: ['account'] });
    expect(errorCodes(await gql(ME, {}, { token: otherAudience }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a token not yet valid (nbf in the future)', async () => {
    const early = await forge({ nbf: Math.floor(Date.now() / 1000) + 3600 });
    expect(errorCodes(await gql(ME, {}, { token: early }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a token signed by another key, even under the real key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const claims = decodeJwt(await tokenFor('samordnare'));
    const kid = idpSigningKey()['kid'];
    const signedElsewhere = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(privateKey);
    expect(errorCodes(await gql(ME, {}, { token: signedElsewhere }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an HS256 token whose secret is the public key (algorithm confusion)', async () => {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = idpSigningKey();
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const claims = decodeJwt(await tokenFor('samordnare'));
    const confused = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: publicJwk['kid'] })
      .sign(secret);
    expect(errorCodes(await gql(ME, {}, { token: confused }))).toEqual(['UNAUTHENTICATED']);
  });

  it('gives a platform admin every collaboration', async () => {
    const response = await gql(ME, {}, { token: await tokenFor('admin') });
    const me = response.data?.['me'];
    expect(me.isPlatformAdmin).toBe(true);
    expect(me.access.map((a: { slug: string }) => a.slug).sort()).toEqual([
      'familjen-helsingborg',
      'sandviken',
    ]);
  });

  it('exports a public key set without private parts', async () => {
    const jwks = (await (await fetch(`${issuerUrl()}/protocol/openid-connect/certs`)).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) expect(key['d']).toBeUndefined();
  });
});
