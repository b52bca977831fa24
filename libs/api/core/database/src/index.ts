export * from './entities';
export * from './data-source';
export * from './seeds';
export * from './database.module';
export * from './testing';
export * from './tenant-context';
