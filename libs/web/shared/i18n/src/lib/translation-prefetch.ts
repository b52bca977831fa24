import type { Translation } from '@jsverse/transloco';

/** The address of a language's translations in the application's public folder. */
export function translationUrl(language: string): string {
  return `/i18n/${encodeURIComponent(language)}.json`;
}

const prefetched = new Map<string, Promise<Translation>>();

/**
 * Starts fetching a language's translations before Angular starts (main.ts, while the login
 * runs), so the application does not wait for them after it. Their loader takes the answer
 * once; a failed prefetch is not reported here: the loader then asks again.
 */
export function prefetchTranslation(language: string, fetchFn: typeof fetch = fetch): void {
  const translation = fetchFn(translationUrl(language), { headers: { Accept: 'application/json' } }).then(
    (response) => {
      if (!response.ok) throw new Error(`${translationUrl(language)} answered ${response.status}`);
      return response.json() as Promise<Translation>;
    },
  );
  translation.catch(() => undefined);
  prefetched.set(language, translation);
}

/** The prefetched translations of a language, handed out once (later loads ask the server). */
export function takePrefetchedTranslation(language: string): Promise<Translation> | undefined {
  const translation = prefetched.get(language);
  prefetched.delete(language);
  return translation;
}
