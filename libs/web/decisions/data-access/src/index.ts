export * from './lib/models';
export * from './lib/decision.service';
