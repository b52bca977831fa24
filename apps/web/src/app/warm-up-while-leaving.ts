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
 *
 * Each piece is a task of its own. Done in one, the warm-up was a task of 60–250 ms (the
 * slower for the navigation and the servers sharing the processor); Lighthouse's phone
 * simulation made it up to a second long and, on a slower machine, placed it across the first
 * paint, where it counted up to 800 ms of blocking time (docs/benchmarks.md). A piece the
 * page does not reach before the next one commits is simply not done.
 */
export function warmUpWhileLeaving(locale: string, target: Window = window): () => void {
  const leaving = () => inSeparateTasks(warmUpSteps(target.document, locale), target);
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

/**
 * The warm-up's pieces, each short enough for a task of its own, the costliest first: a piece
 * the page does not reach before it is replaced is not done.
 */
function warmUpSteps(document: Document, locale: string): (() => void)[] {
  const input = document.createElement('input');
  return [
    // The first date type sets up Chromium's date fields: 20–30 ms, most of the probe.
    () => input.setAttribute('type', 'date'),
    // The first formatter loads ICU's data for the locale: 15–25 ms.
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(1.5),
    // One type a task: in a profiled Lighthouse run the other types together took as long as
    // the number format (176 ms).
    ...INPUT_TYPES.filter((type) => type !== 'date').map((type) => () => input.setAttribute('type', type)),
    // The other formatters the pages make first: dates and the Swedish order of names.
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(0),
    () => new Intl.Collator('sv', { numeric: true }).compare('Å', 'Ä'),
  ];
}

/** Runs each step in a timer task of its own, one after the other. */
function inSeparateTasks(steps: (() => void)[], target: Window): void {
  const [step, ...rest] = steps;
  if (!step) return;
  target.setTimeout(() => {
    step();
    inSeparateTasks(rest, target);
  });
}
