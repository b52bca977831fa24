/** Where something was found in a source file, for error messages ("row 12, cell D12"). */
export interface SourceLocation {
  sheet?: string;
  row?: number;
  column?: string;
  cell?: string;
  index?: number;
  path?: string;
}

/**
 * Where a problem is, for people reading the operator's output, in the order the web's
 * report shows it: the sheet, the cell (or row and column), the value's position, the
 * JSON path. Empty for the whole file.
 */
export function describeLocation(location: SourceLocation): string {
  const parts: string[] = [];
  if (location.sheet) parts.push(`sheet ${location.sheet}`);
  if (location.cell) parts.push(`cell ${location.cell}`);
  else {
    if (location.row !== undefined) parts.push(`row ${location.row}`);
    if (location.column) parts.push(`column ${location.column}`);
  }
  if (location.index !== undefined) parts.push(`value ${location.index}`);
  if (location.path) parts.push(`at ${location.path}`);
  return parts.join(', ');
}

/** How a source names a series; an indicator declares which key it reads. */
export type SeriesKey =
  | { source: 'AF'; field: string } // e.g. UTRKSOK / UTRKAK
  | { source: 'SCB'; table: string | null; contentsCode: string; dimensions: Record<string, string> } // fixed values of the dims other than Region/Tid/ContentsCode
  | { source: 'KOLADA'; kpi: string; gender: 'T' | 'K' | 'M' }
  | { source: 'TEMPLATE'; indicatorCode: string };

/** One value as found in a file, before it is mapped to an indicator. */
export interface SourceObservation {
  series: SeriesKey;
  /** 4-digit municipality code, '00NN' for a county, '0000' for the whole country. */
  area: string;
  /** canonical period code from @kraftsamling/shared/periods */
  period: string;
  /** null = missing (e.g. SCB '..'); never 0 for a missing value */
  value: number | null;
  /** set when the source gives only a bound, e.g. AF '<5': value 1, upperBound 4 */
  lowerBound?: boolean;
  upperBound?: number;
  /** the source's status symbol for the cell, e.g. '..', 'e', 'B' */
  status?: string;
  preliminary?: boolean;
  location: SourceLocation;
}

export interface ParseProblem {
  location: SourceLocation;
  /** in English, for the operator's output and for clients that do not know the code */
  message: string;
  /**
   * What kind of problem it is (UNKNOWN_AREA, VALUE_NOT_NUMBER, …), so a client can say it in
   * its user's language with `params`; absent where only the message says it.
   */
  code?: string;
  params?: Record<string, string | number>;
}

export interface ParsedFile {
  format: 'AF_WORKBOOK' | 'JSON_STAT_2' | 'PXWEB_V1_JSON' | 'KOLADA' | 'TEMPLATE_CSV' | 'TEMPLATE_XLSX';
  observations: SourceObservation[];
  /** every problem found; a file with any problem must write nothing */
  problems: ParseProblem[];
  meta: { title?: string; tableId?: string; updated?: string; source?: string };
}

/** Names the sources use for the whole country instead of a code. */
const COUNTRY_NAMES = new Set(['riket', 'sverige', 'sweden', 'hela landet', 'se']);

/**
 * Area codes as sources write them → the product's area codes.
 *
 * - '0114' → '0114' (municipality; SCB, Kolada and AF all use the 4-digit code)
 * - '12' → '0012' (county; SCB writes counties with 2 digits, Kolada as '0012')
 * - '00', '0000', 'Riket' → '0000' (the whole country)
 * - anything else (SCB's RegSO/DeSO codes, 'SE1' regions, labels) → null
 */
export function normaliseAreaCode(code: string): string | null {
  if (typeof code !== 'string') return null;
  const trimmed = code.trim();
  if (COUNTRY_NAMES.has(trimmed.toLowerCase())) return '0000';
  if (/^\d{4}$/.test(trimmed)) return trimmed;
  if (/^\d{2}$/.test(trimmed)) return `00${trimmed}`;
  return null;
}
