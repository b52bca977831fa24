export * from './models';
export * from './inputs';
export * from './organization.service';
export * from './organizations.module';
