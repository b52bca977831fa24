// Test helpers: Transloco with the product's real translations, loaded synchronously.
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from './i18n/en.json';
import sv from './i18n/sv.json';
import { LANGUAGES, Language } from './lib/languages';

export const TRANSLATIONS = { sv, en } as const;

/** Import into a TestBed: real translations, Swedish unless told otherwise. */
export function translocoTesting(language: Language = 'sv') {
  return TranslocoTestingModule.forRoot({
    langs: { sv, en },
    translocoConfig: {
      availableLangs: [...LANGUAGES],
      defaultLang: language,
      fallbackLang: 'sv',
      reRenderOnLangChange: true,
      missingHandler: { logMissingKey: false },
    },
    preloadLangs: true,
  });
}
