import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@kraftsamling/api/core/errors';
import type { Principal } from './principal';
import { TokenVerifier, type AccessTokenClaims } from './token-verifier';
import { UserProvisioning } from './user-provisioning';

/** The bits of an HTTP request authentication reads and caches on. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principalPromise?: Promise<Principal>;
  principal?: Principal;
  claimsPromise?: Promise<AccessTokenClaims>;
}

/** Authenticates a request once, however many resolvers of it ask. */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly users: UserProvisioning,
  ) {}

  authenticate(request: AuthenticatedRequest): Promise<Principal> {
    request.principalPromise ??= this.resolve(request).then((principal) => (request.principal = principal));
    return request.principalPromise;
  }

  /**
   * The request's verified token claims, without touching the database: what the rate
   * limiter keys a signed-in caller by. Verified once per request, whoever asks first.
   */
  claims(request: AuthenticatedRequest): Promise<AccessTokenClaims> {
    request.claimsPromise ??= this.verifiedClaims(request);
    return request.claimsPromise;
  }

  private async verifiedClaims(request: AuthenticatedRequest): Promise<AccessTokenClaims> {
    const header = request.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    const match = value?.match(/^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i);
    if (!match) throw unauthenticated();
    return this.verifier.verify(match[1]!);
  }

  private async resolve(request: AuthenticatedRequest): Promise<Principal> {
    return this.users.principalFor(await this.claims(request));
  }
}
