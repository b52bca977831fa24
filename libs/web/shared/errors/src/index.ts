export * from './lib/app-error';
export * from './lib/load-state';
