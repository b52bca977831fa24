// The routes alone: each page is loaded when opened (collaboration.routes.ts), which a
// static export of the pages here would undo.
export * from './lib/collaboration.routes';
