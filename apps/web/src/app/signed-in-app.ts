// The signed-in application (shell, router, Apollo, Material, translations) as one module,
// loaded by main.ts while the login runs: none of it, Angular included, is needed before
// there is a session.
import { ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppConfig, AuthSession, PendingAuthSession } from '@kraftsamling/web/shared/auth';
import { ShellComponent } from '@kraftsamling/web/shell/feature';
import { appConfig } from './app.config';
import { appRoutes } from './app.routes';
import { prefetchRoute } from './route-prefetch';

/** Starts the application beside a login still under way: its requests wait for the session. */
export function startSignedInApp(config: AppConfig, session: Promise<AuthSession>): Promise<ApplicationRef> {
  return bootstrapApplication(ShellComponent, appConfig(config, new PendingAuthSession(session)));
}

/** Fetches the code of the page at this address now, while the login and Angular's start run. */
export function prefetchPage(pathname: string): void {
  void prefetchRoute(appRoutes, pathname);
}
