export * from './access';
export * from './access.guard';
export * from './request-context';
export * from './tenant';
export * from './tenancy.module';
export * from './request-loaders';
export * from './inputs';
export * from './cached-reads.plugin';
