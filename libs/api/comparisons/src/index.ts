export * from './models';
export * from './inputs';
export * from './comparison-cost';
export * from './comparison.service';
export * from './peer-set.service';
export * from './comparisons.module';
export * from './published-peer-groups';
