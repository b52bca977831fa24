import { writeAfWorkbook, type AfCellValue, type AfWorkbookRow } from '@kraftsamling/api/statistics-formats';
import { monthCode, type MonthIndex } from './calendar';
import { GROUPS, fromTwelfths, type DemoWorld } from './model';

export type AfSeries = 'reg' | 'bas';

/** Arbetsförmedlingen suppresses counts from 1 to 4. */
export function publishedCount(count: number): AfCellValue {
  return count >= 1 && count <= 4 ? '<5' : count;
}

export const AF_TITLES: Readonly<Record<AfSeries, string>> = {
  reg: 'Inskrivna arbetslösa som andel av den registerbaserade arbetskraften 16–64 år, per kommun och månad',
  bas: 'Inskrivna arbetslösa som andel av arbetskraften enligt BAS 16–64 år, per kommun och månad',
};

/** One row per municipality and month, ordered by month, then by municipality code. */
export function afRows(world: DemoWorld, months: readonly MonthIndex[], series: AfSeries): AfWorkbookRow[] {
  const rows: AfWorkbookRow[] = [];
  for (const month of months) {
    const period = monthCode(month);
    for (const profile of world.profiles) {
      const counts = world.unemployed(profile, month);
      const labourForce = world.labourForceTwelfths(profile, month, series === 'bas');
      const values: Record<string, AfCellValue> = {};
      for (const group of GROUPS) {
        values[`${group}SOK`] = publishedCount(counts[group]);
        values[`${group}AK`] = fromTwelfths(labourForce[group]);
      }
      rows.push({
        period,
        county: profile.municipality.countyName,
        municipality: profile.municipality.name,
        values,
      });
    }
  }
  return rows;
}

/** The workbook as Arbetsförmedlingen publishes it: rows only in the pivot cache. */
export async function afWorkbook(
  world: DemoWorld,
  months: readonly MonthIndex[],
  series: AfSeries,
): Promise<Uint8Array> {
  const title = `${AF_TITLES[series]}, ${monthCode(months[0])}–${monthCode(months[months.length - 1])}`;
  return writeAfWorkbook(afRows(world, months, series), { layout: 'pivot-cache', title });
}
