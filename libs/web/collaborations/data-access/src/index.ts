export * from './lib/models';
export * from './lib/collaboration.service';
export * from './lib/me.store';
