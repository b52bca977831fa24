export * from './periods';
export * from './sources';
export * from './labels';
