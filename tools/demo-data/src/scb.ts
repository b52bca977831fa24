import { scbMonthCode, type MonthIndex } from './calendar';
import { BulkArray, jsonText } from './json-text';
import { SYNTHETIC_LABEL, SYNTHETIC_NOTE } from './labels';
import { yearEndPopulation, type DemoWorld, type EmployedGroup, type Profile } from './model';
import { hash32 } from './random';
import type { ReferenceData } from './reference-data';

/*
 * SCB PxWebApi 2 responses in JSON-stat 2.0, shaped like SCB's own (see the TAB638
 * recording in libs/api/statistics-formats/src/fixtures/scb/): `id`/`size`, dimensions
 * with `category.index`/`label`, SCB's `extension.px`, a row-major `value` array and
 * `status` keyed by cell index for the missing (`..`) cells.
 */

/** Population file: the real table id and contents code, so the import maps it like SCB's. */
export const POPULATION_TABLE = 'TAB638';
export const POPULATION_CONTENTS = 'BE0101N1';

/**
 * Employment file: a synthetic stand-in for SCB's monthly BAS figures (employed residents
 * by municipality). It names SCB's table TAB5643, which the catalogue reads whatever its
 * ContentsCode; the contents code and the dimensions are invented, and the file says so.
 */
export const EMPLOYMENT_TABLE = 'TAB5643';
export const EMPLOYMENT_CONTENTS = 'SYNT_BAS_SYSS';

/** What SCB writes for a value that is missing. */
export const MISSING = '..';

interface Dimension {
  id: string;
  label: string;
  codes: readonly string[];
  labels: Readonly<Record<string, string>>;
  extension?: Record<string, unknown>;
  unit?: Record<string, unknown>;
}

/** Region codes in SCB's order: the country, then each county followed by its municipalities. */
export function regionDimension(reference: ReferenceData): Dimension {
  const codes: string[] = ['00'];
  const labels: Record<string, string> = { '00': 'Riket' };
  for (const county of reference.counties) {
    codes.push(county.code);
    labels[county.code] = county.name;
    for (const m of reference.municipalities) {
      if (m.countyCode !== county.code) continue;
      codes.push(m.code);
      labels[m.code] = m.name;
    }
  }
  return {
    id: 'Region',
    label: 'region',
    codes,
    labels,
    extension: { elimination: true, eliminationValueCode: '00', show: 'code_value' },
  };
}

function dimensionJson(d: Dimension): Record<string, unknown> {
  // Maps keep the cube order in the text (see json-text.ts).
  const index = new Map(d.codes.map((code, i) => [code, i]));
  const labels = new Map(d.codes.map((code) => [code, d.labels[code] ?? code]));
  return {
    label: d.label,
    category: { index, label: labels, ...(d.unit ? { unit: d.unit } : {}) },
    extension: d.extension ?? { elimination: false, show: 'value' },
  };
}

interface Dataset {
  label: string;
  tableId: string;
  contents: string;
  updated: string;
  notes: string[];
  dimensions: Dimension[];
  values: (number | null)[];
  status: Record<string, string>;
  timeDimension: string;
}

export function jsonStatText(dataset: Dataset): string {
  const size = dataset.dimensions.map((d) => d.codes.length);
  const expected = size.reduce((a, b) => a * b, 1);
  if (dataset.values.length !== expected)
    throw new Error(`JSON-stat ${dataset.tableId}: ${dataset.values.length} values for ${expected} cells`);
  const dimension: Record<string, unknown> = {};
  for (const d of dataset.dimensions) dimension[d.id] = dimensionJson(d);
  const doc = {
    version: '2.0',
    class: 'dataset',
    label: `${dataset.label} (${SYNTHETIC_LABEL})`,
    source: SYNTHETIC_LABEL,
    updated: dataset.updated,
    note: [SYNTHETIC_NOTE, ...dataset.notes],
    role: { time: [dataset.timeDimension], metric: ['ContentsCode'] },
    id: dataset.dimensions.map((d) => d.id),
    size,
    dimension,
    extension: {
      px: {
        tableid: dataset.tableId,
        contents: dataset.contents,
        language: 'sv',
        decimals: 0,
        'official-statistics': false,
        heading: ['ContentsCode', dataset.timeDimension],
        stub: dataset.dimensions
          .map((d) => d.id)
          .filter((id) => id !== 'ContentsCode' && id !== dataset.timeDimension),
        matrix: dataset.tableId,
      },
      synthetic: true,
    },
    value: new BulkArray(dataset.values, false),
    ...(Object.keys(dataset.status).length ? { status: dataset.status } : {}),
  };
  return jsonText(doc);
}

/** A few municipalities whose cells are written as missing, chosen from the code, never the demo's own. */
export function missingCellMunicipalities(world: DemoWorld, salt: string, n: number): Profile[] {
  return world.profiles
    .filter((p) => !p.story && p.population < 20_000)
    .map((p) => ({ p, h: hash32(`${salt}|${p.municipality.code}`) }))
    .sort((a, b) => a.h - b.h)
    .slice(0, n)
    .map((x) => x.p)
    .sort((a, b) => a.municipality.code.localeCompare(b.municipality.code));
}

/** Sums a per-municipality figure into every region code of {@link regionDimension}. */
function regionTotals(
  world: DemoWorld,
  region: Dimension,
  valueOf: (profile: Profile) => number,
): Map<string, number> {
  const totals = new Map<string, number>(region.codes.map((c) => [c, 0]));
  for (const profile of world.profiles) {
    const v = valueOf(profile);
    const { code, countyCode } = profile.municipality;
    totals.set(code, v);
    totals.set(countyCode, (totals.get(countyCode) ?? 0) + v);
    totals.set('00', (totals.get('00') ?? 0) + v);
  }
  return totals;
}

/** Population on 31 December, per region and year (TAB638 with civil status, age and sex eliminated). */
export function populationJsonStat(
  world: DemoWorld,
  reference: ReferenceData,
  years: readonly number[],
  updated: string,
): { text: string; missing: { area: string; period: string }[] } {
  const region = regionDimension(reference);
  const values: (number | null)[] = [];
  const status: Record<string, string> = {};
  const missing: { area: string; period: string }[] = [];
  // The first year of two small municipalities is missing, as after a boundary change.
  const gaps = new Set(missingCellMunicipalities(world, 'population', 2).map((p) => p.municipality.code));
  const byYear = years.map((year) => regionTotals(world, region, (p) => yearEndPopulation(p, year)));
  region.codes.forEach((code) => {
    years.forEach((year, y) => {
      if (gaps.has(code) && y === 0) {
        status[String(values.length)] = MISSING;
        missing.push({ area: code, period: String(year) });
        values.push(null);
      } else values.push(byYear[y].get(code) as number);
    });
  });
  const text = jsonStatText({
    label: 'Folkmängd efter region och år',
    tableId: POPULATION_TABLE,
    contents: 'Folkmängd',
    updated,
    notes: ['Folkmängd den 31 december respektive år.'],
    timeDimension: 'Tid',
    dimensions: [
      region,
      {
        id: 'ContentsCode',
        label: 'tabellinnehåll',
        codes: [POPULATION_CONTENTS],
        labels: { [POPULATION_CONTENTS]: 'Folkmängd' },
        unit: { [POPULATION_CONTENTS]: { base: 'antal personer', decimals: 0 } },
        extension: {
          elimination: false,
          refperiod: { [POPULATION_CONTENTS]: '31 december respektive år' },
          show: 'value',
        },
      },
      {
        id: 'Tid',
        label: 'år',
        codes: years.map(String),
        labels: Object.fromEntries(years.map((y) => [String(y), String(y)])),
        extension: { elimination: false, show: 'code' },
      },
    ],
    values,
    status,
  });
  return { text, missing };
}

/** Sex × birth region → the model's group, in the file's cube order. */
export const EMPLOYMENT_SEXES = [
  ['1', 'män'],
  ['2', 'kvinnor'],
  ['1+2', 'totalt'],
] as const;
export const EMPLOYMENT_BIRTH_REGIONS = [
  ['INR', 'född i Sverige'],
  ['UTR', 'utrikes född'],
  ['TOT', 'totalt'],
] as const;
export function employmentGroup(sex: string, birthRegion: string): EmployedGroup {
  const prefix = birthRegion === 'TOT' ? '' : birthRegion;
  const suffix = sex === '1+2' ? '' : sex === '2' ? 'K' : 'M';
  if (!prefix) return suffix === '' ? 'TOT' : suffix === 'K' ? 'KVI' : 'MAN';
  return `${prefix}${suffix}` as EmployedGroup;
}

/** Employed residents per region, sex, birth region and month: a synthetic stand-in for BAS. */
export function employmentJsonStat(
  world: DemoWorld,
  reference: ReferenceData,
  months: readonly MonthIndex[],
  updated: string,
): { text: string; missing: { area: string; period: string; dimensions: Record<string, string> }[] } {
  const region = regionDimension(reference);
  const cells = EMPLOYMENT_SEXES.flatMap(([sex]) =>
    EMPLOYMENT_BIRTH_REGIONS.map(([birth]) => ({ sex, birth, group: employmentGroup(sex, birth) })),
  );
  // totals[month][cell] → region code → value
  const totals = months.map((month) =>
    cells.map((cell) => regionTotals(world, region, (p) => world.employed(p, month)[cell.group])),
  );
  // Foreign-born women in three small municipalities in the latest month: not yet delivered.
  const gaps = new Set(missingCellMunicipalities(world, 'employment', 3).map((p) => p.municipality.code));
  const values: (number | null)[] = [];
  const status: Record<string, string> = {};
  const missing: { area: string; period: string; dimensions: Record<string, string> }[] = [];
  for (const code of region.codes) {
    cells.forEach((cell, c) => {
      months.forEach((month, m) => {
        if (gaps.has(code) && m === months.length - 1 && cell.group === 'UTRK') {
          status[String(values.length)] = MISSING;
          missing.push({
            area: code,
            period: scbMonthCode(month),
            dimensions: { Kon: cell.sex, Fodelseregion: cell.birth },
          });
          values.push(null);
        } else values.push(totals[m][c].get(code) as number);
      });
    });
  }
  const contentsLabel = 'Sysselsatta (förvärvsarbetande) boende i kommunen 16–74 år, antal';
  const text = jsonStatText({
    label: 'Sysselsatta efter region, kön, födelseregion och månad (syntetisk ersättare för BAS)',
    tableId: EMPLOYMENT_TABLE,
    contents: contentsLabel,
    updated,
    notes: [
      `Innehållskoden ${EMPLOYMENT_CONTENTS} och värdena är påhittade: filen står i för SCB:s månadsstatistik om befolkningens arbetsmarknadsstatus (BAS, tabell ${EMPLOYMENT_TABLE}), med samma struktur som ett PxWebApi 2-svar.`,
    ],
    timeDimension: 'Tid',
    dimensions: [
      region,
      {
        id: 'Kon',
        label: 'kön',
        codes: EMPLOYMENT_SEXES.map(([c]) => c),
        labels: Object.fromEntries(EMPLOYMENT_SEXES),
      },
      {
        id: 'Fodelseregion',
        label: 'födelseregion',
        codes: EMPLOYMENT_BIRTH_REGIONS.map(([c]) => c),
        labels: Object.fromEntries(EMPLOYMENT_BIRTH_REGIONS),
      },
      {
        id: 'ContentsCode',
        label: 'tabellinnehåll',
        codes: [EMPLOYMENT_CONTENTS],
        labels: { [EMPLOYMENT_CONTENTS]: contentsLabel },
        unit: { [EMPLOYMENT_CONTENTS]: { base: 'antal personer', decimals: 0 } },
        extension: {
          elimination: false,
          refperiod: { [EMPLOYMENT_CONTENTS]: 'respektive månad' },
          show: 'value',
        },
      },
      {
        id: 'Tid',
        label: 'månad',
        codes: months.map(scbMonthCode),
        labels: Object.fromEntries(months.map((m) => [scbMonthCode(m), scbMonthCode(m)])),
        extension: { elimination: false, show: 'code' },
      },
    ],
    values,
    status,
  });
  return { text, missing };
}
