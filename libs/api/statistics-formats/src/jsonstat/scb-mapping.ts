import { PeriodError, fromScbTime } from '@kraftsamling/shared/periods';
import { ParseProblem, normaliseAreaCode } from '../model';
import { jsonPath } from './json-input';

/** Options shared by the SCB readers (JSON-stat 2.0 and PxWeb v1 json). */
export interface ScbParseOptions {
  /**
   * Whether every value must have an area from a region dimension. Default true:
   * SCB statistics are per region, and a file without one usually means the query
   * eliminated Region by mistake. Ignored when `defaultArea` is given.
   */
  requireArea?: boolean;
  /**
   * Area for every value when the file has no region dimension, e.g. '0000' when
   * the query eliminated Region to get the whole country (as in SCB's TAB3554 sample).
   * With `requireArea: false` and no `defaultArea`, values go to '0000'.
   */
  defaultArea?: string;
  /** Table id for the series key when the file does not name one (PxWeb v1 responses never do). */
  table?: string | null;
  /** Dimension ids to use instead of the defaults (Region / role geo, Tid / role time, ContentsCode / role metric). */
  regionDimension?: string;
  timeDimension?: string;
  contentsDimension?: string;
}

/** SCB's own names for the dimensions the product maps; anything else becomes part of the series key. */
export const SCB_REGION = 'Region';
export const SCB_TIME = 'Tid';
export const SCB_CONTENTS = 'ContentsCode';

/** Validates the area options up front: a bad default is a programmer error, not a file problem. */
export function defaultAreaOf(options: ScbParseOptions): string | null {
  if (options.defaultArea !== undefined) {
    const area = normaliseAreaCode(options.defaultArea);
    if (area === null)
      throw new TypeError(`defaultArea ${JSON.stringify(options.defaultArea)} is not an area code`);
    return area;
  }
  return options.requireArea === false ? '0000' : null;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Maps a region dimension's codes to the product's area codes. Each code that does
 * not map is reported once (not once per cell), with how many values it holds,
 * and two codes that land on the same area are reported too.
 */
export function mapAreaCodes(
  dimensionId: string,
  codes: readonly string[],
  labels: Readonly<Record<string, string>>,
  valuesPerCode: (code: string) => number,
  problems: ParseProblem[],
  pathOf: (code: string) => string = (code) => jsonPath('dimension', dimensionId, 'category', 'index', code),
): Map<string, string> {
  const areas = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const code of codes) {
    const area = normaliseAreaCode(code);
    const label = labels[code] && labels[code] !== code ? ` (${labels[code]})` : '';
    if (area === null) {
      problems.push({
        location: { path: pathOf(code) },
        message: `${dimensionId} code "${code}"${label} is not a municipality, county or country code; ${plural(valuesPerCode(code), 'value has', 'values have')} it`,
      });
      continue;
    }
    const earlier = seen.get(area);
    if (earlier !== undefined) {
      problems.push({
        location: { path: pathOf(code) },
        message: `${dimensionId} codes "${earlier}" and "${code}" both mean area ${area}`,
      });
      continue;
    }
    seen.set(area, code);
    areas.set(code, area);
  }
  return areas;
}

/** Maps SCB time codes (`2024M07`, `2024K3`, `2024`, `2024V05`) to canonical periods, reporting each bad code once. */
export function mapTimeCodes(
  dimensionId: string,
  codes: readonly string[],
  valuesPerCode: (code: string) => number,
  problems: ParseProblem[],
  pathOf: (code: string) => string = (code) => jsonPath('dimension', dimensionId, 'category', 'index', code),
): Map<string, string> {
  const periods = new Map<string, string>();
  for (const code of codes) {
    try {
      periods.set(code, fromScbTime(code));
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      problems.push({
        location: { path: pathOf(code) },
        message: `${dimensionId} code "${code}": ${error.message}; ${plural(valuesPerCode(code), 'value has', 'values have')} it`,
      });
    }
  }
  return periods;
}
