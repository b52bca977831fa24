// The routes alone: each page is loaded when it is opened (indicator.routes.ts), which a
// static export of the pages here would undo.
export * from './lib/indicator.routes';
