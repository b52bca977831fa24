import type { IndicatorSource } from '@kraftsamling/web/shared/graphql';
import { Indicator, IndicatorLanguage, indicatorName } from './models';

/** What the catalogue is filtered by; empty values mean "any". */
export interface CatalogueFilter {
  search: string;
  theme: string | null;
  source: IndicatorSource | null;
}

export const NO_FILTER: CatalogueFilter = { search: '', theme: null, source: null };

function normalise(text: string): string {
  return text.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

/** Where a word may start: the beginning, or after a space or punctuation (codes are dotted). */
const WORD_START = '(^|[\\s.,;:()/_\\-])';

function wordStarts(word: string): RegExp {
  return new RegExp(WORD_START + word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/**
 * The indicators matching the filter, sorted by name in the language shown. Every word of
 * the search must start a word of the Swedish or English name or of the code, so "utrikes
 * kvinnor bas" finds the BAS series for foreign-born women (and not the register-based
 * one), and a code or the start of one pasted from a file finds its indicator.
 */
export function filterIndicators<T extends Indicator>(
  indicators: readonly T[],
  filter: CatalogueFilter,
  language: IndicatorLanguage | string,
): T[] {
  const words = normalise(filter.search).split(' ').filter(Boolean).map(wordStarts);
  const collator = new Intl.Collator(language === 'en' ? 'en' : 'sv', { sensitivity: 'base', numeric: true });
  return indicators
    .filter((indicator) => !filter.theme || indicator.theme === filter.theme)
    .filter((indicator) => !filter.source || indicator.source === filter.source)
    .filter((indicator) => {
      if (!words.length) return true;
      const haystack = normalise(`${indicator.nameSv} ${indicator.nameEn} ${indicator.code}`);
      return words.every((word) => word.test(haystack));
    })
    .sort((a, b) => collator.compare(indicatorName(a, language), indicatorName(b, language)));
}

/** The themes present in the catalogue, each once, in a stable order. */
export function themesOf(indicators: readonly Pick<Indicator, 'theme'>[]): string[] {
  return [...new Set(indicators.map((indicator) => indicator.theme))].sort();
}

/** The sources present in the catalogue, in the product's order (AF, SCB, Kolada, local). */
export function sourcesOf(indicators: readonly Pick<Indicator, 'source'>[]): IndicatorSource[] {
  const present = new Set(indicators.map((indicator) => indicator.source));
  return (['AF', 'SCB', 'KOLADA', 'LOCAL'] as const).filter((source) => present.has(source));
}
