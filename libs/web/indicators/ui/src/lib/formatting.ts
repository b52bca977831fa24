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

const UNIT_SUFFIX: Readonly<Record<string, string>> = {
  PERCENT: '\u00a0%',
  PER_1000: '\u00a0‰',
  CURRENCY: '\u00a0kr',
};

/** A value with its unit where the unit is a symbol ("12,3 %"), for chart tooltips and summaries. */
export function formatValueWithUnit(value: number, unit: string, language: PeriodLanguage): string {
  return `${formatValue(value, unit, language)}${UNIT_SUFFIX[unit] ?? ''}`;
}

/** A period for people ("september 2024"); a code that is not a period is shown as it is. */
export function periodLabel(code: string, language: PeriodLanguage, short = false): string {
  try {
    return short ? shortLabelPeriod(code, language) : labelPeriod(code, language);
  } catch {
    return code;
  }
}

/** A date and time from the API (ISO 8601) in the UI language; the text itself when it is not a date. */
export function formatDateTime(iso: string | null | undefined, language: PeriodLanguage): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(numberLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
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
