export * from './lib/language';
export * from './lib/formatting';
export * from './lib/series-table';
export * from './lib/series-table.component';
export * from './lib/chart-option';
export * from './lib/indicator-chart.component';
export * from './lib/indicator-table.component';
export * from './lib/region-text';
