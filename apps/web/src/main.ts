import { bootstrapApplication } from '@angular/platform-browser';
import { loadAppConfig, startKeycloakSession } from '@kraftsamling/web/shared/auth';
import { storedLanguage } from '@kraftsamling/web/shared/i18n/languages';
import { isPublicPath } from './app/public-path';

/**
 * Start order: runtime configuration, then login (an anonymous user goes to the login
 * page in their language and comes back here), then Angular. The public pages (the
 * accessibility statement) start without a login.
 *
 * The initial bundle holds only what the login needs (Angular's core, keycloak-js). The
 * application itself (shell, router, Apollo, Material, translations) is fetched from the
 * first moment but in parallel with the configuration and the login's round trips, and an
 * anonymous visitor is sent to the login page without waiting for it.
 */
async function start(): Promise<void> {
  if (isPublicPath(window.location.pathname)) {
    const [config, app] = await Promise.all([loadAppConfig(), import('./app/public-app')]);
    await bootstrapApplication(app.PublicShellComponent, app.publicAppConfig(config));
    return;
  }
  const signedInApp = import('./app/signed-in-app');
  // A failed fetch of the application is reported after the login, not as an unhandled rejection before it.
  signedInApp.catch(() => undefined);
  const config = await loadAppConfig();
  const session = await startKeycloakSession(config.oidc, () => storedLanguage());
  const app = await signedInApp;
  await bootstrapApplication(app.ShellComponent, app.appConfig(config, session));
}

start().catch((error: unknown) => {
  console.error('Kraftsamling could not start', error);
  document.querySelector('.ks-boot[role="status"]')?.remove();
  document.getElementById('startup-error')?.removeAttribute('hidden');
});
