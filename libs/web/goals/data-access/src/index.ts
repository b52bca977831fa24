export * from './lib/models';
export * from './lib/goal.service';
export * from './lib/goal-table';
