export * from './models';
export * from './inputs';
export * from './collaboration.service';
export * from './membership.service';
export * from './collaborations.module';
