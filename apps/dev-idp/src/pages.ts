// Server-rendered pages of the dev IdP: login, logout confirmation, signed out, error.
// Swedish by default, English on request. They follow WCAG 2.1 AA: one <main>, a real
// <h1>, labelled fields with autocomplete tokens, errors announced through role="alert",
// visible focus, and colours with at least 4.5:1 contrast (text) and 3:1 (borders).
import { createHash } from 'node:crypto';

export type Locale = 'sv' | 'en';

const TEXT = {
  sv: {
    signInTitle: 'Logga in',
    signInIntro: 'Logga in med ditt användarnamn och lösenord.',
    username: 'Användarnamn',
    password: 'Lösenord',
    submit: 'Logga in',
    invalidCredentials: 'Fel användarnamn eller lösenord.',
    accountDisabled: 'Kontot är inaktiverat.',
    temporarilyLocked:
      'Kontot är tillfälligt låst efter för många misslyckade inloggningar. Försök igen om en stund.',
    languageNav: 'Språk',
    otherLanguage: { locale: 'en', label: 'English' },
    devNotice: 'Inloggning för utveckling och test.',
    statement: 'Tillgänglighetsredogörelse',
    logoutTitle: 'Logga ut',
    logoutQuestion: 'Vill du logga ut?',
    logoutSubmit: 'Logga ut',
    loggedOutTitle: 'Du är utloggad',
    loggedOutText: 'Du kan stänga fönstret eller gå tillbaka till tjänsten.',
    errorTitle: 'Något gick fel',
    errorText: 'Begäran kunde inte behandlas.',
    expiredTitle: 'Inloggningen har gått ut',
    expiredText: 'Gå tillbaka till tjänsten och försök logga in igen.',
  },
  en: {
    signInTitle: 'Sign in',
    signInIntro: 'Sign in with your username and password.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    invalidCredentials: 'Invalid username or password.',
    accountDisabled: 'The account is disabled.',
    temporarilyLocked:
      'The account is temporarily locked after too many failed sign-ins. Try again in a while.',
    languageNav: 'Language',
    otherLanguage: { locale: 'sv', label: 'Svenska' },
    devNotice: 'Sign-in for development and testing.',
    statement: 'Accessibility statement',
    logoutTitle: 'Sign out',
    logoutQuestion: 'Do you want to sign out?',
    logoutSubmit: 'Sign out',
    loggedOutTitle: 'You are signed out',
    loggedOutText: 'You can close this window or go back to the service.',
    errorTitle: 'Something went wrong',
    errorText: 'The request could not be processed.',
    expiredTitle: 'The sign-in has expired',
    expiredText: 'Go back to the service and try to sign in again.',
  },
} as const;

export function text(locale: Locale) {
  return TEXT[locale];
}

/**
 * Picks the page language: an explicit choice (`kc_locale`, Keycloak's parameter) wins,
 * then the first supported `ui_locales` entry, then the realm default.
 */
export function pickLocale(
  candidates: ReadonlyArray<string | undefined>,
  supported: readonly string[],
  fallback: string,
): Locale {
  const available = (supported.length > 0 ? supported : ['sv', 'en']).filter(
    (l): l is Locale => l === 'sv' || l === 'en',
  );
  for (const candidate of candidates) {
    for (const tag of (candidate ?? '').split(/\s+/)) {
      const language = tag.toLowerCase().split('-')[0] as Locale;
      if (available.includes(language)) return language;
    }
  }
  return fallback === 'en' || fallback === 'sv' ? fallback : 'sv';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Contrast (on #ffffff unless noted): text #1b1b1b 17:1, muted #4a4a4a 8.9:1, links and
// button #1a4d8f 8.4:1 (white on the button likewise), error text #8a1c1c on #fdf0f0
// 8.4:1, input borders #5c5c5c 6.7:1, focus ring #1a4d8f.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#f1f3f6}
body{margin:0;min-height:100vh;display:flex;flex-direction:column}
header,footer{padding:1rem 1.5rem}
header{display:flex;justify-content:space-between;align-items:center;background:#fff;border-bottom:1px solid #d0d4da}
.brand{margin:0;font-weight:700;font-size:1.125rem}
main{flex:1;display:flex;justify-content:center;align-items:flex-start;padding:2.5rem 1rem}
.card{width:100%;max-width:26rem;background:#fff;border:1px solid #d0d4da;border-radius:8px;padding:2rem}
h1{margin:0 0 .5rem;font-size:1.75rem;line-height:1.25}
p{margin:0 0 1rem}
.muted{color:#4a4a4a}
a{color:#1a4d8f;text-decoration:underline;text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
.field{margin:0 0 1.25rem}
label{display:block;font-weight:600;margin-bottom:.375rem}
input{display:block;width:100%;font:inherit;padding:.625rem .75rem;border:2px solid #5c5c5c;border-radius:4px;background:#fff;color:#1b1b1b}
input[aria-invalid="true"]{border-color:#8a1c1c}
button{font:inherit;font-weight:600;width:100%;padding:.75rem 1rem;border:2px solid #1a4d8f;border-radius:4px;background:#1a4d8f;color:#fff;cursor:pointer}
button:hover{background:#153e73;border-color:#153e73}
a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid #1a4d8f;outline-offset:3px}
input:focus{outline:3px solid #1a4d8f;outline-offset:1px}
.alert{margin:0 0 1.25rem;padding:.75rem 1rem;border:2px solid #8a1c1c;border-left-width:6px;border-radius:4px;background:#fdf0f0;color:#8a1c1c;font-weight:600}
footer{font-size:.875rem;color:#4a4a4a;text-align:center}
@media (prefers-reduced-motion:no-preference){button{transition:background-color .15s}}
`;

/** For the pages' Content-Security-Policy: the one inline stylesheet, by hash. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

interface LayoutOptions {
  locale: Locale;
  title: string;
  realmName: string;
  body: string;
  /** Link to the same page in the other language, when the page offers one. */
  languageHref?: string;
}

function layout({ locale, title, realmName, body, languageHref }: LayoutOptions): string {
  const t = text(locale);
  const language = languageHref
    ? `<nav aria-label="${t.languageNav}"><a href="${escapeHtml(languageHref)}" lang="${t.otherLanguage.locale}" hreflang="${t.otherLanguage.locale}">${t.otherLanguage.label}</a></nav>`
    : '';
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – ${escapeHtml(realmName)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p class="brand">${escapeHtml(realmName)}</p>${language}</header>
<main id="main"><div class="card">
${body}
</div></main>
<footer><p>${t.devNotice}</p></footer>
</body>
</html>
`;
}

export interface LoginPageOptions {
  locale: Locale;
  realmName: string;
  action: string;
  languageHref: string;
  /** the application's public accessibility statement */
  statementHref?: string;
  username?: string;
  error?: 'invalidCredentials' | 'accountDisabled' | 'temporarilyLocked';
}

export function loginPage(options: LoginPageOptions): string {
  const t = text(options.locale);
  const invalid = options.error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const alert = options.error
    ? `<div class="alert" role="alert" id="login-error">${t[options.error]}</div>\n`
    : '';
  const username = escapeHtml(options.username ?? '');
  // Focus goes where the user has to act: the username first, the password after an error.
  const focusUsername = options.error ? '' : ' autofocus';
  const focusPassword = options.error ? ' autofocus' : '';
  const body = `<h1>${t.signInTitle}</h1>
<p class="muted">${t.signInIntro}</p>
${alert}<form method="post" action="${escapeHtml(options.action)}" novalidate>
<div class="field"><label for="username">${t.username}</label>
<input id="username" name="username" type="text" value="${username}" autocomplete="username" autocapitalize="none" spellcheck="false" required${invalid}${focusUsername}></div>
<div class="field"><label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${focusPassword}></div>
<button type="submit">${t.submit}</button>
</form>${options.statementHref ? `\n<p class="muted"><a href="${escapeHtml(options.statementHref)}">${t.statement}</a></p>` : ''}`;
  return layout({
    locale: options.locale,
    title: t.signInTitle,
    realmName: options.realmName,
    body,
    languageHref: options.languageHref,
  });
}

export function logoutConfirmPage(locale: Locale, realmName: string, form: string): string {
  const t = text(locale);
  const body = `<h1>${t.logoutTitle}</h1>
<p>${t.logoutQuestion}</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">${t.logoutSubmit}</button>`;
  return layout({ locale, title: t.logoutTitle, realmName, body });
}

export function loggedOutPage(locale: Locale, realmName: string): string {
  const t = text(locale);
  return layout({
    locale,
    title: t.loggedOutTitle,
    realmName,
    body: `<h1>${t.loggedOutTitle}</h1>\n<p>${t.loggedOutText}</p>`,
  });
}

export function errorPage(
  locale: Locale,
  realmName: string,
  detail?: { error?: string; description?: string },
  kind: 'error' | 'expired' = 'error',
): string {
  const t = text(locale);
  const title = kind === 'expired' ? t.expiredTitle : t.errorTitle;
  const lead = kind === 'expired' ? t.expiredText : t.errorText;
  const specifics = detail?.error
    ? `<p class="muted"><code>${escapeHtml(detail.error)}</code>${detail.description ? `: ${escapeHtml(detail.description)}` : ''}</p>`
    : '';
  return layout({ locale, title, realmName, body: `<h1>${title}</h1>\n<p>${lead}</p>\n${specifics}` });
}
