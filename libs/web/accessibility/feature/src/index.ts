export * from './lib/accessibility-statement.page';
export * from './lib/statement-config';
