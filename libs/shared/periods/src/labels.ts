import { parsePeriod } from './periods';

export type PeriodLanguage = 'sv' | 'en';

const MONTHS: Readonly<Record<PeriodLanguage, readonly string[]>> = {
  // Swedish month names are not capitalised.
  sv: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * A human label for a period: "september 2024" / "September 2024",
 * "vecka 42 2023" / "week 42 2023", "kv. 3 2024" / "Q3 2024", "2024".
 * Written out here rather than through Intl so API (Node) and browser agree exactly.
 */
export function labelPeriod(code: string, language: PeriodLanguage = 'sv'): string {
  const p = parsePeriod(code);
  switch (p.periodicity) {
    case 'WEEK':
      return language === 'sv' ? `vecka ${p.index} ${p.year}` : `week ${p.index} ${p.year}`;
    case 'MONTH':
      return `${MONTHS[language][p.index - 1]} ${p.year}`;
    case 'QUARTER':
      return language === 'sv' ? `kv. ${p.index} ${p.year}` : `Q${p.index} ${p.year}`;
    case 'YEAR':
      return String(p.year);
  }
}

/** Short label for chart axes: "sep. 2024" / "Sep 2024"; others as labelPeriod. */
export function shortLabelPeriod(code: string, language: PeriodLanguage = 'sv'): string {
  const p = parsePeriod(code);
  if (p.periodicity === 'WEEK')
    return language === 'sv' ? `v. ${p.index} ${p.year}` : `wk ${p.index} ${p.year}`;
  if (p.periodicity !== 'MONTH') return labelPeriod(code, language);
  const name = MONTHS[language][p.index - 1];
  if (name.length <= 4) return `${name} ${p.year}`;
  return language === 'sv' ? `${name.slice(0, 3)}. ${p.year}` : `${name.slice(0, 3)} ${p.year}`;
}
