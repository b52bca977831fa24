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
}

/** Reads a file as its source says; problems with the file come back in `problems`. */
export async function runParseJob(
  job: ParseJob,
  onProgress?: (fraction: number) => void,
): Promise<ParsedFile> {
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
      return parseKolada(new TextDecoder().decode(job.bytes));
    case 'TEMPLATE':
      return parseTemplate(job.bytes);
  }
}
