import { PeriodLanguage } from '@kraftsamling/shared/periods';
import { formatRange, formatValueWithUnit, rangeWords } from './formatting';
import { RegionCell } from './series-table';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The region's figure for a period in words, as a tooltip or a screen reader says it: the
 * number with its unit, "at least …" for a range, and "10 of 11 municipalities" when a member
 * has no value, so a partial sum is never read as the region's.
 */
export function regionText(cell: RegionCell, unit: string, language: PeriodLanguage, t: Translate): string {
  let text: string;
  switch (cell.value.kind) {
    case 'value':
      text = formatValueWithUnit(cell.value.value, unit, language);
      break;
    case 'range':
      text = rangeWords(cell.value, unit, language, t);
      break;
    case 'missing':
      return t('indicators.value.missing');
  }
  return cell.incomplete
    ? `${text} (${t('indicators.region.covers', { included: cell.included, total: cell.total })})`
    : text;
}

/** The footnote of a period whose region figure covers fewer areas or is only a range; else null. */
export function regionNote(
  cell: RegionCell,
  unit: string,
  language: PeriodLanguage,
  t: Translate,
): string | null {
  const parts: string[] = [];
  if (cell.incomplete)
    parts.push(t('indicators.region.incompleteNote', { included: cell.included, total: cell.total }));
  if (cell.value.kind === 'range') {
    const low = formatRange({ low: cell.value.low, high: cell.value.low }, unit, language);
    parts.push(
      cell.value.high === null
        ? t('indicators.region.openRangeNote', { low })
        : t('indicators.region.rangeNote', {
            low,
            high: formatRange({ low: cell.value.high, high: cell.value.high }, unit, language),
          }),
    );
  }
  return parts.length ? parts.join(' ') : null;
}
