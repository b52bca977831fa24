/**
 * The columns of Arbetsförmedlingen's workbook of registered unemployed by municipality
 * ("inskrivna arbetslösa, andel av registerbaserad arbetskraft / av BAS").
 *
 * Each measure comes as a pair: `…SOK` is the count of registered unemployed
 * (*sökande*), `…AK` its denominator, the labour force (*arbetskraft*), which is a
 * monthly average and therefore often fractional.
 */
export const AF_PERIOD_FIELD = 'PERIOD';
export const AF_COUNTY_FIELD = 'LAN';
export const AF_MUNICIPALITY_FIELD = 'KOM';

/** Group prefixes in the order the workbooks list them. */
export const AF_MEASURE_GROUPS = [
  'TOT', // all
  'KVI', // women
  'MAN', // men
  'UNG', // 18–24
  'UNGK',
  'UNGM',
  'GAM', // 55–64
  'GAMK',
  'GAMM',
  'INR', // born in Sweden
  'INRK',
  'INRM',
  'UTR', // foreign-born
  'UTRK',
  'UTRM',
  'FG', // pre-upper-secondary education
  'FGK',
  'FGM',
  'GY', // upper-secondary education
  'GYK',
  'GYM',
  'EG', // post-secondary education
  'EGK',
  'EGM',
] as const;

/** Every known count/denominator field: TOTSOK, TOTAK, KVISOK, KVIAK, … */
export const AF_MEASURE_FIELDS: readonly string[] = AF_MEASURE_GROUPS.flatMap((g) => [`${g}SOK`, `${g}AK`]);

const KNOWN_MEASURES = new Set(AF_MEASURE_FIELDS);

/**
 * Whether a column holds a count or denominator. Besides the known pairs this accepts any
 * upper-case name ending in SOK or AK, so a pair Arbetsförmedlingen adds later is read and
 * reported as an unmapped series by the import instead of being dropped silently.
 */
export function isAfMeasureField(name: string): boolean {
  return KNOWN_MEASURES.has(name) || /^[A-Z]{2,8}(?:SOK|AK)$/.test(name);
}

/** Header names that mean the same column; other AF files spell them out. */
export const AF_HEADER_ALIASES: Readonly<Record<string, string>> = {
  PERIOD: AF_PERIOD_FIELD,
  LAN: AF_COUNTY_FIELD,
  LÄN: AF_COUNTY_FIELD,
  KOM: AF_MUNICIPALITY_FIELD,
  KOMMUN: AF_MUNICIPALITY_FIELD,
};

/** A column header as written → the canonical field name, or null for columns we do not read. */
export function canonicalAfField(header: string): string | null {
  const name = header.normalize('NFC').trim().toLocaleUpperCase('sv');
  if (AF_HEADER_ALIASES[name]) return AF_HEADER_ALIASES[name];
  return isAfMeasureField(name) ? name : null;
}

/** What the reader looks for, for the "neither layout found" problem. */
export const AF_REQUIRED_DESCRIPTION = `${AF_PERIOD_FIELD}, ${AF_MUNICIPALITY_FIELD} (optionally ${AF_COUNTY_FIELD}) and at least one count column such as TOTSOK (known counts and denominators: ${AF_MEASURE_FIELDS.join(', ')})`;
