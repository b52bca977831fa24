import type { ComparisonNormalisation } from '@kraftsamling/web/shared/graphql';
import { formatValue } from '@kraftsamling/web/indicators/ui';
import type { PeriodLanguage } from '@kraftsamling/shared/periods';
import type { ComparisonCell } from '@kraftsamling/web/comparisons/ui';
import { addPeriods, periodOfDate, type Periodicity } from '@kraftsamling/shared/periods';

/** How a normalised figure is formatted: the unit's decimals and the symbol after it. */
export function displayUnit(
  normalisation: ComparisonNormalisation,
  unit: string,
): { format: string; suffix: string } {
  const suffixOf = (u: string) =>
    ({ PERCENT: '\u00a0%', PER_1000: '\u00a0‰', CURRENCY: '\u00a0kr' })[u] ?? '';
  switch (normalisation) {
    case 'PER_THOUSAND':
      return { format: 'PER_1000', suffix: '\u00a0‰' };
    case 'SHARE_OF':
    case 'CHANGE_PERCENT':
      return { format: 'PERCENT', suffix: '\u00a0%' };
    case 'INDEX':
      // One decimal, no unit: 100 is the base period.
      return { format: 'PERCENT', suffix: '' };
    default:
      return { format: unit, suffix: suffixOf(unit) };
  }
}

/** The visible text of a cell: the number, a range as "1–4", a missing value as "–". */
export function cellText(
  cell: ComparisonCell,
  unit: { format: string; suffix: string },
  language: PeriodLanguage,
  withUnit = false,
): string {
  const suffix = withUnit ? unit.suffix : '';
  switch (cell.kind) {
    case 'value':
      return formatValue(cell.value, unit.format, language) + suffix;
    case 'range':
      return `${formatValue(cell.low, unit.format, language)}–${formatValue(cell.high, unit.format, language)}${suffix}`;
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
