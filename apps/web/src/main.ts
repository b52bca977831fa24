import { loadAppConfig, returnsFromLogin, startKeycloakSession } from '@kraftsamling/web/shared/auth/start';
import { prefetchTranslation, storedLanguage } from '@kraftsamling/web/shared/i18n/languages';
import { importInStages } from './app/import-in-stages';
import { nextTask } from './app/next-task';
import { prefetchPageCode } from './app/page-code';
import { isPublicPath } from './app/public-path';
import { warmUpWhileLeaving } from './app/warm-up-while-leaving';

/**
 * Start order: runtime configuration, then the login and Angular side by side. A page load
 * without a session goes to the identity provider (which sends a signed-in person straight
 * back, and shows anyone else the login page in their language) and comes back here; then
 * the application starts while keycloak-js exchanges the code for tokens: it fetches the
 * page's code and asks for its data, which waits for the token. The frame stays hidden until
 * it knows who is logged in (ShellComponent). The public pages (the accessibility statement)
 * start without a login.
 *
 * The initial bundle holds only what the start needs (keycloak-js and the configuration's
 * reader, no Angular: a load that ends in a redirect to the login runs little). The
 * application itself (Angular, shell, router, Apollo, Material), the code of the page at this
 * address and the translations are fetched from the first moment, in parallel with the
 * configuration (which index.html preloads) and the login's round trips; the return from the
 * login finds them kept and evaluates Angular's own packages a task before the rest.
 */
async function start(): Promise<void> {
  // The translations from the first moment too: the application waits for them before it draws anything.
  prefetchTranslation(storedLanguage());
  if (isPublicPath(window.location.pathname)) {
    const [config, app] = await Promise.all([loadAppConfig(), import('./app/public-app')]);
    await app.startPublicApp(config);
    return;
  }
  const signedInApp = loadSignedInApp();
  // A failed fetch of the application is reported below, not as an unhandled rejection before it.
  signedInApp.catch(() => undefined);
  const config = await loadAppConfig();
  // A load without a session leaves for the login: the wait does work the page it comes back to needs.
  const stayed = warmUpWhileLeaving(storedLanguage() === 'en' ? 'en-GB' : 'sv-SE');
  const session = startKeycloakSession(config.oidc, () => storedLanguage());
  session.then(stayed, () => undefined);
  // A login that fails before the application has arrived is reported at once.
  const app = await Promise.race([signedInApp, session.then(() => signedInApp)]);
  // Angular starts in a task of its own, not in the one that ran the application's modules:
  // two shorter stretches instead of one long one, and a tap in between is answered.
  await nextTask();
  const application = await app.startSignedInApp(config, session);
  try {
    await session;
  } catch (error) {
    // The login service could not be reached: the application stops and the start error shows.
    application.destroy();
    throw error;
  }
}

/**
 * The signed-in application and the page's code. A load that leaves for the login asks for
 * them at once, so that they arrive (and are kept) while it waits. The return from the login
 * finds them kept, and evaluates them in stages: Angular's own packages first, in a task of
 * their own, then the rest (the application's modules were one task of up to 75 ms on the
 * return, 300 on Lighthouse's phone).
 */
function loadSignedInApp() {
  return importInStages(
    returnsFromLogin(window.location.hash) ? [() => import('./app/framework')] : [],
    () => {
      // The page's own code beside the application's, not after it has arrived and run.
      prefetchPageCode(window.location.pathname);
      return import('./app/signed-in-app');
    },
  );
}

start().catch((error: unknown) => {
  console.error('Kraftsamling could not start', error);
  document.querySelector('.ks-boot[role="status"]')?.remove();
  document.getElementById('startup-error')?.removeAttribute('hidden');
});
