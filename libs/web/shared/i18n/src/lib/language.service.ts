import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_LANGUAGE, Language, rememberLanguage, storedLanguage } from './languages';

/** The active language: switches Transloco, remembers the choice and keeps `<html lang>` true. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly active = signal<Language>(DEFAULT_LANGUAGE);

  /** The language currently shown. */
  readonly current = this.active.asReadonly();

  /** Starts in the remembered language; resolves once its translations are loaded. */
  async init(): Promise<void> {
    await this.use(storedLanguage());
  }

  /** Switches the whole UI (no reload) and waits for the translations to be loaded. */
  async use(language: Language): Promise<void> {
    await firstValueFrom(this.transloco.load(language));
    this.transloco.setActiveLang(language);
    this.active.set(language);
    rememberLanguage(language);
    // Screen readers pick their voice from the lang attribute.
    this.document.documentElement.lang = language;
  }
}
