import { parse } from 'csv-parse/sync';
import type { ParseProblem } from '../model';
import { decodeText } from '../jsonstat/json-input';
import { TemplateRawRow, TemplateParsedFile, readTemplateRows } from './rows';

const DELIMITERS = [';', ',', '\t'] as const;
// A template row is an indicator code, an area, a period, a value, flags and a note: far
// below this. A longer record is refused at once instead of being read to its end.
const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Picks the delimiter from the header line: Swedish spreadsheets save CSV with
 * semicolons (the comma is the decimal sign), others with commas, "Unicode text"
 * with tabs. The header has no decimals, so counting there is unambiguous.
 */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  // Only the start of the text is looked at: a file that is one enormous line costs nothing here.
  const head = text.slice(0, MAX_RECORD_BYTES);
  const firstLine = head.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  let best: (typeof DELIMITERS)[number] = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const char of firstLine) {
      if (char === '"') quoted = !quoted;
      else if (char === delimiter && !quoted) count += 1;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Reads the CSV template (UTF-8 with or without BOM, or UTF-16 with BOM; comma, semicolon or tab). */
export function parseTemplateCsv(input: string | Uint8Array): TemplateParsedFile {
  const problems: ParseProblem[] = [];
  const text = decodeText(input, problems, {}, 'CSV text');
  if (text === null) return { format: 'TEMPLATE_CSV', observations: [], problems, meta: {} };
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, {
      delimiter,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_BYTES,
    }) as unknown as typeof records;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
      return {
        format: 'TEMPLATE_CSV',
        observations: [],
        problems: [
          {
            location: lines ? { row: lines } : {},
            message: `row ${lines ?? '?'} is longer than ${MAX_RECORD_BYTES / 1024} kB, which no row of the template is: the file is not a template CSV`,
          },
        ],
        meta: {},
      };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return {
      format: 'TEMPLATE_CSV',
      observations: [],
      problems: [{ location: lines ? { row: lines } : {}, message: `the file is not valid CSV: ${reason}` }],
      meta: {},
    };
  }
  // Row numbers as a spreadsheet shows them: a record starts after the line breaks of
  // all records before it (a quoted cell may hold line breaks of its own). Counted from
  // the raw text because the parser's own line count doubles CRLF inside quotes.
  let breaks = 0;
  const rows: TemplateRawRow[] = records.map(({ record, raw }) => {
    const row = { row: breaks + 1, cells: record };
    breaks += raw.match(/\r\n|\r|\n/g)?.length ?? 0;
    return row;
  });
  const hint =
    delimiter === ','
      ? 'in a comma-separated file a decimal comma must be in quotes ("1,5"), or save the file with semicolons'
      : 'check for a stray delimiter in the row';
  return readTemplateRows(rows, { format: 'TEMPLATE_CSV', extraCellsHint: hint });
}
