export type { JsonInput } from './json-input';
export * from './decode';
export { SCB_CONTENTS, SCB_REGION, SCB_TIME } from './scb-mapping';
export type { ScbParseOptions } from './scb-mapping';
export * from './parse-jsonstat';
export * from './scb-metadata';
