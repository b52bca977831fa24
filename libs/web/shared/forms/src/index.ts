export * from './lib/server-validated-form';
export * from './lib/form-errors';
export * from './lib/form-error.component';
export * from './lib/form-imports';
