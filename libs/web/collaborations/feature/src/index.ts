export * from './lib/collaboration.routes';
export * from './lib/guards/require-permission.guard';
export * from './lib/home/collaboration-home.page';
export * from './lib/members/members.page';
export * from './lib/no-access/no-access.page';
