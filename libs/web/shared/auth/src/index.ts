export * from './start';
export * from './lib/app-config.token';
export * from './lib/auth-providers';
