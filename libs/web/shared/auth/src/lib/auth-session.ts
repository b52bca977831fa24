/** Who is logged in, as the identity provider's token says. */
export interface AuthUser {
  id: string;
  name: string;
  username?: string;
  email?: string;
}

/**
 * The logged-in session. Components and the GraphQL link depend on this abstraction,
 * not on keycloak-js, so tests can hand in a fake.
 */
export abstract class AuthSession {
  abstract readonly user: AuthUser;
  /** A valid access token, refreshed if it expires within 30 seconds; logs in again if it cannot. */
  abstract accessToken(): Promise<string>;
  abstract logout(): Promise<void>;
}
