export * from './lib/accessibility-statement.page';
