import { Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { PeriodLanguage } from '@kraftsamling/shared/periods';
import { map } from 'rxjs';

function asLanguage(language: string): PeriodLanguage {
  return language === 'en' ? 'en' : 'sv';
}

/** The language shown, as a signal that follows the language switch. Call in an injection context. */
export function injectLanguage(): Signal<PeriodLanguage> {
  const transloco = inject(TranslocoService);
  return toSignal(transloco.langChanges$.pipe(map(asLanguage)), {
    initialValue: asLanguage(transloco.getActiveLang()),
  });
}

/**
 * The `lang` of an indicator's name as shown: "sv" when the English interface shows the
 * Swedish name (no English one exists, or it is the Swedish one copied), so screen readers
 * pronounce it as Swedish (WCAG 3.1.2); null where the name is in the page's language.
 */
export function indicatorNameLang(
  indicator: { nameSv: string; nameEn: string },
  language: string,
): 'sv' | null {
  return language === 'en' && (!indicator.nameEn || indicator.nameEn === indicator.nameSv) ? 'sv' : null;
}
