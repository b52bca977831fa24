export * from './lib/municipality-list.component';
export * from './lib/organization-list.component';
export * from './lib/group-list.component';
export * from './lib/role-list.component';
