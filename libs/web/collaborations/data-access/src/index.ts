export * from './lib/models';
export * from './lib/collaboration.service';
export * from './lib/me.store';
export * from './lib/audit-log.service';
export * from './lib/require-permission.guard';
