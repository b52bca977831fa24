import { Periodicity, PeriodError, checkPeriodParts, formatPeriod } from './periods';

/*
 * Each statistics source writes periods its own way. These turn a source's
 * notation into the canonical code, and reject anything else with a message that
 * quotes the input as the source wrote it, so an import error points at the file.
 */

function build(periodicity: Periodicity, year: number, index: number, shown: string): string {
  const problem = checkPeriodParts(periodicity, year, index, shown);
  if (problem) throw new PeriodError(problem, shown);
  return formatPeriod({ periodicity, year, index });
}

function show(input: unknown): string {
  if (typeof input === 'string') return input === '' ? 'An empty string' : input;
  return String(input);
}

/**
 * SCB PxWeb `Tid` codes: `2024` (year), `2024K3` (quarter, *kvartal*), `2024M07`
 * (month), `2024V05` (ISO week, *vecka*). The English API keeps the same codes.
 */
export function fromScbTime(code: string): string {
  if (typeof code !== 'string')
    throw new PeriodError(`${show(code)} is not an SCB time code: expected a string`, code);
  const m = /^(\d{4})(?:(M)(\d{2})|(K)(\d)|(V)(\d{2}))?$/.exec(code);
  if (m) {
    const year = Number(m[1]);
    if (m[2]) return build('MONTH', year, Number(m[3]), code);
    if (m[4]) return build('QUARTER', year, Number(m[5]), code);
    if (m[6]) return build('WEEK', year, Number(m[7]), code);
    return build('YEAR', year, 1, code);
  }
  if (/^\d{4}H\d$/.test(code))
    throw new PeriodError(`${code} is a half-year: half-years are not a supported periodicity`, code);
  if (/^\d{4}[-/]\d{4}$/.test(code)) {
    throw new PeriodError(
      `${code} spans two years (e.g. a school year): such periods are not supported`,
      code,
    );
  }
  if (/^\d{4}M\d$/.test(code))
    throw new PeriodError(
      `${code} is not an SCB time code: SCB writes months with two digits (${code.slice(0, 5)}0${code.slice(5)})`,
      code,
    );
  throw new PeriodError(
    `${show(code)} is not an SCB time code: expected 2024, 2024K3, 2024M07 or 2024V05`,
    code,
  );
}

/** Arbetsförmedlingen's `PERIOD` column: `YYYY-MM`. */
export function fromAfPeriod(period: string): string {
  if (typeof period !== 'string') {
    throw new PeriodError(
      `${show(period)} is not an Arbetsförmedlingen period: expected a YYYY-MM string`,
      period,
    );
  }
  // Spreadsheet cells often carry stray spaces; they change nothing about the period.
  const trimmed = period.trim();
  const m = /^(\d{4})-(\d{2})$/.exec(trimmed);
  if (!m)
    throw new PeriodError(
      `${show(period)} is not an Arbetsförmedlingen period: expected YYYY-MM, e.g. 2024-07`,
      period,
    );
  return build('MONTH', Number(m[1]), Number(m[2]), trimmed);
}

/** Kolada's `period`: a year, written as a number (2019) or a string ("2019"). */
export function fromKoladaPeriod(period: string | number): string {
  const text = typeof period === 'number' ? String(period) : period;
  if (typeof text !== 'string' || !/^\d{4}$/.test(text)) {
    throw new PeriodError(
      `${show(period)} is not a Kolada period: Kolada periods are four-digit years such as 2019`,
      period,
    );
  }
  return build('YEAR', Number(text), 1, text);
}
