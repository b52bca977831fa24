export interface AuthSettings {
  /** The OIDC issuer, e.g. http://localhost:8080/realms/kraftsamling (Keycloak or the dev IdP). */
  issuerUrl: string;
  /** The audience every access token must carry (Keycloak adds it with an audience mapper). */
  audience: string;
}

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
