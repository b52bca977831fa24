export * from './lib/comparison-table';
export * from './lib/comparison-chart-option';
export * from './lib/comparison-chart.component';
export * from './lib/comparison-table.component';
