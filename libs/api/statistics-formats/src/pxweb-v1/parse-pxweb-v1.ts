import { ParsedFile, ParseProblem, SourceObservation } from '../model';
import { JsonInput, isRecord, jsonPath, quoteJson, readJson } from '../jsonstat/json-input';
import {
  SCB_REGION,
  SCB_TIME,
  ScbParseOptions,
  defaultAreaOf,
  mapAreaCodes,
  mapTimeCodes,
} from '../jsonstat/scb-mapping';

/*
 * PxWeb API v1 `"format": "json"` responses:
 *   { columns: [{code, text, type: 'd'|'t'|'c', comment?}], comments: [],
 *     data: [{ key: [...one per d/t column], values: [...one per c column, as strings] }],
 *     metadata: [{ infofile, updated, label, source }] }
 * Values are strings ("50937", "332.8"); PX data symbols such as ".." stand for a
 * value that is missing, and are kept as the status of a null value.
 */

/**
 * PX-file data symbols (DATASYMBOL1–6 default to "." … "......", DATASYMBOLNIL "-").
 * "-" means "nothing to report" in SCB tables; it is kept as missing with its
 * symbol rather than read as 0, so the indicator can decide what it means.
 */
export const PX_MISSING_SYMBOLS: ReadonlySet<string> = new Set([
  '.',
  '..',
  '...',
  '....',
  '.....',
  '......',
  '-',
  '–',
]);

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

interface Column {
  code: string;
  text?: string;
  type: 'd' | 't' | 'c';
}

function readColumns(raw: unknown, problems: ParseProblem[]): Column[] | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({
      location: { path: 'columns' },
      message: 'the file has no columns array: is it a PxWeb v1 "json" response?',
    });
    return null;
  }
  const columns: Column[] = [];
  raw.forEach((column, i) => {
    if (
      !isRecord(column) ||
      typeof column['code'] !== 'string' ||
      !['d', 't', 'c'].includes(column['type'] as string)
    ) {
      problems.push({
        location: { path: jsonPath('columns', i) },
        message: 'a column needs a code and a type of "d", "t" or "c"',
      });
      return;
    }
    columns.push({
      code: column['code'],
      text: typeof column['text'] === 'string' ? column['text'] : undefined,
      type: column['type'] as Column['type'],
    });
  });
  if (columns.length !== raw.length) return null;
  const codes = columns.map((c) => c.code);
  const twice = codes.find((code, i) => codes.indexOf(code) !== i);
  if (twice !== undefined) {
    problems.push({ location: { path: 'columns' }, message: `column "${twice}" appears twice` });
    return null;
  }
  return columns;
}

/** Reads a PxWeb v1 `json` response; same observations as the JSON-stat reader would give for the same query. */
export function parsePxWebV1(input: JsonInput, options: ScbParseOptions = {}): ParsedFile {
  const defaultArea = defaultAreaOf(options);
  const problems: ParseProblem[] = [];
  const meta: ParsedFile['meta'] = {};
  const result = (observations: SourceObservation[]): ParsedFile => ({
    format: 'PXWEB_V1_JSON',
    observations,
    problems,
    meta,
  });
  const doc = readJson(input, problems);
  if (doc === undefined) return result([]);
  if (!isRecord(doc)) {
    problems.push({ location: {}, message: 'the file is not a PxWeb v1 response: expected a JSON object' });
    return result([]);
  }
  if (doc['columns'] === undefined && (doc['id'] !== undefined || doc['class'] === 'dataset')) {
    problems.push({
      location: {},
      message: 'the file is JSON-stat, not a PxWeb v1 "json" response: read it as JSON-stat',
    });
    return result([]);
  }
  const metadata =
    Array.isArray(doc['metadata']) && isRecord(doc['metadata'][0]) ? doc['metadata'][0] : undefined;
  if (metadata) {
    if (typeof metadata['label'] === 'string') meta.title = metadata['label'];
    if (typeof metadata['updated'] === 'string') meta.updated = metadata['updated'];
    if (typeof metadata['source'] === 'string') meta.source = metadata['source'];
  }
  if (typeof options.table === 'string') meta.tableId = options.table;

  const columns = readColumns(doc['columns'], problems);
  const data = doc['data'];
  if (!Array.isArray(data))
    problems.push({ location: { path: 'data' }, message: 'the file has no data array' });
  if (!columns || !Array.isArray(data)) return result([]);

  const keyColumns = columns.filter((c) => c.type !== 'c');
  const contentColumns = columns.filter((c) => c.type === 'c');
  const find = (
    explicit: string | undefined,
    fallback: (c: Column) => boolean,
    part: string,
  ): Column | null => {
    if (explicit === undefined) return keyColumns.find(fallback) ?? null;
    const column = keyColumns.find((c) => c.code === explicit);
    if (!column)
      problems.push({
        location: { path: 'columns' },
        message: `the file has no column "${explicit}" to read the ${part} from`,
      });
    return column ?? null;
  };
  const regionColumn = find(options.regionDimension, (c) => c.code === SCB_REGION, 'area');
  const timeColumn = find(options.timeDimension, (c) => c.type === 't' || c.code === SCB_TIME, 'period');
  if (contentColumns.length === 0) {
    problems.push({ location: { path: 'columns' }, message: 'the file has no content column (type "c")' });
  }
  if (!timeColumn && options.timeDimension === undefined) {
    problems.push({ location: { path: 'columns' }, message: 'the file has no time column (type "t")' });
  }
  if (!regionColumn && options.regionDimension === undefined && defaultArea === null) {
    problems.push({
      location: { path: 'columns' },
      message: `the file has no Region column (${columns.map((c) => c.code).join(', ')}): was Region eliminated in the query? Pass a default area (e.g. 0000 for the whole country) to import it anyway`,
    });
  }
  if (problems.length > 0 || !timeColumn) return result([]);

  // Validate the rows' shape first, and count rows per code for the messages below.
  const regionAt = regionColumn ? keyColumns.indexOf(regionColumn) : -1;
  const timeAt = keyColumns.indexOf(timeColumn);
  const regionCounts = new Map<string, number>();
  const timeCounts = new Map<string, number>();
  const rows: { key: string[]; values: unknown[]; at: number }[] = [];
  data.forEach((row, at) => {
    const key = isRecord(row) ? row['key'] : undefined;
    const values = isRecord(row) ? row['values'] : undefined;
    if (!Array.isArray(key) || key.length !== keyColumns.length || !key.every((k) => typeof k === 'string')) {
      problems.push({
        location: { index: at, path: jsonPath('data', at, 'key') },
        message: `the key must list ${keyColumns.length} codes (${keyColumns.map((c) => c.code).join(', ')})`,
      });
      return;
    }
    if (!Array.isArray(values) || values.length !== contentColumns.length) {
      problems.push({
        location: { index: at, path: jsonPath('data', at, 'values') },
        message: `values must list ${contentColumns.length} entries (${contentColumns.map((c) => c.code).join(', ')})`,
      });
      return;
    }
    rows.push({ key: key as string[], values, at });
    const count = (counts: Map<string, number>, code: string) =>
      counts.set(code, (counts.get(code) ?? 0) + values.length);
    if (regionAt >= 0) count(regionCounts, key[regionAt]);
    count(timeCounts, key[timeAt]);
  });

  const codePath = (column: Column) => (code: string) => `data[].key (${column.code}="${code}")`;
  const areas = regionColumn
    ? mapAreaCodes(
        regionColumn.code,
        [...regionCounts.keys()],
        {},
        (code) => regionCounts.get(code) ?? 0,
        problems,
        codePath(regionColumn),
      )
    : null;
  const periods = mapTimeCodes(
    timeColumn.code,
    [...timeCounts.keys()],
    (code) => timeCounts.get(code) ?? 0,
    problems,
    codePath(timeColumn),
  );

  const observations: SourceObservation[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const keyText = JSON.stringify(row.key);
    const earlier = seen.get(keyText);
    if (earlier !== undefined) {
      problems.push({
        location: { index: row.at, path: jsonPath('data', row.at) },
        message: `the key ${row.key.join(', ')} appears again (first at data[${earlier}])`,
      });
      continue;
    }
    seen.set(keyText, row.at);
    const area = areas ? areas.get(row.key[regionAt]) : defaultArea;
    const period = periods.get(row.key[timeAt]);
    if (area === undefined || area === null || period === undefined) continue;
    const dimensions: Record<string, string> = {};
    keyColumns.forEach((column, i) => {
      if (column !== regionColumn && column !== timeColumn) dimensions[column.code] = row.key[i];
    });
    contentColumns.forEach((column, i) => {
      const raw = row.values[i];
      const location = { index: row.at, path: jsonPath('data', row.at, 'values', i) };
      let value: number | null;
      let status: string | undefined;
      const text = typeof raw === 'string' ? raw.trim() : raw;
      if (typeof text === 'number' && Number.isFinite(text)) value = text;
      else if (typeof text === 'string' && NUMBER.test(text)) value = Number(text);
      else if (typeof text === 'string' && PX_MISSING_SYMBOLS.has(text)) {
        value = null;
        status = text;
      } else {
        problems.push({
          location,
          message: `${column.code} for ${row.key.join(', ')} is ${quoteJson(raw)}: neither a number nor a missing-value symbol (.. etc.)`,
        });
        return;
      }
      const observation: SourceObservation = {
        series: {
          source: 'SCB',
          table: options.table ?? null,
          contentsCode: column.code,
          dimensions: { ...dimensions },
        },
        area,
        period,
        value,
        location,
      };
      if (status !== undefined) observation.status = status;
      observations.push(observation);
    });
  }
  return result(observations);
}
