import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceObservation } from '../model';
import {
  createMunicipalityMatcher,
  parseReferenceCsv,
  type MunicipalityMatcher,
} from '../municipality-names';

/** The shipped reference lists, read from the database library's folder (tests only). */
export function referenceData() {
  const dir = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../core/database/src/reference-data',
  );
  return parseReferenceCsv(
    readFileSync(path.join(dir, 'municipalities.csv'), 'utf8'),
    readFileSync(path.join(dir, 'counties.csv'), 'utf8'),
  );
}

let matcher: MunicipalityMatcher | undefined;
export function referenceMatcher(): MunicipalityMatcher {
  if (!matcher) {
    const { municipalities, counties } = referenceData();
    matcher = createMunicipalityMatcher(municipalities, counties);
  }
  return matcher;
}

/** An observation without its location, in a stable order, for comparing whole results. */
export function comparable(observations: readonly SourceObservation[]) {
  return observations
    .map((o) => ({
      field: (o.series as { field: string }).field,
      area: o.area,
      period: o.period,
      value: o.value,
      ...(o.lowerBound ? { lowerBound: o.lowerBound, upperBound: o.upperBound } : {}),
    }))
    .sort(
      (a, b) =>
        a.area.localeCompare(b.area) || a.period.localeCompare(b.period) || a.field.localeCompare(b.field),
    );
}
