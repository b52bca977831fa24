export * from './audit-log.module';
export * from './models';
