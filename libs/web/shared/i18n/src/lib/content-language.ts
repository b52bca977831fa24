import { Signal, computed, inject } from '@angular/core';
import { LanguageService } from './language.service';

/**
 * The `lang` of content people write in Swedish only (a collaboration's description, its
 * own indicators' names): "sv" while the interface is in another language, so screen
 * readers switch to a Swedish voice (WCAG 3.1.2); null in the Swedish interface, where
 * the page's own `lang` already says so. Call in an injection context.
 */
export function swedishContentLang(): Signal<'sv' | null> {
  const languages = inject(LanguageService);
  return computed(() => (languages.current() === 'sv' ? null : 'sv'));
}
