export interface AuthSettings {
  /** The OIDC issuer, e.g. http://localhost:8080/realms/kraftsamling (Keycloak or the dev IdP). */
  issuerUrl: string;
  /**
   * Where to fetch the issuer's signing keys, when the API reaches the identity provider
   * at another address than the browser does (e.g. inside a container network).
   * Defaults to Keycloak's certs endpoint under the issuer.
   */
  jwksUrl?: string;
  /** The audience every access token must carry (Keycloak adds it with an audience mapper). */
  audience: string;
}

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
