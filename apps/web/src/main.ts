import { bootstrapApplication } from '@angular/platform-browser';
import { loadAppConfig, startKeycloakSession } from '@kraftsamling/web/shared/auth';
import { storedLanguage } from '@kraftsamling/web/shared/i18n';
import { ShellComponent } from '@kraftsamling/web/shell/feature';
import { appConfig } from './app/app.config';

/**
 * Start order: runtime configuration, then login (an anonymous user goes to the login
 * page in their language and comes back here), then Angular.
 */
async function start(): Promise<void> {
  const config = await loadAppConfig();
  const session = await startKeycloakSession(config.oidc, () => storedLanguage());
  await bootstrapApplication(ShellComponent, appConfig(config, session));
}

start().catch((error: unknown) => {
  console.error('Kraftsamling could not start', error);
  document.querySelector('.ks-boot[role="status"]')?.remove();
  document.getElementById('startup-error')?.removeAttribute('hidden');
});
