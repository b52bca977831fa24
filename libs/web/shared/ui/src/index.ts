export * from './lib/loading-state.component';
export * from './lib/error-state.component';
export * from './lib/no-access.page';
export * from './lib/page-state.component';
export * from './lib/download';
export * from './lib/draw-in-slices';
export * from './lib/native-options.directive';
