import type { ParseProblem } from '../model';
import { JsonInput, isRecord, jsonPath, quoteJson, readJson } from './json-input';

/*
 * A decoder for JSON-stat 2.0 datasets (https://json-stat.org/format/), independent
 * of what the dimensions mean. The SCB parser builds on it; the json-stat.org
 * samples (whose dimensions are not SCB's) are read through it directly.
 */

export type JsonStatRole = 'time' | 'geo' | 'metric';

export interface JsonStatDimension {
  id: string;
  label?: string;
  /** category codes in cube order (position 0 first) */
  codes: string[];
  /** code → label; a code without a label in the file is its own label */
  labels: Record<string, string>;
  /** the roles the dataset gives this dimension */
  roles: JsonStatRole[];
  /** the dimension's `extension` object as found, e.g. SCB's `elimination` */
  extension?: Record<string, unknown>;
}

export interface JsonStatCell {
  /** flat (row-major) index into `value` */
  index: number;
  /** dimension id → category code */
  coordinates: Record<string, string>;
  /** null when the cell is missing (a `null` in the array, or absent from a sparse object) */
  value: number | null;
  status?: string;
}

export interface DecodedJsonStat {
  label?: string;
  source?: string;
  updated?: string;
  extension?: Record<string, unknown>;
  dimensions: JsonStatDimension[];
  /** number of cells: the product of `size` */
  length: number;
  role: Record<JsonStatRole, string[]>;
  /** structural and cell problems; when any is structural, `cells()` yields nothing, else it skips the bad cells */
  problems: ParseProblem[];
  /** every decodable cell in row-major order (last dimension varies fastest) */
  cells(): Iterable<JsonStatCell>;
}

type ValueAt = (index: number) => unknown;
type StatusAt = (index: number) => string | undefined;

const ROLES: JsonStatRole[] = ['time', 'geo', 'metric'];

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isFlatIndexKey(key: string, length: number): boolean {
  if (!/^(0|[1-9]\d*)$/.test(key)) return false;
  return Number(key) < length;
}

function decodeCategories(
  id: string,
  size: number,
  raw: unknown,
  problems: ParseProblem[],
): Pick<JsonStatDimension, 'codes' | 'labels'> | null {
  const path = (...rest: (string | number)[]) => jsonPath('dimension', id, ...rest);
  if (!isRecord(raw)) {
    problems.push({ location: { path: path() }, message: `dimension "${id}" is missing or not an object` });
    return null;
  }
  const category = raw['category'];
  if (!isRecord(category)) {
    problems.push({
      location: { path: path('category') },
      message: `dimension "${id}" has no category object`,
    });
    return null;
  }
  const rawLabels = category['label'];
  const labels: Record<string, string> = {};
  if (rawLabels !== undefined) {
    if (!isRecord(rawLabels)) {
      problems.push({
        location: { path: path('category', 'label') },
        message: `category labels of "${id}" must be an object`,
      });
      return null;
    }
    for (const [code, label] of Object.entries(rawLabels))
      labels[code] = typeof label === 'string' ? label : String(label);
  }
  const index = category['index'];
  let codes: string[];
  if (index === undefined) {
    // The format lets a dimension with a single category leave out `index`.
    const labelled = Object.keys(labels);
    if (labelled.length !== 1) {
      problems.push({
        location: { path: path('category') },
        message: `dimension "${id}" has no category index, which is only allowed for a single category (it has ${labelled.length} labels)`,
      });
      return null;
    }
    codes = labelled;
  } else if (Array.isArray(index)) {
    if (!index.every((code) => typeof code === 'string')) {
      problems.push({
        location: { path: path('category', 'index') },
        message: `category index of "${id}" must list strings`,
      });
      return null;
    }
    if (new Set(index).size !== index.length) {
      problems.push({
        location: { path: path('category', 'index') },
        message: `category index of "${id}" lists a code twice`,
      });
      return null;
    }
    codes = index as string[];
  } else if (isRecord(index)) {
    const entries = Object.entries(index);
    codes = new Array<string>(entries.length);
    for (const [code, position] of entries) {
      if (
        typeof position !== 'number' ||
        !Number.isInteger(position) ||
        position < 0 ||
        position >= entries.length ||
        codes[position] !== undefined
      ) {
        problems.push({
          location: { path: path('category', 'index', code) },
          message: `category "${code}" of "${id}" has position ${quoteJson(position)}: positions must be 0–${entries.length - 1}, each used once`,
        });
        return null;
      }
      codes[position] = code;
    }
  } else {
    problems.push({
      location: { path: path('category', 'index') },
      message: `category index of "${id}" must be an array or an object`,
    });
    return null;
  }
  if (codes.length !== size) {
    problems.push({
      location: { path: path('category') },
      message: `dimension "${id}" has ${codes.length} categories but size says ${size}`,
    });
    return null;
  }
  for (const code of codes) if (labels[code] === undefined) labels[code] = code;
  return { codes, labels };
}

function decodeValues(raw: unknown, length: number, problems: ParseProblem[]): ValueAt | null {
  if (Array.isArray(raw)) {
    if (raw.length !== length) {
      const hint = raw.length === 0 ? ' (is this a metadata response rather than data?)' : '';
      problems.push({
        location: { path: 'value' },
        message: `value has ${raw.length} entries but the dimension sizes give ${length}${hint}`,
      });
      return null;
    }
    return (index) => raw[index];
  }
  if (isRecord(raw)) {
    // Sparse form: absent cells are missing values.
    for (const key of Object.keys(raw)) {
      if (!isFlatIndexKey(key, length)) {
        problems.push({
          location: { path: jsonPath('value', key) },
          message: `value key "${key}" is not a cell index 0–${length - 1}`,
        });
        return null;
      }
    }
    return (index) => (Object.prototype.hasOwnProperty.call(raw, index) ? raw[index] : null);
  }
  problems.push({ location: { path: 'value' }, message: 'the dataset has no value array or object' });
  return null;
}

function decodeStatus(raw: unknown, length: number, problems: ParseProblem[]): StatusAt | null {
  const asSymbol = (value: unknown): string | undefined =>
    value === null || value === undefined || value === '' ? undefined : String(value);
  if (raw === undefined || raw === null) return () => undefined;
  if (typeof raw === 'string') {
    // One symbol for the whole dataset.
    return () => asSymbol(raw);
  }
  if (Array.isArray(raw)) {
    if (raw.length === 1) return () => asSymbol(raw[0]);
    if (raw.length !== length) {
      problems.push({
        location: { path: 'status' },
        message: `status has ${raw.length} entries: it must have 1 (for every cell) or ${length}`,
      });
      return null;
    }
    return (index) => asSymbol(raw[index]);
  }
  if (isRecord(raw)) {
    for (const key of Object.keys(raw)) {
      if (!isFlatIndexKey(key, length)) {
        problems.push({
          location: { path: jsonPath('status', key) },
          message: `status key "${key}" is not a cell index 0–${length - 1}`,
        });
        return null;
      }
    }
    return (index) => (Object.prototype.hasOwnProperty.call(raw, index) ? asSymbol(raw[index]) : undefined);
  }
  problems.push({ location: { path: 'status' }, message: 'status must be a string, an array or an object' });
  return null;
}

/** Recognises shapes that are JSON-stat but not a 2.0 dataset, to name them instead of failing on a missing `id`. */
function notADataset(doc: Record<string, unknown>): string | null {
  const cls = doc['class'];
  if (cls === 'bundle' || cls === 'collection') {
    return `the file is a JSON-stat ${cls}, not a single dataset`;
  }
  if (cls !== undefined && cls !== 'dataset')
    return `the file's class is ${quoteJson(cls)}: expected "dataset"`;
  const version = doc['version'];
  if (version !== undefined && !(typeof version === 'string' && /^2(\.|$)/.test(version))) {
    return `the file is JSON-stat version ${quoteJson(version)}: only 2.x is supported`;
  }
  if (doc['id'] === undefined) {
    const dimension = doc['dimension'];
    if (isRecord(dimension) && dimension['id'] !== undefined) {
      return 'the file is JSON-stat 1.x (id and size inside dimension): request the json-stat2 format';
    }
    const values = Object.values(doc);
    if (values.length > 0 && values.every((v) => isRecord(v) && isRecord(v['dimension']))) {
      return 'the file is a JSON-stat 1.x bundle of datasets: request the json-stat2 format';
    }
    if (Array.isArray(doc['columns']) && Array.isArray(doc['data'])) {
      return 'the file is a PxWeb v1 "json" response, not JSON-stat: read it as PxWeb v1 JSON';
    }
  }
  return null;
}

const EMPTY: Iterable<JsonStatCell> = [];

/** Decodes a JSON-stat 2.0 dataset; problems are collected, never thrown. */
export function decodeJsonStat(input: JsonInput): DecodedJsonStat {
  const problems: ParseProblem[] = [];
  const doc = readJson(input, problems);
  const failed = (): DecodedJsonStat => ({
    dimensions: [],
    length: 0,
    role: { time: [], geo: [], metric: [] },
    problems,
    cells: () => EMPTY,
  });
  if (doc === undefined) return failed();
  if (!isRecord(doc)) {
    problems.push({ location: {}, message: 'the file is not a JSON-stat dataset: expected a JSON object' });
    return failed();
  }
  const shape = notADataset(doc);
  if (shape) {
    problems.push({ location: {}, message: shape });
    return failed();
  }

  const meta = {
    label: optionalString(doc['label']),
    source: optionalString(doc['source']),
    updated: optionalString(doc['updated']),
    extension: isRecord(doc['extension']) ? doc['extension'] : undefined,
  };
  const ids = doc['id'];
  const sizes = doc['size'];
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    problems.push({ location: { path: 'id' }, message: 'id must be an array of dimension ids' });
    return { ...failed(), ...meta };
  }
  if (new Set(ids).size !== ids.length) {
    problems.push({ location: { path: 'id' }, message: 'id lists a dimension twice' });
    return { ...failed(), ...meta };
  }
  if (
    !Array.isArray(sizes) ||
    sizes.length !== ids.length ||
    !sizes.every((s) => typeof s === 'number' && Number.isInteger(s) && s >= 0)
  ) {
    problems.push({
      location: { path: 'size' },
      message: `size must be an array of ${ids.length} whole numbers, one per id`,
    });
    return { ...failed(), ...meta };
  }
  const dimensionObject = doc['dimension'];
  if (!isRecord(dimensionObject)) {
    problems.push({ location: { path: 'dimension' }, message: 'the dataset has no dimension object' });
    return { ...failed(), ...meta };
  }

  const role: Record<JsonStatRole, string[]> = { time: [], geo: [], metric: [] };
  const rawRole = doc['role'];
  if (isRecord(rawRole)) {
    for (const name of ROLES) {
      const listed = rawRole[name];
      if (listed === undefined || listed === null) continue;
      if (!Array.isArray(listed) || !listed.every((id) => typeof id === 'string' && ids.includes(id))) {
        problems.push({
          location: { path: jsonPath('role', name) },
          message: `role.${name} must list dimension ids from id`,
        });
        continue;
      }
      role[name] = listed as string[];
    }
  }

  const dimensions: JsonStatDimension[] = [];
  (ids as string[]).forEach((id, position) => {
    const raw = dimensionObject[id];
    const decoded = decodeCategories(id, sizes[position] as number, raw, problems);
    if (!decoded) return;
    const record = raw as Record<string, unknown>;
    dimensions.push({
      id,
      label: optionalString(record['label']),
      ...decoded,
      roles: ROLES.filter((name) => role[name].includes(id)),
      extension: isRecord(record['extension']) ? record['extension'] : undefined,
    });
  });
  const length = (sizes as number[]).reduce((product, size) => product * size, 1);
  const valueAt = decodeValues(doc['value'], length, problems);
  const statusAt = decodeStatus(doc['status'], length, problems);
  if (dimensions.length !== ids.length || !valueAt || !statusAt || problems.length > 0) {
    return { ...meta, dimensions, length, role, problems, cells: () => EMPTY };
  }

  const strides = new Array<number>(dimensions.length);
  for (let d = dimensions.length - 1, stride = 1; d >= 0; d -= 1) {
    strides[d] = stride;
    stride *= dimensions[d].codes.length;
  }
  const describeCell = (index: number): string =>
    dimensions
      .map(
        (dimension, d) =>
          `${dimension.id}=${dimension.codes[Math.floor(index / strides[d]) % dimension.codes.length]}`,
      )
      .join(', ');
  const isCellValue = (raw: unknown): raw is number | null =>
    raw === null || (typeof raw === 'number' && Number.isFinite(raw));

  // Check every cell now, so `problems` is complete before anyone iterates.
  const bad = new Set<number>();
  const rawValues = doc['value'];
  const indexes: Iterable<number> = Array.isArray(rawValues)
    ? rawValues.keys()
    : Object.keys(rawValues as object).map(Number);
  for (const index of indexes) {
    const raw = valueAt(index);
    if (isCellValue(raw)) continue;
    bad.add(index);
    problems.push({
      location: { index, path: jsonPath('value', index) },
      message: `value ${quoteJson(raw)} at ${describeCell(index)} is not a number or null`,
    });
  }

  function* cells(): Generator<JsonStatCell> {
    const counters = new Array<number>(dimensions.length).fill(0);
    for (let index = 0; index < length; index += 1) {
      if (!bad.has(index)) {
        const value = (valueAt as ValueAt)(index) as number | null;
        const status = (statusAt as StatusAt)(index);
        const coordinates: Record<string, string> = {};
        dimensions.forEach((dimension, d) => (coordinates[dimension.id] = dimension.codes[counters[d]]));
        yield status === undefined ? { index, coordinates, value } : { index, coordinates, value, status };
      }
      // Advance the row-major counters: the last dimension varies fastest.
      for (let d = dimensions.length - 1; d >= 0; d -= 1) {
        counters[d] += 1;
        if (counters[d] < dimensions[d].codes.length) break;
        counters[d] = 0;
      }
    }
  }
  return { ...meta, dimensions, length, role, problems, cells };
}
