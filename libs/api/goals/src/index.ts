export * from './models';
export * from './inputs';
export * from './baselines';
export * from './goal.service';
export * from './goal-progress.service';
export * from './decision.service';
export * from './goals.module';
export * from './demo-goals.seed';
