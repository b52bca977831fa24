import type { SourceObservation } from '@kraftsamling/api/statistics-formats';
import type { IndicatorSourceKey } from './catalogue';
import type { IncomingValue } from './indicator-importer';

/** An indicator that adds up one dimension's classes (see ScbSourceKey.sum). */
interface SummingIndicator {
  id: string;
  code: string;
  sourceKey: IndicatorSourceKey | null;
}

/** The classes of one area and period found so far, for one summing indicator. */
export interface PartialSum {
  indicator: SummingIndicator;
  area: string;
  period: string;
  dimension: string;
  expected: number;
  classes: Map<string, SourceObservation>;
}

export function newPartialSum(indicator: SummingIndicator, observation: SourceObservation): PartialSum {
  const sum = indicator.sourceKey?.source === 'SCB' ? indicator.sourceKey.sum : undefined;
  if (!sum) throw new TypeError(`indicator ${indicator.code} does not sum a dimension`);
  return {
    indicator,
    area: observation.area,
    period: observation.period,
    dimension: sum.dimension,
    expected: sum.codes.length,
    classes: new Map(),
  };
}

/** Adds one class's value; the class is the observation's value of the summed dimension. */
export function addToSum(
  partial: PartialSum,
  dimensions: Readonly<Record<string, string>>,
  observation: SourceObservation,
): void {
  const code = dimensions[partial.dimension];
  if (code !== undefined && !partial.classes.has(code)) partial.classes.set(code, observation);
}

/**
 * The sum once every class is there, else null (a file with some classes only does not
 * give the total). A missing class makes the total missing, never a smaller number; a
 * class given only as a bound (`<5`) makes the total a bound too.
 */
export function completedSum(partial: PartialSum): IncomingValue | null {
  if (partial.classes.size < partial.expected) return null;
  const parts = [...partial.classes.values()];
  const missing = parts.find((part) => part.value === null);
  const bounded = parts.some((part) => part.lowerBound);
  const value = missing ? null : parts.reduce((total, part) => total + (part.value as number), 0);
  // A class bounded only from below (no upper end) leaves the total without one too: its
  // value is not its high end.
  const high = (part: SourceObservation) =>
    part.lowerBound ? (part.upperBound ?? null) : (part.value as number);
  const highs = parts.map(high);
  return {
    indicatorId: partial.indicator.id,
    area: partial.area,
    period: partial.period,
    value,
    lowerBound: value !== null && bounded,
    upperBound:
      value !== null && bounded && highs.every((h) => h !== null)
        ? highs.reduce<number>((total, h) => total + (h as number), 0)
        : null,
    status: missing ? (missing.status ?? '..') : null,
    preliminary: parts.some((part) => part.preliminary),
  };
}
