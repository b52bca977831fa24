export * from './graphql-limits';
export * from './introspection';
export * from './rate-limit';
