import { PeriodLanguage } from '@kraftsamling/shared/periods';
import { formatRange, formatValue, numberLocale } from '@kraftsamling/web/indicators/ui';

/** The parts of a figure the formatting needs (the API's Quantity; `high` null: no high end). */
export interface QuantityLike {
  value: number | null;
  low: number;
  high: number | null;
}

/**
 * A figure as the goal pages show it: the value when exact; a range, as formatRange writes
 * every range ("<5" for a suppressed count, "2 047–2 050" for a sum that includes one,
 * "0,24–0,95 %" for a share), when it is only known to lie between two values, never a
 * made-up point; an empty string when there is none.
 */
export function formatQuantity(
  quantity: QuantityLike | null | undefined,
  unit: string,
  language: PeriodLanguage,
): string {
  if (!quantity) return '';
  if (quantity.value !== null) return formatValue(quantity.value, unit, language);
  if (quantity.low === quantity.high) return formatValue(quantity.low, unit, language);
  return formatRange(quantity, unit, language);
}

/** A change with its sign ("−40", "+12"), a range as "−43 – −40". */
export function formatSignedQuantity(
  quantity: QuantityLike | null | undefined,
  unit: string,
  language: PeriodLanguage,
): string {
  if (!quantity) return '';
  const signed = (value: number) =>
    `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatValue(Math.abs(value), unit, language)}`;
  if (quantity.value !== null) return signed(quantity.value);
  if (quantity.low === quantity.high) return signed(quantity.low);
  if (quantity.high === null) return `≥${signed(quantity.low)}`;
  return `${signed(quantity.low)} – ${signed(quantity.high)}`;
}

const percentFormats = new Map<string, Intl.NumberFormat>();

function percentFormat(language: PeriodLanguage, signed: boolean): Intl.NumberFormat {
  const key = `${language}|${signed}`;
  let format = percentFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale(language), {
      style: 'percent',
      maximumFractionDigits: 0,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    percentFormats.set(key, format);
  }
  return format;
}

/** A fraction as a percentage ("33 %", with `signed` "−17 %"); a range as "20–35 %". */
export function formatShare(
  quantity: QuantityLike | null | undefined,
  language: PeriodLanguage,
  signed = false,
): string {
  if (!quantity) return '';
  const format = percentFormat(language, signed);
  // Intl writes a hyphen-minus for negatives; the typographic minus reads better and is what the tables use.
  const text = (value: number) => format.format(value).replace('-', '−');
  if (quantity.value !== null) return text(quantity.value);
  if (quantity.low === quantity.high) return text(quantity.low);
  if (quantity.high === null) return `≥${text(quantity.low)}`;
  return `${text(quantity.low)} – ${text(quantity.high)}`;
}
