export * from './graphql-ws-transport';
export * from './live-events';
export * from './live.module';
