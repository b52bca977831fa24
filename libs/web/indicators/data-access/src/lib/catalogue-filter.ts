import type { IndicatorSource } from '@kraftsamling/web/shared/graphql';
import { Indicator, IndicatorLanguage, indicatorName } from './models';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

/**
 * What the catalogue is filtered by; empty values mean "any". `all` lists the series another
 * one supersedes (the register-based unemployment series) beside their successors.
 */
export interface CatalogueFilter {
  search: string;
  theme: string | null;
  source: IndicatorSource | null;
  all: boolean;
}

export const NO_FILTER: CatalogueFilter = { search: '', theme: null, source: null, all: false };

const SOURCES: readonly IndicatorSource[] = ['AF', 'SCB', 'KOLADA', 'LOCAL'];

/** The catalogue's query parameters: the filter lives in the address, so Back and reload keep it. */
export const CATALOGUE_PARAMS = { search: 'q', theme: 'tema', source: 'kalla', all: 'alla' } as const;

/** The filter an address names (`?q=…&tema=…&kalla=AF&alla=1`); what is not understood is ignored. */
export function catalogueFilterFromParams(get: (name: string) => string | null): CatalogueFilter {
  const source = get(CATALOGUE_PARAMS.source);
  return {
    search: get(CATALOGUE_PARAMS.search) ?? '',
    theme: get(CATALOGUE_PARAMS.theme) || null,
    source: SOURCES.find((known) => known === source) ?? null,
    all: get(CATALOGUE_PARAMS.all) === '1',
  };
}

/** The query parameters of a filter; null removes a parameter, so the default filter is a bare address. */
export function catalogueParams(filter: CatalogueFilter): Record<string, string | null> {
  return {
    [CATALOGUE_PARAMS.search]: filter.search.trim() || null,
    [CATALOGUE_PARAMS.theme]: filter.theme,
    [CATALOGUE_PARAMS.source]: filter.source,
    [CATALOGUE_PARAMS.all]: filter.all ? '1' : null,
  };
}

export function isDefaultFilter(filter: CatalogueFilter): boolean {
  return !filter.search.trim() && !filter.theme && !filter.source && !filter.all;
}

/**
 * The unfiltered catalogue as the page lists it: superseded series left out (each is
 * reachable from its successor), sorted by name in the language shown. A search's answer
 * keeps the API's order instead, which is relevance.
 */
export function defaultCatalogue<T extends Indicator>(
  indicators: readonly T[],
  language: IndicatorLanguage | string,
  compare: (a: string, b: string) => number,
): T[] {
  return indicators
    .filter((indicator) => !indicator.supersededByCode)
    .sort((a, b) => compare(indicatorName(a, language), indicatorName(b, language)));
}

/** The themes present in the catalogue, each once, in a stable order. */
export function themesOf(indicators: readonly Pick<Indicator, 'theme'>[]): string[] {
  return [...new Set(indicators.map((indicator) => indicator.theme))].sort(compareSwedish);
}

/** The sources present in the catalogue, in the product's order (AF, SCB, Kolada, local). */
export function sourcesOf(indicators: readonly Pick<Indicator, 'source'>[]): IndicatorSource[] {
  const present = new Set(indicators.map((indicator) => indicator.source));
  return SOURCES.filter((source) => present.has(source));
}
