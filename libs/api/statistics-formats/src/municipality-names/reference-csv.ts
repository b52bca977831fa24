import { parse } from 'csv-parse/sync';
import type { CountyRef, MunicipalityRef } from './municipality-matcher';

/**
 * Reads the reference lists in the layout the database seeds them from
 * (`municipality_code,municipality_name,municipality_proper_name,county_code` and
 * `county_code,county_name,county_name_short`), so a command-line import or a test can
 * build a matcher without a database.
 */
export function parseReferenceCsv(
  municipalitiesCsv: string,
  countiesCsv: string,
): { municipalities: MunicipalityRef[]; counties: CountyRef[] } {
  const read = (text: string) =>
    parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  return {
    municipalities: read(municipalitiesCsv).map((r) => ({
      code: r['municipality_code'],
      name: r['municipality_name'],
      countyCode: r['county_code'],
    })),
    counties: read(countiesCsv).map((r) => ({
      code: r['county_code'],
      name: r['county_name'],
      ...(r['county_name_short'] ? { shortName: r['county_name_short'] } : {}),
    })),
  };
}
