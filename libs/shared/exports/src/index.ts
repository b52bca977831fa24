export * from './formula-injection';
export * from './table-export';
