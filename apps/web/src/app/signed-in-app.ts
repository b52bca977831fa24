// The signed-in application (shell, router, Apollo, Material, translations) as one module,
// loaded by main.ts while the login runs: none of it, Angular included, is needed before
// there is a session.
import { getSupportedInputTypes } from '@angular/cdk/platform';
import { ApplicationRef } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { MeStore } from '@kraftsamling/web/collaborations/data-access';
import { AppConfig, AuthSession, PendingAuthSession } from '@kraftsamling/web/shared/auth';
import { ShellComponent } from '@kraftsamling/web/shell/feature';
import { appConfig } from './app.config';
import { nextTask } from './next-task';
import { readPageDataAhead } from './page-data-ahead';

/**
 * Starts the application beside a login still under way: its requests wait for the session.
 * The start is several tasks, not one: the application's injector, then the services the
 * frame needs first (Apollo's client and the question who is logged in), then the frame
 * itself. A phone's main thread is then never busy for the whole start at once, and a tap in
 * between is answered.
 */
export async function startSignedInApp(
  config: AppConfig,
  session: Promise<AuthSession>,
): Promise<ApplicationRef> {
  const application = await createApplication(appConfig(config, new PendingAuthSession(session)));
  await nextTask();
  void application.injector.get(MeStore).load();
  // The page's own data beside `me`, not after the frame and the page have been made. Its
  // code came with the page's (main.ts): a task for its import to resolve, so that the
  // requests leave before the frame's long task, but no longer should it still be on its way.
  await Promise.race([readPageDataAhead(application.injector, window.location.pathname), nextTask()]);
  await nextTask();
  // Material's text fields try 22 input types on a new element the first time one is made,
  // inside whatever drawing makes it (a sixth of drawing the indicator page with its data, in
  // a CPU profile at a phone's speed): done here, on its own.
  getSupportedInputTypes();
  await nextTask();
  application.bootstrap(ShellComponent);
  return application;
}
