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
