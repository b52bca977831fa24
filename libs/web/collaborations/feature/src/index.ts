export * from './lib/collaboration.routes';
export * from './lib/guards/require-permission.guard';
export * from './lib/home/collaboration-home.page';
export * from './lib/members/members.page';
export * from './lib/no-access/no-access.page';
// The submit flow and field-error helpers of the member forms, for other features' forms.
export * from './lib/members/server-validated-form';
export * from './lib/members/form-errors';
export * from './lib/members/form-error.component';
export * from './lib/members/form-imports';
