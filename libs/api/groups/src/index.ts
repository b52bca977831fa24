export * from './models';
export * from './inputs';
export * from './group.service';
export * from './groups.module';
