import type { ParsedFile } from '../model';
import type { MunicipalityMatcher } from '../municipality-names';
import { AF_REQUIRED_DESCRIPTION } from './af-fields';
import { AfRowCollector } from './af-rows';
import { DEFAULT_ZIP_LIMITS, GuardedZip, WorkbookFileError } from '../zip';
import { readPivotLayout } from './pivot-layout';
import { HEADER_SCAN_ROWS, readSheetLayout } from './sheet-layout';
import { readWorkbookPackage } from './workbook-package';

export interface ParseAfWorkbookOptions {
  /** maps KOM (and LAN) names to municipality codes */
  matcher: MunicipalityMatcher;
  /** called with 0..1 as the rows are read, and with 1 at the end */
  onProgress?: (fraction: number) => void;
  /** most bytes the workbook may unpack to; default 500 MB */
  maxUncompressedBytes?: number;
  /** most a zip entry may be compressed (uncompressed ÷ compressed); default 250 */
  maxCompressionRatio?: number;
  /** problems beyond this many are counted, not listed; default 1000 */
  maxProblems?: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether a compound file holds an "EncryptedPackage" stream (UTF-16 directory name). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Names what a file that is not a zip archive is, when that helps the person importing. */
function notAWorkbook(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  if (startsWith(bytes, OLE_MAGIC)) {
    // Excel stores a password-protected .xlsx as an OLE compound file with the zip
    // encrypted inside; an unprotected compound file is the old binary .xls format.
    return isEncryptedPackage(bytes)
      ? 'the workbook is password-protected; save it without a password'
      : 'not an Excel workbook (.xlsx): this is an Excel 97–2003 workbook (.xls); save it as .xlsx';
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64));
  if (head.startsWith('%PDF')) return 'not an Excel workbook (.xlsx): this is a PDF file';
  if (/^\uFEFF?\s*</.test(head)) return 'not an Excel workbook (.xlsx): this is an XML or HTML file';
  return 'not an Excel workbook (.xlsx)';
}

/**
 * Reads Arbetsförmedlingen's monthly workbook of registered unemployed by municipality.
 *
 * Two layouts are understood: a sheet that has the columns PERIOD, LAN, KOM and the
 * count/denominator pairs under a title block (layout 1), and the published workbooks,
 * whose rows exist only in the pivot cache (layout 2), read when no sheet has the table.
 * Each count or denominator cell becomes one observation of series `{source:'AF', field}`.
 * Everything wrong with the file comes back in `problems`; the function itself only
 * throws on programming errors.
 */
export async function parseAfWorkbook(
  bytes: Uint8Array,
  options: ParseAfWorkbookOptions,
): Promise<ParsedFile> {
  const result: ParsedFile = { format: 'AF_WORKBOOK', observations: [], problems: [], meta: {} };
  const report = options.onProgress ?? (() => undefined);
  let last = 0;
  let started = false;
  const progress = (fraction: number) => {
    // Never backwards, never 1 before the end, in steps of at least 1 %: the caller may
    // show it as a bar or send it over the network.
    const f = Math.min(fraction, 0.999);
    if (!started || f >= last + 0.01) {
      started = true;
      last = f;
      report(f);
    }
  };

  try {
    if (!startsWith(bytes, ZIP_MAGIC)) {
      result.problems.push({ location: {}, message: notAWorkbook(bytes) });
      return result;
    }
    const zip = GuardedZip.open(bytes, {
      ...DEFAULT_ZIP_LIMITS,
      ...(options.maxUncompressedBytes !== undefined
        ? { maxUncompressedBytes: options.maxUncompressedBytes }
        : {}),
      ...(options.maxCompressionRatio !== undefined
        ? { maxCompressionRatio: options.maxCompressionRatio }
        : {}),
    });
    const pkg = await readWorkbookPackage(zip);
    progress(0);

    const collector = new AfRowCollector({ matcher: options.matcher, maxProblems: options.maxProblems });
    const sheets = await readSheetLayout(pkg, collector, (f) => progress(f));
    if (sheets.title) result.meta.title = sheets.title;
    result.meta.source = 'Arbetsförmedlingen';

    if (!sheets.tables.length) {
      const pivot = await readPivotLayout(pkg, collector, (f) => progress(f));
      if (!pivot.recordsPath) {
        const looked = [
          `the first ${HEADER_SCAN_ROWS} rows of ${pkg.info.sheets.length ? pkg.info.sheets.map((s) => `sheet "${s.name}"`).join(', ') : 'every sheet (there are none)'}`,
          pivot.cachesSeen.length
            ? `the pivot caches ${pivot.cachesSeen.join('; ')}`
            : 'the pivot caches (there are none)',
        ];
        result.problems.push({
          location: {},
          message: `no table of registered unemployed found: looked for a header row with the columns ${AF_REQUIRED_DESCRIPTION} in ${looked.join(' and in ')}`,
        });
        return result;
      }
      if (pivot.refreshed) result.meta.updated = pivot.refreshed;
    }
    result.observations = collector.observations;
    result.problems.push(...collector.finish());
    if (collector.rowsRead === 0) {
      result.problems.push({ location: {}, message: 'the table has a header but no data rows' });
    }
    return result;
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    result.observations = [];
    result.problems.push({ location: {}, message: error.message });
    return result;
  } finally {
    report(1);
  }
}
