export * from './lib/app-config';
export * from './lib/auth-session';
export * from './lib/keycloak-session';
export * from './lib/start-keycloak';
export * from './lib/pending-session';
