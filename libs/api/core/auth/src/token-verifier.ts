import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { unauthenticated } from '@kraftsamling/api/core/errors';
import { AUTH_SETTINGS, type AuthSettings } from './auth-config';

/** The claims the product reads from a Keycloak access token. */
export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  preferred_username?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  email_verified?: boolean;
  azp?: string;
  realm_access?: { roles?: string[] };
}

const CLOCK_TOLERANCE_SECONDS = 5;
/** How many verified tokens are remembered (about 1 KiB each): several per signed-in user. */
const REMEMBERED_TOKENS = 5_000;

/**
 * Verifies bearer tokens against the issuer's published keys. Security invariants:
 * RS256 only (so `alg: none` and HMAC tokens signed with the public key are refused),
 * the exact issuer, our audience, exp/nbf with a small clock tolerance, Keycloak's
 * `typ: "Bearer"` (an ID or refresh token signed by the same key is not an access token)
 * and an `iat` not in the future (a token minted ahead of time would outlive its `exp`).
 */
@Injectable()
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  /**
   * Tokens whose signature and claims were checked, until they expire. A browser sends the
   * same token with every request for minutes; checking its RSA signature each time was a
   * fifth of the work of a cached read. A token is immutable, so what held for it still
   * holds, except time: its expiry is checked on every use. (A key the issuer withdraws stops
   * new tokens, not ones already accepted: the same as the key set's own ten-minute cache.)
   */
  private readonly verified = new LRUCache<string, Readonly<AccessTokenClaims>>({ max: REMEMBERED_TOKENS });

  constructor(@Inject(AUTH_SETTINGS) private readonly settings: AuthSettings) {
    // Keycloak's URL layout; the dev IdP follows it, so no discovery round trip is needed.
    const jwksUrl = settings.jwksUrl ?? `${settings.issuerUrl}/protocol/openid-connect/certs`;
    this.keys = createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
  }

  async verify(token: string): Promise<Readonly<AccessTokenClaims>> {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp! + CLOCK_TOLERANCE_SECONDS > Date.now() / 1000) return known;
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuerUrl,
        audience: this.settings.audience,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      if (payload['typ'] !== 'Bearer')
        throw unauthenticated('The token is not an access token (its typ is not Bearer): sign in again.');
      if (payload.iat! > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS)
        throw unauthenticated(
          'The access token was issued in the future: sign in again (if it persists, the identity provider’s clock is wrong).',
        );
      const claims = Object.freeze(payload as AccessTokenClaims);
      this.verified.set(token, claims);
      return claims;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw unauthenticated('The access token has expired: sign in again.');
      if (error instanceof joseErrors.JOSEError)
        throw unauthenticated('The access token is not valid: sign in again.');
      throw error;
    }
  }
}
