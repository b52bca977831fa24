export * from './measure';
export * from './aggregate';
export * from './goals';
export * from './comparisons';
export * from './comparison';
