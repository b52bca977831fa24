// The signed-in application (shell, router, Apollo, Material, translations) as one module,
// loaded by main.ts while the login runs: none of it is needed before there is a session.
export { ShellComponent } from '@kraftsamling/web/shell/feature';
export { appConfig } from './app.config';
