// What main.ts needs before Angular starts: the runtime configuration, the login and the
// session the application is handed. Nothing here imports Angular, so the first script a
// page load runs (and the only one before a redirect to the login) stays small.
export * from './lib/app-config';
export * from './lib/auth-session';
export * from './lib/keycloak-session';
export * from './lib/start-keycloak';
export * from './lib/pending-session';
