export * from './auth-config';
export * from './auth.module';
export * from './principal';
export * from './request-principal';
export * from './token-verifier';
export * from './user-provisioning';
