import type { SeriesKey } from '@kraftsamling/api/statistics-formats';
import { AF_MEASURE_GROUPS } from '@kraftsamling/api/statistics-formats';

export type IndicatorUnit = 'COUNT' | 'PERCENT' | 'PER_1000' | 'CURRENCY' | 'OTHER';
export type Periodicity = 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
export type Direction = 'LOWER_IS_BETTER' | 'HIGHER_IS_BETTER';
export type IndicatorSource = 'AF' | 'SCB' | 'KOLADA' | 'LOCAL';

/**
 * Arbetsförmedlingen publishes two series with the same field names: the register-based
 * one (to 2023-12) and the BAS-based one (from 2023-01). Their denominators differ, so
 * they are different indicators, told apart by this variant.
 */
export type AfSeries = 'REG' | 'BAS';

/**
 * Where an SCB indicator is found: a ContentsCode with fixed values of the other
 * dimensions. `contentsCode: null` reads the one measure of `table`, for tables whose
 * ContentsCode the catalogue does not pin. `sum` adds up the values of one dimension
 * (e.g. single ages 16…64), for figures SCB publishes only in finer classes; the sum is
 * stored only when the file holds every class.
 */
export interface ScbSourceKey {
  source: 'SCB';
  table: string | null;
  contentsCode: string | null;
  dimensions: Record<string, string>;
  sum?: { dimension: string; codes: string[] };
  /** the table publishes preliminary figures only (e.g. TAB5643): every value is stored as preliminary */
  preliminary?: boolean;
}

/** Where an official measured indicator is found in its source. */
export type IndicatorSourceKey =
  ScbSourceKey | (SeriesKey & { source: 'KOLADA' }) | { source: 'AF'; field: string; series: AfSeries };

export interface IndicatorDefinition {
  code: string;
  theme: string;
  nameSv: string;
  nameEn: string;
  descriptionSv?: string;
  descriptionEn?: string;
  unit: IndicatorUnit;
  periodicity: Periodicity;
  direction: Direction;
  source: IndicatorSource;
  /** a measured series: where it is found */
  sourceKey?: IndicatorSourceKey;
  /** a ratio: numerator ÷ denominator × factor, computed when read, never stored */
  ratio?: { numerator: string; denominator: string; factor: number };
  /** the code of the series that replaces this one (the catalogue folds this one under it) */
  supersededBy?: string;
}

/**
 * The official themes' names, which the catalogue search reads as words of each indicator
 * ("befolkning" finds the population figures). The web app shows the same names from its
 * translations (`indicators.themes.*`); other themes (Kolada's operating areas, local
 * themes) are searched as written.
 */
export const THEME_NAMES: Readonly<Record<string, { sv: string; en: string }>> = {
  'unemployment-bas': {
    sv: 'Arbetslöshet (BAS-arbetskraft, fr.o.m. 2023)',
    en: 'Unemployment (BAS labour force, from 2023)',
  },
  'unemployment-register': {
    sv: 'Arbetslöshet (registerbaserad arbetskraft, t.o.m. 2023)',
    en: 'Unemployment (register-based labour force, to 2023)',
  },
  unemployment: { sv: 'Arbetslöshet', en: 'Unemployment' },
  employment: { sv: 'Sysselsättning', en: 'Employment' },
  population: { sv: 'Befolkning', en: 'Population' },
  establishment: { sv: 'Etablering', en: 'Establishment of newcomers' },
  income: { sv: 'Inkomst', en: 'Income' },
  local: { sv: 'Egna nyckeltal', en: 'Local indicators' },
  'population-by-age': { sv: 'Befolkning efter ålder', en: 'Population by age' },
};

const AF_GROUP_NAMES: Record<(typeof AF_MEASURE_GROUPS)[number], [string, string]> = {
  TOT: ['samtliga', 'everyone'],
  KVI: ['kvinnor', 'women'],
  MAN: ['män', 'men'],
  UNG: ['unga 18–24 år', 'young people 18–24'],
  UNGK: ['unga kvinnor 18–24 år', 'young women 18–24'],
  UNGM: ['unga män 18–24 år', 'young men 18–24'],
  GAM: ['55–64 år', 'people 55–64'],
  GAMK: ['kvinnor 55–64 år', 'women 55–64'],
  GAMM: ['män 55–64 år', 'men 55–64'],
  INR: ['inrikes födda', 'people born in Sweden'],
  INRK: ['inrikes födda kvinnor', 'women born in Sweden'],
  INRM: ['inrikes födda män', 'men born in Sweden'],
  UTR: ['utrikes födda', 'foreign-born people'],
  UTRK: ['utrikes födda kvinnor', 'foreign-born women'],
  UTRM: ['utrikes födda män', 'foreign-born men'],
  FG: ['förgymnasialt utbildade', 'people without upper secondary education'],
  FGK: ['förgymnasialt utbildade kvinnor', 'women without upper secondary education'],
  FGM: ['förgymnasialt utbildade män', 'men without upper secondary education'],
  GY: ['gymnasialt utbildade', 'people with upper secondary education'],
  GYK: ['gymnasialt utbildade kvinnor', 'women with upper secondary education'],
  GYM: ['gymnasialt utbildade män', 'men with upper secondary education'],
  EG: ['eftergymnasialt utbildade', 'people with post-secondary education'],
  EGK: ['eftergymnasialt utbildade kvinnor', 'women with post-secondary education'],
  EGM: ['eftergymnasialt utbildade män', 'men with post-secondary education'],
};

const AF_SERIES_NAMES: Record<AfSeries, { sv: string; en: string; theme: string }> = {
  REG: {
    sv: 'registerbaserad arbetskraft, t.o.m. 2023',
    en: 'register-based labour force, to 2023',
    theme: 'unemployment-register',
  },
  BAS: { sv: 'BAS-arbetskraft, fr.o.m. 2023', en: 'BAS labour force, from 2023', theme: 'unemployment-bas' },
};

/** Registered unemployed, labour force and their share, per group and series. */
function afIndicators(): IndicatorDefinition[] {
  return (['REG', 'BAS'] as const).flatMap((series) =>
    AF_MEASURE_GROUPS.flatMap((group) => {
      const [groupSv, groupEn] = AF_GROUP_NAMES[group];
      const names = AF_SERIES_NAMES[series];
      const base = `af.${series.toLowerCase()}.${group.toLowerCase()}`;
      const common = { theme: names.theme, periodicity: 'MONTH' as const, source: 'AF' as const };
      // The register-based series ended with 2023; the BAS-based one with the same group goes on.
      const successor = (measure: string) =>
        series === 'REG' ? { supersededBy: `af.bas.${group.toLowerCase()}.${measure}` } : {};
      return [
        {
          ...common,
          ...successor('unemployed'),
          code: `${base}.unemployed`,
          nameSv: `Inskrivna arbetslösa, ${groupSv} (${names.sv})`,
          nameEn: `Registered unemployed, ${groupEn} (${names.en})`,
          unit: 'COUNT' as const,
          direction: 'LOWER_IS_BETTER' as const,
          sourceKey: { source: 'AF' as const, field: `${group}SOK`, series },
        },
        {
          ...common,
          ...successor('labour_force'),
          code: `${base}.labour_force`,
          nameSv: `Arbetskraft, ${groupSv} (${names.sv})`,
          nameEn: `Labour force, ${groupEn} (${names.en})`,
          descriptionSv: 'Månadsgenomsnitt; kan ha decimaler.',
          descriptionEn: 'Monthly average; may have decimals.',
          unit: 'COUNT' as const,
          direction: 'HIGHER_IS_BETTER' as const,
          sourceKey: { source: 'AF' as const, field: `${group}AK`, series },
        },
        {
          ...common,
          ...successor('unemployment_share'),
          code: `${base}.unemployment_share`,
          nameSv: `Andel inskrivna arbetslösa, ${groupSv} (${names.sv})`,
          nameEn: `Share registered unemployed, ${groupEn} (${names.en})`,
          descriptionSv:
            'Arbetslösheten: inskrivna arbetslösa i procent av arbetskraften; för flera kommuner summa täljare delat med summa nämnare.',
          descriptionEn:
            'The unemployment rate: registered unemployed as a percentage of the labour force; for several areas the sum of numerators over the sum of denominators.',
          unit: 'PERCENT' as const,
          direction: 'LOWER_IS_BETTER' as const,
          ratio: { numerator: `${base}.unemployed`, denominator: `${base}.labour_force`, factor: 100 },
        },
      ];
    }),
  );
}

const scb = (
  table: string,
  contentsCode: string | null,
  dimensions: Record<string, string> = {},
  sum?: ScbSourceKey['sum'],
): ScbSourceKey => ({ source: 'SCB', table, contentsCode, dimensions, ...(sum ? { sum } : {}) });

/** Single-year age codes of SCB's population tables (TAB638: '0', '1', … '100+'). */
const ages = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** TAB6471's ten-year age classes, as its responses code them. */
const TEN_YEAR_CLASSES = [
  '0-9',
  '10-19',
  '20-29',
  '30-39',
  '40-49',
  '50-59',
  '60-69',
  '70-79',
  '80-89',
  '90-99',
  '100+10',
];
const classLabel = (code: string) => (code === '100+10' ? '100+' : code.replace('-', '–'));

/** SCB's sexes: code in TAB6471 (TotSa/2/1) and in most other tables (1+2/2/1), with names. */
const SCB_SEXES = [
  { suffix: '', total6471: 'TotSa', code: '1+2', sv: '', en: '' },
  { suffix: '.women', total6471: '2', code: '2', sv: ', kvinnor', en: ', women' },
  { suffix: '.men', total6471: '1', code: '1', sv: ', män', en: ', men' },
] as const;

function scbPopulationIndicators(): IndicatorDefinition[] {
  const common = {
    theme: 'population',
    unit: 'COUNT' as const,
    direction: 'HIGHER_IS_BETTER' as const,
    source: 'SCB' as const,
  };
  const monthly = { ...common, periodicity: 'MONTH' as const };
  return [
    ...(
      [
        [16, 64],
        [20, 64],
      ] as const
    ).map(([from, to]) => ({
      ...common,
      code: `scb.population.${from}_${to}`,
      nameSv: `Folkmängd ${from}–${to} år`,
      nameEn: `Population aged ${from}–${to}`,
      descriptionSv: `Folkmängd ${from}–${to} år den 31 december: summan av ettårsklasserna ${from} till ${to} i SCB:s tabell TAB638 (BE0101N1, civilstånd och kön eliminerade).`,
      descriptionEn: `Population aged ${from}–${to} on 31 December: the sum of the single years ${from} to ${to} in Statistics Sweden's table TAB638 (BE0101N1, civil status and sex eliminated).`,
      periodicity: 'YEAR' as const,
      sourceKey: scb('TAB638', 'BE0101N1', {}, { dimension: 'Alder', codes: ages(from, to) }),
    })),
    // TAB6471 cannot eliminate age: the monthly totals are sums of its ten-year classes.
    ...SCB_SEXES.map((sex) => ({
      ...monthly,
      code: `scb.population.monthly${sex.suffix}`,
      nameSv: `Folkmängd per månad${sex.sv}`,
      nameEn: `Population by month${sex.en}`,
      descriptionSv:
        'Folkmängd vid månadens slut: summan av tioårsklasserna i SCB:s tabell TAB6471 (000007SF).',
      descriptionEn:
        "Population at the end of the month: the sum of the ten-year classes in Statistics Sweden's table TAB6471 (000007SF).",
      sourceKey: scb(
        'TAB6471',
        '000007SF',
        { Kon: sex.total6471 },
        { dimension: 'Alder', codes: TEN_YEAR_CLASSES },
      ),
    })),
    ...SCB_SEXES.flatMap((sex) =>
      TEN_YEAR_CLASSES.map((ageClass) => ({
        ...monthly,
        theme: 'population-by-age',
        code: `scb.population.monthly.age_${ageClass.replace('+10', '_plus').replace('-', '_')}${sex.suffix}`,
        nameSv: `Folkmängd per månad, ${classLabel(ageClass)} år${sex.sv}`,
        nameEn: `Population by month, aged ${classLabel(ageClass)}${sex.en}`,
        descriptionSv: 'SCB, tabell TAB6471 (000007SF).',
        descriptionEn: 'Statistics Sweden, table TAB6471 (000007SF).',
        sourceKey: scb('TAB6471', '000007SF', { Alder: ageClass, Kon: sex.total6471 }),
      })),
    ),
  ];
}

/** Birth regions of the employment figures: everyone, born in Sweden, foreign-born. */
const BIRTH_REGIONS = [
  { suffix: '', code: 'TOT', sv: '', en: '' },
  { suffix: '.domestic_born', code: 'INR', sv: ', inrikes födda', en: ', born in Sweden' },
  { suffix: '.foreign_born', code: 'UTR', sv: ', utrikes födda', en: ', foreign-born' },
] as const;

/**
 * Employed residents from SCB's monthly BAS figures (TAB5643, preliminary). The catalogue
 * reads the table's one measure whatever its ContentsCode, by sex and birth region.
 */
function scbEmploymentIndicators(): IndicatorDefinition[] {
  return BIRTH_REGIONS.flatMap((birth) =>
    SCB_SEXES.map((sex) => ({
      code: `scb.bas.employed${birth.suffix}${sex.suffix}`,
      theme: 'employment',
      nameSv: `Förvärvsarbetande (BAS)${birth.sv}${sex.sv}`,
      nameEn: `Employed residents (BAS)${birth.en}${sex.en}`,
      descriptionSv:
        'Sysselsatta bland de boende i kommunen enligt SCB:s månatliga statistik om befolkningens arbetsmarknadsstatus (BAS), tabell TAB5643; preliminär.',
      descriptionEn:
        "Employed residents of the municipality from Statistics Sweden's monthly labour-market status statistics (BAS), table TAB5643; preliminary.",
      unit: 'COUNT' as const,
      periodicity: 'MONTH' as const,
      direction: 'HIGHER_IS_BETTER' as const,
      source: 'SCB' as const,
      sourceKey: { ...scb('TAB5643', null, { Kon: sex.code, Fodelseregion: birth.code }), preliminary: true },
    })),
  );
}

function scbIncomeIndicators(): IndicatorDefinition[] {
  return SCB_SEXES.map((sex) => ({
    code: `scb.median_income${sex.suffix}`,
    theme: 'income',
    nameSv: `Medianinkomst, sammanräknad förvärvsinkomst 16+ år, tkr${sex.sv}`,
    nameEn: `Median total earned income, aged 16+, SEK thousands${sex.en}`,
    descriptionSv: 'SCB, tabell TAB3554 (SamForvInk1, HE0110J8).',
    descriptionEn: 'Statistics Sweden, table TAB3554 (SamForvInk1, HE0110J8).',
    unit: 'CURRENCY' as const,
    periodicity: 'YEAR' as const,
    direction: 'HIGHER_IS_BETTER' as const,
    source: 'SCB' as const,
    sourceKey: scb('TAB3554', 'HE0110J8', { Alder: 'tot16+', Kon: sex.code }),
  }));
}
const kolada = (kpi: string, gender: 'T' | 'K' | 'M' = 'T') => ({ source: 'KOLADA' as const, kpi, gender });

/** The official catalogue the product ships. Codes are stable: values refer to them. */
export const OFFICIAL_INDICATORS: readonly IndicatorDefinition[] = [
  ...afIndicators(),
  {
    code: 'scb.population',
    theme: 'population',
    nameSv: 'Folkmängd',
    nameEn: 'Population',
    descriptionSv: 'Folkmängd den 31 december (SCB, tabell TAB638, BE0101N1).',
    descriptionEn: 'Population on 31 December (Statistics Sweden, table TAB638, BE0101N1).',
    unit: 'COUNT',
    periodicity: 'YEAR',
    direction: 'HIGHER_IS_BETTER',
    source: 'SCB',
    sourceKey: scb('TAB638', 'BE0101N1'),
  },
  ...scbPopulationIndicators(),
  ...scbEmploymentIndicators(),
  ...scbIncomeIndicators(),
  ...(['T', 'K', 'M'] as const).map((gender) => ({
    code: `kolada.n00946.${gender.toLowerCase()}`,
    theme: 'employment',
    nameSv: `Förvärvsarbetande totalt, antal${gender === 'T' ? '' : gender === 'K' ? ', kvinnor' : ', män'}`,
    nameEn: `Gainfully employed, total${gender === 'T' ? '' : gender === 'K' ? ', women' : ', men'}`,
    descriptionSv: 'Kolada N00946.',
    descriptionEn: 'Kolada N00946.',
    unit: 'COUNT' as const,
    periodicity: 'YEAR' as const,
    direction: 'HIGHER_IS_BETTER' as const,
    source: 'KOLADA' as const,
    sourceKey: kolada('N00946', gender),
  })),
  ...(['T', 'K', 'M'] as const).map((gender) => ({
    code: `kolada.n00700.${gender.toLowerCase()}`,
    theme: 'establishment',
    nameSv: `Förvärvsarbetande skyddsbehövande och anhöriga 20–64 år, andel (%)${gender === 'T' ? '' : gender === 'K' ? ', kvinnor' : ', män'}`,
    nameEn: `Gainfully employed refugees and relatives 20–64, share (%)${gender === 'T' ? '' : gender === 'K' ? ', women' : ', men'}`,
    descriptionSv: 'Kolada N00700.',
    descriptionEn: 'Kolada N00700.',
    unit: 'PERCENT' as const,
    periodicity: 'YEAR' as const,
    direction: 'HIGHER_IS_BETTER' as const,
    source: 'KOLADA' as const,
    sourceKey: kolada('N00700', gender),
  })),
  ...(['T', 'K', 'M'] as const).map((gender) => ({
    code: `kolada.n00960.${gender.toLowerCase()}`,
    theme: 'establishment',
    nameSv: `Inskrivna i etableringsuppdraget under året, antal${gender === 'T' ? '' : gender === 'K' ? ', kvinnor' : ', män'}`,
    nameEn: `Enrolled in the establishment programme during the year${gender === 'T' ? '' : gender === 'K' ? ', women' : ', men'}`,
    descriptionSv: 'Kolada N00960.',
    descriptionEn: 'Kolada N00960.',
    unit: 'COUNT' as const,
    periodicity: 'YEAR' as const,
    direction: 'HIGHER_IS_BETTER' as const,
    source: 'KOLADA' as const,
    sourceKey: kolada('N00960', gender),
  })),
  {
    code: 'kolada.n00800',
    theme: 'unemployment',
    nameSv: 'Invånare 16–64 år som är arbetslösa eller i program, andel (%)',
    nameEn: 'Residents 16–64 unemployed or in labour-market programmes, share (%)',
    descriptionSv: 'Kolada N00800.',
    descriptionEn: 'Kolada N00800.',
    unit: 'PERCENT',
    periodicity: 'YEAR',
    direction: 'LOWER_IS_BETTER',
    source: 'KOLADA',
    sourceKey: kolada('N00800'),
  },
];

const dimensionsText = (dimensions: Record<string, string>) =>
  Object.keys(dimensions)
    .sort()
    .map((dimension) => `${dimension}=${dimensions[dimension]}`)
    .join(',');

/** The canonical text of a series key, to look up which indicator reads it. */
export function seriesKeyId(key: IndicatorSourceKey | SeriesKey, afSeries?: AfSeries): string {
  switch (key.source) {
    case 'AF':
      return `AF|${'series' in key ? key.series : afSeries}|${key.field}`;
    case 'SCB':
      // The table is not part of the key: SCB's ContentsCodes name one measure across
      // tables, and a file does not always say which table it came from. A key without a
      // ContentsCode reads the table's measure, so it needs the table instead.
      return key.contentsCode === null
        ? `SCB-TABLE|${key.table}|${dimensionsText(key.dimensions)}`
        : `SCB|${key.contentsCode}|${dimensionsText(key.dimensions)}`;
    case 'KOLADA':
      return `KOLADA|${key.kpi}|${key.gender}`;
    case 'TEMPLATE':
      return `TEMPLATE|${key.indicatorCode}`;
  }
}

/** The key of an SCB series by its table rather than its ContentsCode (null when the file names no table). */
export function scbTableKeyId(key: SeriesKey): string | null {
  return key.source === 'SCB' && key.table ? seriesKeyId({ ...key, contentsCode: null }) : null;
}

/** For an indicator that sums a dimension: the key of each series it adds up. */
export function summedSeriesKeyIds(key: IndicatorSourceKey): string[] {
  if (key.source !== 'SCB' || !key.sum) return [];
  const { dimension, codes } = key.sum;
  return codes.map((code) => seriesKeyId({ ...key, dimensions: { ...key.dimensions, [dimension]: code } }));
}
