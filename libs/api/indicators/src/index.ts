export * from './catalogue';
export * from './catalogue.seed';
export * from './indicator-importer';
