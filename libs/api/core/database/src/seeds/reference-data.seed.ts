import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from 'typeorm';

interface CountyRow {
  county_code: string;
  county_name: string;
  county_name_short: string;
}
interface MunicipalityRow {
  municipality_code: string;
  municipality_name: string;
  municipality_proper_name: string;
  county_code: string;
}

/**
 * Where the shipped CSV files are: REFERENCE_DATA_DIR if set, else next to the bundled
 * API (the build copies them to dist/apps/api/reference-data), else the source folder.
 */
export function referenceDataDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env['REFERENCE_DATA_DIR'],
    path.join(here, 'reference-data'),
    path.join(here, '..', 'reference-data'),
  ].filter((dir): dir is string => !!dir);
  const found = candidates.find((dir) => existsSync(path.join(dir, 'municipalities.csv')));
  if (!found) throw new Error(`reference data not found; looked in ${candidates.join(', ')}`);
  return found;
}

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

/** Loads all counties and municipalities; safe to run on every start (upsert). */
export async function seedReferenceData(
  manager: EntityManager,
): Promise<{ counties: number; municipalities: number }> {
  const dir = referenceDataDir();
  const counties = readCsv<CountyRow>(path.join(dir, 'counties.csv'));
  const municipalities = readCsv<MunicipalityRow>(path.join(dir, 'municipalities.csv'));
  await manager.query(
    `INSERT INTO county (code, name, short_name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name`,
    [
      counties.map((c) => c.county_code),
      counties.map((c) => c.county_name),
      counties.map((c) => c.county_name_short),
    ],
  );
  await manager.query(
    `INSERT INTO municipality (code, name, county_code, proper_name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, county_code = EXCLUDED.county_code,
       proper_name = EXCLUDED.proper_name`,
    [
      municipalities.map((m) => m.municipality_code),
      municipalities.map((m) => m.municipality_name),
      municipalities.map((m) => m.county_code),
      municipalities.map((m) => m.municipality_proper_name),
    ],
  );
  return { counties: counties.length, municipalities: municipalities.length };
}
