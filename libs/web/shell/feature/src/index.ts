export * from './lib/shell.component';
export * from './lib/language-switch.component';
export * from './lib/collaboration-switcher.component';
export * from './lib/user-menu.component';
export * from './lib/start.guard';
export * from './lib/start.page';
export * from './lib/not-found.page';
export * from './lib/public-shell.component';
