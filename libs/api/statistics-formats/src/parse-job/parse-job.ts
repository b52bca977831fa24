import { parseAfWorkbook } from '../af';
import { parseJsonStat } from '../jsonstat';
import { parseKolada } from '../kolada';
import type { ParsedFile } from '../model';
import { createMunicipalityMatcher, type CountyRef, type MunicipalityRef } from '../municipality-names';
import { parsePxWebV1 } from '../pxweb-v1';
import { parseTemplate } from '../template';

/** Which reader a file goes to. */
export type ParseJobSource = 'AF' | 'SCB' | 'KOLADA' | 'TEMPLATE';

/** One file to read: plain data only, so that it can be handed to a worker thread. */
export interface ParseJob {
  source: ParseJobSource;
  bytes: Uint8Array;
  /** the reference lists an AF workbook's municipality names are matched against */
  places?: { municipalities: MunicipalityRef[]; counties: CountyRef[] };
  /** the user says the file is part of a larger answer (Kolada pages): do not refuse it as incomplete */
  partial?: boolean;
}

/** How many problems a report lists; a hostile file could otherwise make one per cell. */
export const MAX_LISTED_PROBLEMS = 1000;

/**
 * Reads a file as its source says; problems with the file come back in `problems`, at
 * most {@link MAX_LISTED_PROBLEMS} of them and a last one that counts the rest.
 */
export async function runParseJob(
  job: ParseJob,
  onProgress?: (fraction: number) => void,
): Promise<ParsedFile> {
  const parsed = await parseBySource(job, onProgress);
  const rest = parsed.problems.length - MAX_LISTED_PROBLEMS;
  // One over is left alone: the AF reader already ends its list with such a count.
  if (rest > 1) {
    parsed.problems = [
      ...parsed.problems.slice(0, MAX_LISTED_PROBLEMS),
      { location: {}, message: `${rest} more problems are not listed; correct the ones above and try again` },
    ];
  }
  return parsed;
}

async function parseBySource(job: ParseJob, onProgress?: (fraction: number) => void): Promise<ParsedFile> {
  switch (job.source) {
    case 'AF':
      return parseAfWorkbook(job.bytes, {
        matcher: createMunicipalityMatcher(job.places?.municipalities ?? [], job.places?.counties ?? []),
        onProgress,
      });
    case 'SCB': {
      const text = new TextDecoder().decode(job.bytes);
      // A query that eliminated Region (as SCB's TAB3554 sample did) is for the whole country.
      const options = { requireArea: false };
      // PxWeb v1's "json" format has columns and data; everything else is JSON-stat.
      return /"columns"\s*:/.test(text) && /"data"\s*:/.test(text)
        ? parsePxWebV1(text, options)
        : parseJsonStat(text, options);
    }
    case 'KOLADA':
      return parseKolada(new TextDecoder().decode(job.bytes), { requireComplete: !job.partial });
    case 'TEMPLATE':
      return parseTemplate(job.bytes);
  }
}
