// The routes alone: the members' and audit log's pages are loaded when opened
// (collaboration.routes.ts), which a static export of them here would undo.
export * from './lib/collaboration.routes';
