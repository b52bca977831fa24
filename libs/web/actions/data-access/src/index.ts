export * from './lib/models';
export * from './lib/action.service';
export * from './lib/formatting';
