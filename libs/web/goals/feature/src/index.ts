export * from './lib/goal.routes';
export * from './lib/overview/goal-overview.page';
export * from './lib/goal/goal.page';
export * from './lib/editor/goal-editor.page';
