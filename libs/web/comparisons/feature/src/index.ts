export * from './lib/comparison.routes';
export * from './lib/page/comparison.page';
