export * from './lib/indicator.routes';
export * from './lib/catalogue/indicator-catalogue.page';
export * from './lib/indicator/indicator.page';
export * from './lib/import/import.page';
export * from './lib/history/import-history.page';
export * from './lib/entry/value-entry.page';
export * from './lib/shared/indicator-no-access.page';
export * from './lib/shared/indicator-links.component';
