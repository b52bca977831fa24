import { jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { TokenVerifier } from './token-verifier';

/**
 * The verifier against a real key set served over HTTP and tokens signed with its key: the
 * checks themselves are covered end to end (apps/api-e2e/src/auth.spec.ts); here, what it
 * remembers of a token it has checked.
 */
describe('TokenVerifier', () => {
  const issuer = 'http://issuer.test/realms/kraftsamling';
  const audience = 'kraftsamling-api';
  let server: Server;
  let privateKey: CryptoKey;
  let verifier: TokenVerifier;
  let keySetReads = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_request, response) => {
      keySetReads++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    verifier = new TokenVerifier({ issuerUrl: issuer, audience, jwksUrl: `http://127.0.0.1:${port}/certs` });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  afterEach(() => jest.useRealTimers());

  const token = (claims: Record<string, unknown>, expiresAt: number) =>
    new SignJWT({ typ: 'Bearer', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('subject-1')
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(privateKey);
  const now = () => Math.floor(Date.now() / 1000);
  /** Moves only the clock (the key set server and jose's promises keep running). */
  const clockAt = (epochSeconds: number) =>
    jest.useFakeTimers({
      now: epochSeconds * 1000,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });

  it('remembers a token it has checked: the second use gives the same frozen claims without checking again', async () => {
    const signed = await token({ preferred_username: 'first' }, now() + 300);
    const first = await verifier.verify(signed);
    const second = await verifier.verify(signed);
    expect(first.preferred_username).toBe('first');
    expect(second).toBe(first);
    expect(Object.isFrozen(second)).toBe(true);
    expect(keySetReads).toBe(1);
  });

  it('refuses a remembered token once it has expired', async () => {
    const expiresAt = now() + 60;
    const signed = await token({ preferred_username: 'second' }, expiresAt);
    await expect(verifier.verify(signed)).resolves.toMatchObject({ preferred_username: 'second' });
    clockAt(expiresAt + 6);
    await expect(verifier.verify(signed)).rejects.toThrow('The access token has expired: sign in again.');
  });

  it('does not remember a token it refused', async () => {
    const signed = await new SignJWT({ typ: 'Bearer' })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setIssuer(issuer)
      .setAudience('another-api')
      .setSubject('subject-1')
      .setIssuedAt()
      .setExpirationTime(now() + 300)
      .sign(privateKey);
    await expect(verifier.verify(signed)).rejects.toThrow('The access token is not valid: sign in again.');
    await expect(verifier.verify(signed)).rejects.toThrow('The access token is not valid: sign in again.');
  });
});
