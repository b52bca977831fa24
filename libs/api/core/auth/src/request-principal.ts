import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@kraftsamling/api/core/errors';
import type { Principal } from './principal';
import { TokenVerifier } from './token-verifier';
import { UserProvisioning } from './user-provisioning';

/** The bits of an HTTP request authentication reads and caches on. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principalPromise?: Promise<Principal>;
  principal?: Principal;
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

  private async resolve(request: AuthenticatedRequest): Promise<Principal> {
    const header = request.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    const match = value?.match(/^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i);
    if (!match) throw unauthenticated();
    const claims = await this.verifier.verify(match[1]!);
    return this.users.principalFor(claims);
  }
}
