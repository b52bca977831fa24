import { bootstrapApplication } from '@angular/platform-browser';
import { loadAppConfig, startKeycloakSession } from '@kraftsamling/web/shared/auth';
import { storedLanguage } from '@kraftsamling/web/shared/i18n';
import { PublicShellComponent, ShellComponent } from '@kraftsamling/web/shell/feature';
import { appConfig } from './app/app.config';
import { isPublicPath, publicAppConfig } from './app/public.config';

/**
 * Start order: runtime configuration, then login (an anonymous user goes to the login
 * page in their language and comes back here), then Angular. The public pages (the
 * accessibility statement) start without a login.
 */
async function start(): Promise<void> {
  const config = await loadAppConfig();
  if (isPublicPath(window.location.pathname)) {
    await bootstrapApplication(PublicShellComponent, publicAppConfig(config));
    return;
  }
  const session = await startKeycloakSession(config.oidc, () => storedLanguage());
  await bootstrapApplication(ShellComponent, appConfig(config, session));
}

start().catch((error: unknown) => {
  console.error('Kraftsamling could not start', error);
  document.querySelector('.ks-boot[role="status"]')?.remove();
  document.getElementById('startup-error')?.removeAttribute('hidden');
});
