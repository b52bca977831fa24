export * from './lib/models';
export * from './lib/catalogue-filter';
export * from './lib/indicator.service';
export * from './lib/ndjson';
export * from './lib/import-upload';
export * from './lib/value-entry';
export * from './lib/local-indicators';
export * from './lib/source-fetch';
