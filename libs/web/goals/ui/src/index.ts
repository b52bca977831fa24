export * from './lib/goal-formatting';
export * from './lib/goal-status.component';
export * from './lib/goal-chart';
export * from './lib/goal-chart.component';
export * from './lib/goal-chart-key.component';
export * from './lib/goal-table.component';
