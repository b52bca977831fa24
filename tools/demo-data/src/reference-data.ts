import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReferenceCsv } from '@kraftsamling/api/statistics-formats';

/** A municipality with the names the files use. */
export interface Municipality {
  /** 4-digit SCB code */
  code: string;
  /** short name as Arbetsförmedlingen's KOM column writes it, e.g. "Upplands Väsby" */
  name: string;
  /** 2-digit county code */
  countyCode: string;
  /** full county name as in LAN, e.g. "Stockholms län" */
  countyName: string;
}

export interface County {
  code: string;
  name: string;
}

export interface ReferenceData {
  municipalities: Municipality[];
  counties: County[];
  /** the raw CSV texts, for building a name matcher */
  municipalitiesCsv: string;
  countiesCsv: string;
}

/** Where the database library keeps the lists, relative to the workspace root. */
export const REFERENCE_DATA_PATH = 'libs/api/core/database/src/reference-data';

function hasLists(dir: string): boolean {
  return existsSync(path.join(dir, 'municipalities.csv')) && existsSync(path.join(dir, 'counties.csv'));
}

/**
 * Finds the reference lists: next to the bundled CLI (the build copies them to
 * `dist/tools/demo-data/reference-data`), else in the workspace, searched upwards from
 * this module and from the working directory.
 */
export function findReferenceDataDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'reference-data')];
  for (const start of [here, process.cwd()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      candidates.push(path.join(dir, REFERENCE_DATA_PATH));
      if (path.dirname(dir) === dir) break;
    }
  }
  const found = candidates.find(hasLists);
  if (!found)
    throw new Error(
      `the reference lists municipalities.csv and counties.csv were not found (looked next to the program and in ${REFERENCE_DATA_PATH} of the workspace); pass their folder explicitly`,
    );
  return found;
}

/** Reads the 290 municipalities and 21 counties, ordered by code. */
export function loadReferenceData(dir: string = findReferenceDataDir()): ReferenceData {
  const municipalitiesCsv = readFileSync(path.join(dir, 'municipalities.csv'), 'utf8');
  const countiesCsv = readFileSync(path.join(dir, 'counties.csv'), 'utf8');
  const parsed = parseReferenceCsv(municipalitiesCsv, countiesCsv);
  const counties = parsed.counties
    .map((c) => ({ code: c.code, name: c.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const countyName = new Map(counties.map((c) => [c.code, c.name]));
  const municipalities = parsed.municipalities
    .map((m) => {
      const name = countyName.get(m.countyCode);
      if (!name) throw new Error(`municipality ${m.code} names an unknown county ${m.countyCode}`);
      return { code: m.code, name: m.name, countyCode: m.countyCode, countyName: name };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return { municipalities, counties, municipalitiesCsv, countiesCsv };
}
