import { ParsedFile, ParseProblem, SourceObservation, normaliseAreaCode } from '../model';
import { DecodedJsonStat, JsonStatDimension, JsonStatRole, decodeJsonStat } from './decode';
import { JsonInput, isRecord } from './json-input';
import {
  SCB_CONTENTS,
  SCB_REGION,
  SCB_TIME,
  ScbParseOptions,
  defaultAreaOf,
  mapAreaCodes,
  mapTimeCodes,
} from './scb-mapping';

type Pick1 = { dimension: JsonStatDimension | null; problem?: string };

/** Finds the dimension playing a part: by explicit option, by SCB's name, else by role. */
function pickDimension(
  decoded: DecodedJsonStat,
  part: string,
  explicit: string | undefined,
  scbName: string,
  role: JsonStatRole,
  accept: (dimension: JsonStatDimension) => boolean = () => true,
): Pick1 {
  const byId = (id: string) => decoded.dimensions.find((dimension) => dimension.id === id) ?? null;
  if (explicit !== undefined) {
    const dimension = byId(explicit);
    return dimension
      ? { dimension }
      : { dimension: null, problem: `the file has no dimension "${explicit}" to read the ${part} from` };
  }
  const named = byId(scbName);
  if (named) return { dimension: named };
  const candidates = decoded.dimensions.filter(
    (dimension) => dimension.roles.includes(role) && accept(dimension),
  );
  if (candidates.length > 1) {
    return {
      dimension: null,
      problem: `several dimensions could hold the ${part} (${candidates.map((d) => d.id).join(', ')}): say which one`,
    };
  }
  return { dimension: candidates[0] ?? null };
}

/** A geo dimension only counts as SCB's Region when all its codes are Swedish area codes. */
function looksLikeScbRegions(dimension: JsonStatDimension): boolean {
  return dimension.codes.length > 0 && dimension.codes.every((code) => normaliseAreaCode(code) !== null);
}

function tableIdOf(decoded: DecodedJsonStat): string | undefined {
  const px = decoded.extension?.['px'];
  return isRecord(px) && typeof px['tableid'] === 'string' ? px['tableid'] : undefined;
}

/**
 * Reads a JSON-stat 2.0 dataset from SCB (PxWebApi v2, or v1 with `json-stat2`)
 * into observations: Region → area, Tid → period, ContentsCode → series, every
 * other dimension's category → the series' fixed dimensions. Never throws for bad
 * content; every problem is returned with its location.
 */
export function parseJsonStat(input: JsonInput, options: ScbParseOptions = {}): ParsedFile {
  const defaultArea = defaultAreaOf(options);
  const decoded = decodeJsonStat(input);
  const problems: ParseProblem[] = [...decoded.problems];
  const tableId = tableIdOf(decoded);
  const meta: ParsedFile['meta'] = {};
  if (decoded.label !== undefined) meta.title = decoded.label;
  if (tableId !== undefined) meta.tableId = tableId;
  if (decoded.updated !== undefined) meta.updated = decoded.updated;
  if (decoded.source !== undefined) meta.source = decoded.source;
  const result = (observations: SourceObservation[]): ParsedFile => ({
    format: 'JSON_STAT_2',
    observations,
    problems,
    meta,
  });
  if (decoded.problems.length > 0) return result([]);

  const region = pickDimension(
    decoded,
    'area',
    options.regionDimension,
    SCB_REGION,
    'geo',
    looksLikeScbRegions,
  );
  const time = pickDimension(decoded, 'period', options.timeDimension, SCB_TIME, 'time');
  const contents = pickDimension(decoded, 'contents code', options.contentsDimension, SCB_CONTENTS, 'metric');
  for (const pick of [region, time, contents])
    if (pick.problem) problems.push({ location: { path: 'id' }, message: pick.problem });
  if (!region.dimension && !region.problem && defaultArea === null) {
    problems.push({
      location: { path: 'id' },
      message: `the file has no region dimension (${decoded.dimensions.map((d) => d.id).join(', ')}): was Region eliminated in the query? Pass a default area (e.g. 0000 for the whole country) to import it anyway`,
    });
  }
  if (!time.dimension && !time.problem) {
    problems.push({
      location: { path: 'id' },
      message: `the file has no time dimension (Tid, or one with role time)`,
    });
  }
  if (!contents.dimension && !contents.problem) {
    problems.push({
      location: { path: 'id' },
      message: `the file has no ContentsCode dimension (or one with role metric)`,
    });
  }
  if (problems.length > 0) return result([]);

  const regionDim = region.dimension;
  const timeDim = time.dimension as JsonStatDimension;
  const contentsDim = contents.dimension as JsonStatDimension;
  const per = (dimension: JsonStatDimension) => () => decoded.length / dimension.codes.length;
  const areas = regionDim
    ? mapAreaCodes(regionDim.id, regionDim.codes, regionDim.labels, per(regionDim), problems)
    : null;
  const periods = mapTimeCodes(timeDim.id, timeDim.codes, per(timeDim), problems);
  const others = decoded.dimensions.filter((d) => d !== regionDim && d !== timeDim && d !== contentsDim);
  const table = options.table !== undefined ? options.table : (tableId ?? null);

  const observations: SourceObservation[] = [];
  for (const cell of decoded.cells()) {
    const area = areas ? areas.get(cell.coordinates[(regionDim as JsonStatDimension).id]) : defaultArea;
    const period = periods.get(cell.coordinates[timeDim.id]);
    // Cells with an unmappable code are already reported above, once per code.
    if (area === undefined || area === null || period === undefined) continue;
    const dimensions: Record<string, string> = {};
    for (const other of others) dimensions[other.id] = cell.coordinates[other.id];
    const observation: SourceObservation = {
      series: { source: 'SCB', table, contentsCode: cell.coordinates[contentsDim.id], dimensions },
      area,
      period,
      value: cell.value,
      location: { index: cell.index, path: `value[${cell.index}]` },
    };
    if (cell.status !== undefined) observation.status = cell.status;
    observations.push(observation);
  }
  return result(observations);
}
