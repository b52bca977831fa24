import type { ComparisonNormalisation } from '@kraftsamling/web/shared/graphql';
import { formatRange, formatValue, unitSuffix } from '@kraftsamling/web/indicators/ui';
import type { PeriodLanguage } from '@kraftsamling/shared/periods';
import type { ComparisonCell } from '@kraftsamling/web/comparisons/ui';
import { addPeriods, periodOfDate, type Periodicity } from '@kraftsamling/shared/periods';

/** How a normalised figure is formatted: the unit's decimals and the symbol after it, as the language writes it. */
export function displayUnit(
  normalisation: ComparisonNormalisation,
  unit: string,
  language: PeriodLanguage = 'sv',
): { format: string; suffix: string } {
  switch (normalisation) {
    case 'PER_THOUSAND':
      return { format: 'PER_1000', suffix: unitSuffix('PER_1000', language) };
    case 'SHARE_OF':
    case 'CHANGE_PERCENT':
      return { format: 'PERCENT', suffix: unitSuffix('PERCENT', language) };
    case 'INDEX':
      // One decimal, no unit: 100 is the base period.
      return { format: 'PERCENT', suffix: '' };
    case 'CHANGE':
      // A change of a count is no count: a range of it (2 … 5 more) must not read "<6".
      return unit === 'COUNT'
        ? { format: 'OTHER', suffix: '' }
        : { format: unit, suffix: unitSuffix(unit, language) };
    default:
      return { format: unit, suffix: unitSuffix(unit, language) };
  }
}

/**
 * The visible text of a cell: the number (with the unit's symbol when `withUnit`); a range
 * always with it, as formatRange writes every range ("<5", "0,24–0,95 %"); a missing value as "–".
 */
export function cellText(
  cell: ComparisonCell,
  unit: { format: string; suffix: string },
  language: PeriodLanguage,
  withUnit = false,
): string {
  switch (cell.kind) {
    case 'value':
      return formatValue(cell.value, unit.format, language) + (withUnit ? unit.suffix : '');
    case 'range':
      return formatRange(cell, unit.format, language, unit.suffix);
    default:
      return '–';
  }
}

/**
 * Ten years of each periodicity: what the period pickers offer and what a comparison reads
 * when no start is chosen. All 290 municipalities over ten years is what one request may
 * cost at the API (its query cost limit, ADR 6), so every choice offered can be answered.
 */
export const TEN_YEARS: Readonly<Record<Periodicity, number>> = {
  WEEK: 522,
  MONTH: 120,
  QUARTER: 40,
  YEAR: 10,
};

/** The periods to choose among for an indicator: ten years back from the current period, newest first. */
export function periodOptions(periodicity: string, today = new Date()): string[] {
  const kind = (['WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const).find((p) => p === periodicity) ?? 'MONTH';
  const latest = periodOfDate(today, kind);
  const periods: string[] = [];
  for (let i = 0; i < TEN_YEARS[kind]; i++) periods.push(addPeriods(latest, -i));
  return periods;
}
