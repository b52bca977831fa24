import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createMunicipalityMatcher,
  parseReferenceCsv,
  type MunicipalityMatcher,
  type SourceObservation,
} from '@kraftsamling/api/statistics-formats';
import { loadReferenceData } from './reference-data';

/** The name matcher the product's import builds, from the shipped reference lists. */
export function referenceMatcher(): MunicipalityMatcher {
  const { municipalitiesCsv, countiesCsv } = loadReferenceData();
  const { municipalities, counties } = parseReferenceCsv(municipalitiesCsv, countiesCsv);
  return createMunicipalityMatcher(municipalities, counties);
}

export async function temporaryDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'demo-data-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** AF observations as area → period → field → value. */
export function afTable(observations: readonly SourceObservation[]) {
  const table = new Map<string, Map<string, Record<string, { value: number | null; lowerBound: boolean }>>>();
  for (const o of observations) {
    if (o.series.source !== 'AF') throw new Error('not an AF observation');
    let byPeriod = table.get(o.area);
    if (!byPeriod) table.set(o.area, (byPeriod = new Map()));
    let fields = byPeriod.get(o.period);
    if (!fields) byPeriod.set(o.period, (fields = {}));
    fields[o.series.field] = { value: o.value, lowerBound: o.lowerBound === true };
  }
  return table;
}

/** Every month from first to last, as YYYY-MM. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number);
  for (;;) {
    const code = `${year}-${String(month).padStart(2, '0')}`;
    if (code > last) return months;
    months.push(code);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
}
