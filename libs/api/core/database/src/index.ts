export * from './schema-values';
export * from './data-source';
export * from './seeds';
export * from './database.module';
export * from './testing';
export * from './data-change-feed';
export * from './tenant-context';
