export * from './lib/models';
export * from './lib/comparison-state';
export * from './lib/comparison.service';
