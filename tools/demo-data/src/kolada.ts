import { BulkArray, jsonText } from './json-text';
import { SYNTHETIC_NOTE } from './labels';
import { populationAt, type DemoWorld, type Profile } from './model';
import { between, normal } from './random';
import type { ReferenceData } from './reference-data';

/*
 * Kolada v3 `data` responses: rows of { kpi, municipality, period, values: [{ gender,
 * value, count, status }] }, paged with next_url / previous_url, `count` the rows of the
 * whole result. The KPI ids and titles are real Kolada KPIs (see
 * libs/api/statistics-formats/src/fixtures/kolada/); the values are invented.
 */

export interface KoladaKpi {
  id: string;
  title: string;
}

export const KOLADA_KPIS: readonly KoladaKpi[] = [
  { id: 'N00946', title: 'Förvärvsarbetande totalt kommun, antal' },
  { id: 'N00700', title: 'Förvärvsarbetande skyddsbehövande och anhöriga (flyktingar) 20-64 år, andel (%)' },
  { id: 'N00960', title: 'Inskrivna i etableringsuppdraget under året, antal' },
];

/** Kolada's largest page. */
export const KOLADA_MAX_PER_PAGE = 5000;

type Gender = 'K' | 'M' | 'T';
type Split = Record<Gender, number>;

export interface KoladaValue {
  gender: Gender;
  value: number | null;
  count: number;
  status: string | null;
}

export interface KoladaRow {
  kpi: string;
  municipality: string;
  period: number;
  values: KoladaValue[];
}

/** New arrivals in the establishment programme fell after 2017; the relative level per year. */
const ESTABLISHMENT_LEVEL: Readonly<Record<number, number>> = {
  2019: 1,
  2020: 0.64,
  2021: 0.5,
  2022: 0.44,
  2023: 0.41,
  2024: 0.36,
  2025: 0.33,
};
const establishmentLevel = (year: number) =>
  ESTABLISHMENT_LEVEL[year] ?? (year < 2019 ? 1 : ESTABLISHMENT_LEVEL[2025]);

/** Employed residents in November of the year (Kolada's reference month for N00946). */
function employedInNovember(world: DemoWorld, profile: Profile, year: number): Split {
  const e = world.employed(profile, year * 12 + 10);
  return { K: e.KVI, M: e.MAN, T: e.TOT };
}

function establishment(profile: Profile, year: number): Split {
  const key = `kolada|N00960|${profile.municipality.code}|${year}`;
  const expected =
    populationAt(profile, year * 12 + 6) * profile.foreignBorn * 0.012 * establishmentLevel(year);
  const T = Math.max(0, Math.round(expected * (1 + 0.08 * normal(key))));
  const K = Math.round(T * between(`${key}|women`, 0.44, 0.56));
  return { K, M: T - K, T };
}

/** Share (%) of refugees 20–64 in work: rising over time, lower for women. */
function refugeesInWork(profile: Profile, year: number): Split {
  const code = profile.municipality.code;
  const base = between(`kolada|N00700|${code}|base`, 40, 60);
  const slope = between(`kolada|N00700|${code}|slope`, 0.6, 2.0);
  const gap = between(`kolada|N00700|${code}|gap`, 10, 22);
  const covid = year === 2020 ? -2.5 : year === 2021 ? -1 : 0;
  const T = base + slope * (year - 2019) + covid + 0.8 * normal(`kolada|N00700|${code}|${year}`);
  const clampPct = (x: number) => Math.round(Math.min(95, Math.max(5, x)) * 10) / 10;
  return { K: clampPct(T - 0.5 * gap), M: clampPct(T + 0.5 * gap), T: clampPct(T) };
}

const GENDER_ORDER: readonly Gender[] = ['K', 'M', 'T'];

function valuesOf(split: Split | null, decimals: number): KoladaValue[] {
  const round = (x: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
  return GENDER_ORDER.map((gender) => ({
    gender,
    value: split ? round(split[gender]) : null,
    count: 1,
    status: null,
  }));
}

/** Municipalities too small to report N00700: their rows hold `null` values. */
export function suppressedRefugeeShare(world: DemoWorld): Set<string> {
  return new Set(
    [...world.profiles]
      .filter((p) => !p.story)
      .sort((a, b) => a.population - b.population || a.municipality.code.localeCompare(b.municipality.code))
      .slice(0, 3)
      .map((p) => p.municipality.code),
  );
}

/** Every row of the result: each KPI × year × area (country `0000`, counties `00NN`, municipalities). */
export function koladaRows(
  world: DemoWorld,
  reference: ReferenceData,
  years: readonly number[],
): KoladaRow[] {
  const suppressed = suppressedRefugeeShare(world);
  const rows: KoladaRow[] = [];
  for (const kpi of KOLADA_KPIS) {
    for (const year of years) {
      const perMunicipality = new Map<string, Split | null>();
      const weights = new Map<string, number>();
      for (const profile of world.profiles) {
        const code = profile.municipality.code;
        if (kpi.id === 'N00946') perMunicipality.set(code, employedInNovember(world, profile, year));
        else if (kpi.id === 'N00960') perMunicipality.set(code, establishment(profile, year));
        else perMunicipality.set(code, suppressed.has(code) ? null : refugeesInWork(profile, year));
        weights.set(code, populationAt(profile, year * 12 + 6) * profile.foreignBorn);
      }
      // Counts add up; shares are averaged with the foreign-born population as weight.
      const aggregate = (members: Profile[]): Split => {
        const out: Split = { K: 0, M: 0, T: 0 };
        let weight = 0;
        for (const p of members) {
          const split = perMunicipality.get(p.municipality.code);
          if (!split) continue;
          const w = kpi.id === 'N00700' ? (weights.get(p.municipality.code) as number) : 1;
          weight += w;
          for (const g of GENDER_ORDER) out[g] += split[g] * w;
        }
        if (kpi.id === 'N00700') for (const g of GENDER_ORDER) out[g] /= weight;
        return out;
      };
      const decimals = kpi.id === 'N00700' ? 1 : 0;
      const areaRows: [string, Split | null][] = [['0000', aggregate(world.profiles)]];
      for (const county of reference.counties) {
        areaRows.push([
          `00${county.code}`,
          aggregate(world.profiles.filter((p) => p.municipality.countyCode === county.code)),
        ]);
      }
      for (const profile of world.profiles)
        areaRows.push([profile.municipality.code, perMunicipality.get(profile.municipality.code) ?? null]);
      for (const [area, split] of areaRows) {
        rows.push({ kpi: kpi.id, municipality: area, period: year, values: valuesOf(split, decimals) });
      }
    }
  }
  return rows;
}

/** The result as v3 pages of at most 5 000 rows, and at least two pages. */
export function koladaPages(rows: readonly KoladaRow[], years: readonly number[]): string[] {
  const perPage = Math.max(1, Math.min(KOLADA_MAX_PER_PAGE, Math.ceil(rows.length / 2)));
  const pageCount = Math.max(1, Math.ceil(rows.length / perPage));
  const url = (page: number) =>
    `https://api.kolada.se/v3/data/kpi/${KOLADA_KPIS.map((k) => k.id).join(',')}/year/${years.join(',')}?page=${page}&per_page=${perPage}`;
  const pages: string[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const doc = {
      note: SYNTHETIC_NOTE,
      count: rows.length,
      next_url: page < pageCount ? url(page + 1) : null,
      previous_url: page > 1 ? url(page - 1) : null,
      values: new BulkArray(rows.slice((page - 1) * perPage, page * perPage), true),
    };
    pages.push(jsonText(doc));
  }
  return pages;
}
