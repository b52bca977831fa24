import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
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

/**
 * Verifies bearer tokens against the issuer's published keys. Security invariants:
 * RS256 only (so `alg: none` and HMAC tokens signed with the public key are refused),
 * the exact issuer, our audience, and exp/nbf with a small clock tolerance.
 */
@Injectable()
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(AUTH_SETTINGS) private readonly settings: AuthSettings) {
    // Keycloak's URL layout; the dev IdP follows it, so no discovery round trip is needed.
    const jwksUrl = settings.jwksUrl ?? `${settings.issuerUrl}/protocol/openid-connect/certs`;
    this.keys = createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuerUrl,
        audience: this.settings.audience,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 5,
      });
      return payload as AccessTokenClaims;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw unauthenticated('The access token has expired: sign in again.');
      if (error instanceof joseErrors.JOSEError)
        throw unauthenticated('The access token is not valid: sign in again.');
      throw error;
    }
  }
}
