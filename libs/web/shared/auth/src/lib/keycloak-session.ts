import type Keycloak from 'keycloak-js';
import type { KeycloakTokenParsed } from 'keycloak-js';
import { AuthSession, AuthUser } from './auth-session';

/** The part of keycloak-js the session uses. */
export type KeycloakLike = Pick<Keycloak, 'token' | 'tokenParsed' | 'updateToken' | 'login' | 'logout'>;

/** Seconds of validity below which a token is refreshed before a request. */
export const MIN_TOKEN_VALIDITY_SECONDS = 30;

export class KeycloakAuthSession extends AuthSession {
  constructor(
    private readonly keycloak: KeycloakLike,
    private readonly locale: () => string,
    private readonly origin: string = location.origin,
  ) {
    super();
  }

  get user(): AuthUser {
    const token = (this.keycloak.tokenParsed ?? {}) as KeycloakTokenParsed & {
      name?: string;
      email?: string;
      preferred_username?: string;
    };
    return {
      id: token.sub ?? '',
      name: token.name ?? token.preferred_username ?? token.email ?? '',
      username: token.preferred_username,
      email: token.email,
    };
  }

  async accessToken(): Promise<string> {
    try {
      await this.keycloak.updateToken(MIN_TOKEN_VALIDITY_SECONDS);
    } catch {
      // The refresh token has expired or the session ended at the identity provider:
      // only a new login helps. login() navigates away, so this promise never settles.
      await this.keycloak.login({ locale: this.locale() });
      return new Promise<string>(() => undefined);
    }
    if (!this.keycloak.token) throw new Error('No access token after refresh');
    return this.keycloak.token;
  }

  async logout(): Promise<void> {
    await this.keycloak.logout({ redirectUri: `${this.origin}/` });
  }
}
