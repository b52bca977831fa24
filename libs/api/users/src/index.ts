export * from './me.resolver';
export * from './users.module';
