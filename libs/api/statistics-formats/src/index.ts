export * from './model';
export * from './jsonstat';
export * from './pxweb-v1';
export * from './kolada';
export * from './template';
export * from './af';
export * from './municipality-names';
export * from './parse-job';
