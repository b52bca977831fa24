/**
 * Work a browser does once per renderer process, the first time a page asks for it, done while
 * a page waits for the identity provider. Every load of the signed-in application goes there
 * and comes back (keycloak-js `login-required`), and the page it comes back to runs in the same
 * process when the identity provider is on the same site, so it finds this done.
 *
 * Measured in Debian's Chromium (a page, then another of the same site in the same tab): the
 * probe of 22 input types that Material's text fields make once (CDK `getSupportedInputTypes`,
 * the date types above all) took 27–57 ms on the first page and 1–2 ms on the next; the first
 * `Intl` formatter about 20 ms, then a fraction of a millisecond. On the return from the login
 * the probe was a task of 48 ms of its own, which a phone's four times slower processor makes
 * a long one.
 */
export function warmUpWhileLeaving(locale: string, target: Window = window): () => void {
  const leaving = () => target.setTimeout(() => warmUp(target.document, locale));
  target.addEventListener('beforeunload', leaving, { once: true });
  // Once there is a session the page stays: no listener lingers (Firefox keeps no page with
  // one in its back-forward cache).
  return () => target.removeEventListener('beforeunload', leaving);
}

/** The input types the CDK's platform probe tries (`@angular/cdk/platform`). */
const INPUT_TYPES = [
  'color',
  'button',
  'checkbox',
  'date',
  'datetime-local',
  'email',
  'file',
  'hidden',
  'image',
  'month',
  'number',
  'password',
  'radio',
  'range',
  'reset',
  'search',
  'submit',
  'tel',
  'text',
  'time',
  'url',
  'week',
] as const;

function warmUp(document: Document, locale: string): void {
  const input = document.createElement('input');
  for (const type of INPUT_TYPES) input.setAttribute('type', type);
  // The formatters the pages make first: numbers, dates and the Swedish order of names.
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(1.5);
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(0);
  new Intl.Collator('sv', { numeric: true }).compare('Å', 'Ä');
}
