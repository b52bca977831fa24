export * from './lib/collaboration.routes';
export * from './lib/home/collaboration-home.page';
export * from './lib/members/members.page';
