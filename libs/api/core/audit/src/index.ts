export * from './audit-writer';
export * from './audit-log-reader';
export * from './audit.module';
