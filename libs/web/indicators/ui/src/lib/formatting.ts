import { PeriodLanguage, labelPeriod, shortLabelPeriod } from '@kraftsamling/shared/periods';

/** The number locale of a UI language: Swedish formats "1 234,5", English "1,234.5". */
export function numberLocale(language: PeriodLanguage): string {
  return language === 'en' ? 'en-GB' : 'sv-SE';
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, minimum: number, maximum: number): Intl.NumberFormat {
  const key = `${locale}|${minimum}|${maximum}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: minimum,
      maximumFractionDigits: maximum,
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * A value as the tables show it: shares with one decimal, counts with up to two (the
 * employment agency's labour-force figures are monthly averages), money without.
 */
export function formatValue(value: number, unit: string, language: PeriodLanguage): string {
  const locale = numberLocale(language);
  switch (unit) {
    case 'PERCENT':
    case 'PER_1000':
      return numberFormat(locale, 1, 1).format(value);
    case 'CURRENCY':
      return numberFormat(locale, 0, 0).format(value);
    default:
      return numberFormat(locale, 0, 2).format(value);
  }
}

/**
 * The unit's symbol after a number, as each language writes it: Swedish with a no-break
 * space ("12,3 %"), English without one for % and ‰ ("12.3%"); "kr" always spaced.
 */
export function unitSuffix(unit: string, language: PeriodLanguage): string {
  switch (unit) {
    case 'PERCENT':
      return language === 'en' ? '%' : '\u00a0%';
    case 'PER_1000':
      return language === 'en' ? '‰' : '\u00a0‰';
    case 'CURRENCY':
      return '\u00a0kr';
    default:
      return '';
  }
}

/** A value with its unit where the unit is a symbol ("12,3 %"), for chart tooltips and summaries. */
export function formatValueWithUnit(value: number, unit: string, language: PeriodLanguage): string {
  return `${formatValue(value, unit, language)}${unitSuffix(unit, language)}`;
}

/**
 * A figure known only as a range (docs/adr/0009-bounded-values.md): the API gives its low
 * end and its high end (null when only a low end is known), never a value to show as exact.
 */
export interface FigureRange {
  low: number;
  high: number | null;
}

/**
 * A suppressed small count as the source published it: a count range from 1 up to a whole
 * number (AF's "<5" is 1 … 4, and so is a sum of it with zeros) reads "<5". Anything
 * computed from one (half of it, a change) is written as the range it is.
 */
function suppressedCountLimit(range: FigureRange, unit: string): number | null {
  if (unit !== 'COUNT' || range.low !== 1 || range.high === null || range.high <= 1) return null;
  return Number.isInteger(range.high) ? range.high + 1 : null;
}

/**
 * The one way the web writes a range, in tables, tooltips, summaries and exported text:
 * a suppressed count as "<5"; a count range from a sum as "1 235–1 238"; a ratio's range
 * with two decimals and its unit ("0,24–0,95 %", English "0.24–0.95%"), so it is never
 * read as a count; a range with only a low end as "≥12". A negative end is spaced
 * ("−3 – 1"). `suffix` overrides the unit's symbol (an index has none).
 */
export function formatRange(
  range: FigureRange,
  unit: string,
  language: PeriodLanguage,
  suffix: string = unitSuffix(unit, language),
): string {
  const limit = suppressedCountLimit(range, unit);
  if (limit !== null) return `<${formatValue(limit, 'COUNT', language)}`;
  const end = (value: number) => rangeEnd(value, unit, language);
  if (range.high === null) return `≥${end(range.low)}${suffix}`;
  if (range.high === range.low) return `${end(range.low)}${suffix}`;
  const separator = range.low < 0 || range.high < 0 ? ' – ' : '–';
  return `${end(range.low)}${separator}${end(range.high)}${suffix}`;
}

/** An end of a range: a ratio's with two decimals (one would make 0,24–0,95 read 0,2–1,0). */
function rangeEnd(value: number, unit: string, language: PeriodLanguage): string {
  return unit === 'PERCENT' || unit === 'PER_1000'
    ? numberFormat(numberLocale(language), 2, 2).format(value)
    : formatValue(value, unit, language);
}

/** What a screen reader says for a range: "färre än 5", "minst 0,24 %, högst 0,95 %". */
export function rangeWords(
  range: FigureRange,
  unit: string,
  language: PeriodLanguage,
  t: (key: string, params?: Record<string, unknown>) => string,
): string {
  const limit = suppressedCountLimit(range, unit);
  if (limit !== null) return t('indicators.value.below', { limit: formatValue(limit, 'COUNT', language) });
  const withUnit = (value: number) => `${rangeEnd(value, unit, language)}${unitSuffix(unit, language)}`;
  if (range.high === null) return t('indicators.value.atLeast', { value: withUnit(range.low) });
  return t('indicators.region.range', { low: withUnit(range.low), high: withUnit(range.high) });
}

/** A period for people ("september 2024"); a code that is not a period is shown as it is. */
export function periodLabel(code: string, language: PeriodLanguage, short = false): string {
  try {
    return short ? shortLabelPeriod(code, language) : labelPeriod(code, language);
  } catch {
    return code;
  }
}

const DATE_FORMATS = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  // Calendar dates are noon UTC, formatted in UTC: the same day wherever the browser is.
  date: { dateStyle: 'medium', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and kind, made once: making one is far slower than using it (the
 * catalogue's dates were a twentieth of a phone's work drawing it).
 */
function dateFormat(locale: string, kind: keyof typeof DATE_FORMATS): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, DATE_FORMATS[kind]);
    dateFormats.set(key, format);
  }
  return format;
}

/** A date and time from the API (ISO 8601) in the UI language; the text itself when it is not a date. */
export function formatDateTime(iso: string | null | undefined, language: PeriodLanguage): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(numberLocale(language), 'dateTime').format(date);
}

/** A calendar date from the API (YYYY-MM-DD) in the UI language ("15 okt. 2024"); the text itself when it is not one. */
export function formatDate(ymd: string | null | undefined, language: PeriodLanguage): string {
  if (!ymd) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return ymd;
  // Noon UTC, formatted in UTC: the same day wherever the browser is.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return dateFormat(numberLocale(language), 'date').format(date);
}

/** A file size for people: "1,2 MiB" (counted in 2²⁰ bytes, so said so). */
export function formatFileSize(bytes: number | null | undefined, language: PeriodLanguage): string {
  if (bytes == null) return '';
  const locale = numberLocale(language);
  if (bytes < 1024) return `${numberFormat(locale, 0, 0).format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${numberFormat(locale, 0, 1).format(bytes / 1024)} kB`;
  return `${numberFormat(locale, 0, 1).format(bytes / 1024 / 1024)} MiB`;
}

/** The first characters of an id (a UUID), enough to tell batches apart on screen. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '';
}
