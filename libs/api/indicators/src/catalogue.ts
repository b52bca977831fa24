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

/** Where an official measured indicator is found in its source. */
export type IndicatorSourceKey =
  (SeriesKey & { source: 'SCB' | 'KOLADA' }) | { source: 'AF'; field: string; series: AfSeries };

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
}

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
      return [
        {
          ...common,
          code: `${base}.unemployed`,
          nameSv: `Inskrivna arbetslösa, ${groupSv} (${names.sv})`,
          nameEn: `Registered unemployed, ${groupEn} (${names.en})`,
          unit: 'COUNT' as const,
          direction: 'LOWER_IS_BETTER' as const,
          sourceKey: { source: 'AF' as const, field: `${group}SOK`, series },
        },
        {
          ...common,
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
          code: `${base}.unemployment_share`,
          nameSv: `Andel inskrivna arbetslösa, ${groupSv} (${names.sv})`,
          nameEn: `Share registered unemployed, ${groupEn} (${names.en})`,
          descriptionSv:
            'Inskrivna arbetslösa i procent av arbetskraften; för flera kommuner summa täljare delat med summa nämnare.',
          descriptionEn:
            'Registered unemployed as a percentage of the labour force; for several areas the sum of numerators over the sum of denominators.',
          unit: 'PERCENT' as const,
          direction: 'LOWER_IS_BETTER' as const,
          ratio: { numerator: `${base}.unemployed`, denominator: `${base}.labour_force`, factor: 100 },
        },
      ];
    }),
  );
}

const scb = (table: string, contentsCode: string, dimensions: Record<string, string> = {}) => ({
  source: 'SCB' as const,
  table,
  contentsCode,
  dimensions,
});
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
  {
    code: 'scb.population.monthly',
    theme: 'population',
    nameSv: 'Folkmängd per månad',
    nameEn: 'Population by month',
    descriptionSv: 'Folkmängd vid månadens slut (SCB, tabell TAB6471, 000007SF).',
    descriptionEn: 'Population at the end of the month (Statistics Sweden, table TAB6471, 000007SF).',
    unit: 'COUNT',
    periodicity: 'MONTH',
    direction: 'HIGHER_IS_BETTER',
    source: 'SCB',
    sourceKey: scb('TAB6471', '000007SF'),
  },
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

/** The canonical text of a series key, to look up which indicator reads it. */
export function seriesKeyId(key: IndicatorSourceKey | SeriesKey, afSeries?: AfSeries): string {
  switch (key.source) {
    case 'AF':
      return `AF|${'series' in key ? key.series : afSeries}|${key.field}`;
    case 'SCB': {
      // The table is not part of the key: SCB's ContentsCodes name one measure across
      // tables, and a file does not always say which table it came from.
      const dimensions = Object.keys(key.dimensions)
        .sort()
        .map((dimension) => `${dimension}=${key.dimensions[dimension]}`)
        .join(',');
      return `SCB|${key.contentsCode}|${dimensions}`;
    }
    case 'KOLADA':
      return `KOLADA|${key.kpi}|${key.gender}`;
    case 'TEMPLATE':
      return `TEMPLATE|${key.indicatorCode}`;
  }
}
