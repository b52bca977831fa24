export * from './reference-data.seed';
export * from './demo.seed';
export * from './demo-data';
