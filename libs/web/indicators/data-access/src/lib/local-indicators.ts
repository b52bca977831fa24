import type {
  CreateLocalIndicatorInput,
  IndicatorDirection,
  IndicatorUnit,
  Periodicity,
  UpdateLocalIndicatorInput,
} from '@kraftsamling/web/shared/graphql';
import { Indicator, IndicatorLanguage, indicatorName } from './models';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

/** The units a local indicator can have, in the order the form offers them. */
export const INDICATOR_UNITS: readonly IndicatorUnit[] = [
  'COUNT',
  'PERCENT',
  'PER_1000',
  'CURRENCY',
  'OTHER',
];

export const INDICATOR_DIRECTIONS: readonly IndicatorDirection[] = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'];

/** A local indicator's code, as the API accepts it: e.g. jobbspar.deltagare. */
export const LOCAL_INDICATOR_CODE_PATTERN = /^[a-z0-9]+([._-][a-z0-9]+)*$/;
export const LOCAL_INDICATOR_CODE_MIN = 2;
export const LOCAL_INDICATOR_CODE_MAX = 64;
/** A theme, as the API accepts it: e.g. job-tracks. Empty means the default theme. */
export const LOCAL_INDICATOR_THEME_PATTERN = /^([a-z0-9]+([-_][a-z0-9]+)*)?$/;
export const LOCAL_INDICATOR_NAME_MAX = 200;
export const LOCAL_INDICATOR_DESCRIPTION_MAX = 2000;
/** The theme the API gives a local indicator without one. */
export const DEFAULT_LOCAL_THEME = 'local';

/** What a coordinator can change about a local indicator, as typed in the form. */
export interface LocalIndicatorText {
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  theme: string;
  direction: IndicatorDirection;
}

/** A new local indicator, as typed in the form. */
export interface NewLocalIndicator extends LocalIndicatorText {
  code: string;
  unit: IndicatorUnit;
  periodicity: Periodicity;
}

/** Trimmed text; an empty optional text is sent as null. */
function text(value: LocalIndicatorText) {
  return {
    nameSv: value.nameSv.trim(),
    nameEn: value.nameEn.trim(),
    descriptionSv: value.descriptionSv.trim() || null,
    descriptionEn: value.descriptionEn.trim() || null,
    theme: value.theme.trim() || null,
    direction: value.direction,
  };
}

export function createLocalIndicatorInput(
  collaborationId: string,
  value: NewLocalIndicator,
): CreateLocalIndicatorInput {
  return {
    collaborationId,
    code: value.code.trim(),
    ...text(value),
    unit: value.unit,
    periodicity: value.periodicity,
  };
}

/** The edit of `indicator`, carrying the version the user saw so a newer edit is never overwritten. */
export function updateLocalIndicatorInput(
  collaborationId: string,
  indicator: Pick<Indicator, 'id' | 'version'>,
  value: LocalIndicatorText,
): UpdateLocalIndicatorInput {
  return {
    collaborationId,
    indicatorId: indicator.id,
    expectedVersion: indicator.version,
    ...text(value),
  };
}

/** A collaboration's own indicators, by their name in the language shown. */
export function localIndicatorsOf<T extends Pick<Indicator, 'source' | 'nameSv' | 'nameEn'>>(
  indicators: readonly T[],
  language: IndicatorLanguage | string,
): T[] {
  return indicators
    .filter((indicator) => indicator.source === 'LOCAL')
    .sort((a, b) => compareSwedish(indicatorName(a, language), indicatorName(b, language)));
}
