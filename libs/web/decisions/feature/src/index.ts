export * from './lib/decision.routes';
export * from './lib/decision-log.page';
