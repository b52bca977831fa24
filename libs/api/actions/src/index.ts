export * from './models';
export * from './inputs';
export * from './outcome-rules';
export * from './indicator-feed';
export * from './action.service';
export * from './actions.module';
export * from './demo-actions.seed';
