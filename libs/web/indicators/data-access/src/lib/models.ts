import { Permission, PlatformPermission } from '@kraftsamling/shared/permissions';
import { can } from '@kraftsamling/web/collaborations/data-access';
import type {
  EnterValuesMutation,
  ImportBatchesQuery,
  SourceFetchesQuery,
  IndicatorSeriesQuery,
  IndicatorSource,
  IndicatorsQuery,
  RegionSeriesQuery,
  ScbTableQuery,
} from '@kraftsamling/web/shared/graphql';

export type Indicator = IndicatorsQuery['indicators'][number];
export type IndicatorSeries = IndicatorSeriesQuery['indicatorSeries'];
export type AreaSeries = IndicatorSeries['areas'][number];
/** The member municipalities taken together, from summed counts, with how many areas each period covers. */
export type RegionSeries = RegionSeriesQuery['regionSeries'];
export type ImportBatch = ImportBatchesQuery['importBatches'][number];
/** One fetch of official data from a source's API (statistics stewards). */
export type SourceFetch = SourceFetchesQuery['sourceFetches'][number];
export type EnterValuesResult = EnterValuesMutation['enterValues'];
/** An SCB table's metadata: its dimensions and their classes, to define indicators from. */
export type ScbTable = ScbTableQuery['scbTable'];
export type ScbDimension = ScbTable['dimensions'][number];

/** The languages indicator names come in. */
export type IndicatorLanguage = 'sv' | 'en';

export const INDICATOR_SOURCES: readonly IndicatorSource[] = ['AF', 'SCB', 'KOLADA', 'LOCAL'];

/**
 * Themes the official catalogue uses, with a translation under `indicators.themes.*`.
 * A collaboration's local indicators may use other themes: those are shown as written.
 */
export const KNOWN_THEMES: readonly string[] = [
  'unemployment-bas',
  'unemployment-register',
  'unemployment',
  'employment',
  'establishment',
  'income',
  'local',
  'population',
  'population-by-age',
];

export function isKnownTheme(theme: string): boolean {
  return KNOWN_THEMES.includes(theme);
}

/** The indicator's name in the language shown (Swedish when an English name is missing). */
export function indicatorName(
  indicator: Pick<Indicator, 'nameSv' | 'nameEn'>,
  language: IndicatorLanguage | string,
): string {
  return language === 'en' ? indicator.nameEn || indicator.nameSv : indicator.nameSv || indicator.nameEn;
}

export function indicatorDescription(
  indicator: Pick<Indicator, 'descriptionSv' | 'descriptionEn'>,
  language: IndicatorLanguage | string,
): string | null {
  return language === 'en'
    ? indicator.descriptionEn || indicator.descriptionSv
    : indicator.descriptionSv || indicator.descriptionEn;
}

/** What the user may do with indicators in a collaboration, from `myPermissions` (the API checks again). */
export interface IndicatorPermissions {
  /** import this collaboration's local figures (template files) */
  canImport: boolean;
  /** import official statistics: a platform grant (realm role statistics-steward), not a collaboration role */
  canImportOfficial: boolean;
  canEnter: boolean;
  canManage: boolean;
}

/** Permission strings the API does not send (an older API, a role without them) simply grant nothing. */
export function indicatorPermissions(
  permissions: readonly string[] | null | undefined,
  platformPermissions: readonly string[] | null | undefined = [],
): IndicatorPermissions {
  return {
    canImport: can(permissions, Permission.IndicatorImport),
    canImportOfficial: !!platformPermissions?.includes(PlatformPermission.OfficialImport),
    canEnter: can(permissions, Permission.ValuesEnter),
    canManage: can(permissions, Permission.IndicatorManage),
  };
}
