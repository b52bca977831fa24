export * from './generated/graphql';
export * from './lib/app-error';
export * from './lib/load-on-change';
export * from './lib/load-state';
export * from './lib/provide-graphql';
