export * from './lib/action.routes';
