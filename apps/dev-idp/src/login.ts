// The login interaction: oidc-provider sends the browser here when it needs the user to
// sign in (`/realms/<realm>/login-actions/authenticate/<uid>`, Keycloak's path prefix).
// There is no consent step: the realm's clients are first-party, as in Keycloak without
// "consent required", so any consent prompt is granted at once.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import { ACR_PASSWORD } from './provider';
import { readForm, sendHtml } from './http-util';
import { errorPage, loginPage, pickLocale, type Locale, type LoginPageOptions } from './pages';
import type { BruteForceProtector } from './brute-force';
import type { Realm } from './realm';

export interface LoginDeps {
  provider: Provider;
  realm: Realm;
  bruteForce: BruteForceProtector;
  mountPath: string;
}

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

const PATH = /^\/login-actions\/authenticate\/([A-Za-z0-9_-]{1,64})$/;

function param(interaction: Interaction, name: string): string | undefined {
  const value = interaction.params[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The application's accessibility statement, which anyone may read without signing in: at
 * /tillganglighet of the origin the login returns to (the client's registered redirect URI).
 */
export function statementHref(redirectUri: string | undefined): string | undefined {
  if (!redirectUri) return undefined;
  try {
    return new URL('/tillganglighet', redirectUri).href;
  } catch {
    return undefined;
  }
}

export async function handleLoginAction(
  req: IncomingMessage,
  res: ServerResponse,
  subPath: string,
  url: URL,
  deps: LoginDeps,
): Promise<void> {
  const { provider, realm, mountPath } = deps;
  const fallbackLocale = pickLocale(
    [url.searchParams.get('kc_locale') ?? undefined],
    realm.supportedLocales,
    realm.defaultLocale,
  );
  const uid = PATH.exec(subPath)?.[1];
  if (!uid) {
    sendHtml(res, 404, errorPage(fallbackLocale, realm.displayName, { error: 'not_found' }));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    sendHtml(res, 405, errorPage(fallbackLocale, realm.displayName, { error: 'method_not_allowed' }));
    return;
  }

  let interaction: Interaction;
  try {
    interaction = await provider.interactionDetails(req, res);
  } catch (error) {
    if (error instanceof errors.SessionNotFound) {
      sendHtml(res, 400, errorPage(fallbackLocale, realm.displayName, undefined, 'expired'));
      return;
    }
    throw error;
  }
  // The interaction cookie names the login in progress; the URL must name the same one.
  if (interaction.uid !== uid) {
    sendHtml(res, 400, errorPage(fallbackLocale, realm.displayName, undefined, 'expired'));
    return;
  }

  const locale: Locale = pickLocale(
    [
      url.searchParams.get('kc_locale') ?? undefined,
      param(interaction, 'kc_locale'),
      param(interaction, 'ui_locales'),
    ],
    realm.supportedLocales,
    realm.defaultLocale,
  );
  const self = `${mountPath}/login-actions/authenticate/${uid}`;
  const otherLocale: Locale = locale === 'sv' ? 'en' : 'sv';
  const page = (extra: { username?: string; error?: LoginPageOptions['error'] } = {}) =>
    loginPage({
      locale,
      realmName: realm.displayName,
      action: `${self}?kc_locale=${locale}`,
      languageHref: `${self}?kc_locale=${otherLocale}`,
      statementHref: statementHref(param(interaction, 'redirect_uri')),
      ...extra,
    });

  if (interaction.prompt.name === 'consent') {
    const grant = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : new provider.Grant({
          accountId: interaction.session?.accountId,
          clientId: param(interaction, 'client_id'),
        });
    if (!grant) throw new Error('the interaction refers to a grant that no longer exists');
    const realmClient = realm.client(grant.clientId ?? '');
    const scopes = realmClient ? realm.allowedScopeNames(realmClient) : ['openid'];
    grant.addOIDCScope(scopes);
    const details = interaction.prompt.details as { missingResourceScopes?: Record<string, string[]> };
    for (const resource of Object.keys(details.missingResourceScopes ?? {}))
      grant.addResourceScope(resource, scopes);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  if (interaction.prompt.name !== 'login') {
    sendHtml(res, 400, errorPage(locale, realm.displayName, { error: 'unsupported_prompt' }));
    return;
  }

  if (req.method === 'GET') {
    sendHtml(res, 200, page({ username: param(interaction, 'login_hint') }));
    return;
  }

  const form = await readForm(req);
  const username = (form.get('username') ?? '').trim();
  const user = realm.userByUsername(username);
  const check = deps.bruteForce.check(user, form.get('password') ?? '');
  if (check !== 'ok' || !user) {
    sendHtml(res, 200, page({ username, error: check === 'ok' ? 'invalidCredentials' : check }));
    return;
  }
  if (!user.enabled) {
    sendHtml(res, 200, page({ username, error: 'accountDisabled' }));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    // remember: false keeps the session cookie a browser-session cookie, as Keycloak's
    // is without "remember me".
    { login: { accountId: user.id, acr: ACR_PASSWORD, amr: ['pwd'], remember: false } },
    { mergeWithLastSubmission: false },
  );
}
