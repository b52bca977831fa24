import { Role } from '@kraftsamling/shared/permissions';
import { Periodicity, addPeriods, periodOfDate } from '@kraftsamling/shared/periods';
import type { EnteredValueInput } from '@kraftsamling/web/shared/graphql';

/** Why a typed value is refused. */
export type EntryProblem = 'notANumber' | 'negative';

export type ParsedEntry = { ok: true; value: number | null } | { ok: false; problem: EntryProblem };

const NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads a number as people type it in Sweden: decimal comma or point, spaces between
 * thousands ("1 234,5"). Empty means "no value". Negative numbers are refused: the local
 * figures are counts of participants and outcomes.
 */
export function parseEnteredNumber(text: string | null | undefined): ParsedEntry {
  const compact = (text ?? '').replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { ok: true, value: null };
  const negative = /^[-\u2212]/.test(compact);
  const unsigned = negative ? compact.slice(1) : compact;
  // "1.234,5" or "1,234.5": which one is the decimal separator is a guess, so ask instead.
  if (unsigned.includes(',') && unsigned.includes('.')) return { ok: false, problem: 'notANumber' };
  const normalised = unsigned.replace(',', '.');
  if (!NUMBER.test(normalised)) return { ok: false, problem: 'notANumber' };
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, problem: 'notANumber' };
  if (negative && value !== 0) return { ok: false, problem: 'negative' };
  return { ok: true, value };
}

/** The last `count` periods up to and including the one `today` falls in, newest first. */
export function recentPeriods(periodicity: Periodicity, count: number, today: Date = new Date()): string[] {
  const current = periodOfDate(today, periodicity);
  return Array.from({ length: Math.max(0, count) }, (_, i) => addPeriods(current, -i));
}

/** One cell of the entry grid as loaded: the stored value and its version (null: none stored yet). */
export interface EntryCell {
  indicatorCode: string;
  period: string;
  original: number | null;
  version: number | null;
}

export function cellKey(indicatorCode: string, period: string): string {
  return `${indicatorCode}@${period}`;
}

/**
 * The values to send: only cells whose typed value differs from the stored one (typing
 * "12,0" over 12 changes nothing), each with the version that was loaded so a value someone
 * else changed meanwhile is refused rather than overwritten. Cells that do not parse are
 * left out (the form refuses to submit while there are any).
 */
export function changedEntries<C extends EntryCell>(
  cells: readonly C[],
  textOf: (cell: C) => string | null | undefined,
): EnteredValueInput[] {
  const changes: EnteredValueInput[] = [];
  for (const cell of cells) {
    const parsed = parseEnteredNumber(textOf(cell));
    if (!parsed.ok || parsed.value === cell.original) continue;
    const change: EnteredValueInput = {
      indicatorCode: cell.indicatorCode,
      period: cell.period,
      value: parsed.value,
    };
    if (cell.version !== null) change.expectedVersion = cell.version;
    changes.push(change);
  }
  return changes;
}

/** Which sent value a BAD_USER_INPUT field such as `values.3.value` is about; null if none. */
export function entryIndexOfField(field: string): number | null {
  const match = /^values[.[](\d+)/.exec(field);
  return match ? Number(match[1]) : null;
}

export interface MunicipalityOption {
  code: string;
  name: string;
}

/**
 * The municipalities the user may enter figures for: every member municipality for a
 * coordinator (or a platform admin), else those of the user's municipal-editor memberships.
 * Only a convenience: the API decides, and refuses anything else with FORBIDDEN.
 */
export function editableMunicipalities(options: {
  municipalities: readonly MunicipalityOption[];
  roles: readonly string[];
  isPlatformAdmin: boolean;
  ownMunicipalityCodes: readonly string[];
}): MunicipalityOption[] {
  if (options.isPlatformAdmin || options.roles.includes(Role.Coordinator)) return [...options.municipalities];
  return options.municipalities.filter((municipality) =>
    options.ownMunicipalityCodes.includes(municipality.code),
  );
}
