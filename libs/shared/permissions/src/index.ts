export * from './roles';
export * from './permissions';
export * from './role-binding';
export * from './platform-permissions';
