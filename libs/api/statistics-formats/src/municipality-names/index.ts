export * from './municipality-matcher';
export * from './reference-csv';
export { exactKey, foldedKey } from './name-keys';
