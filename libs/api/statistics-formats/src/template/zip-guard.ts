import { Unzip, UnzipInflate } from 'fflate';

/** Default for how far a template workbook may inflate: far above any real template, far below a bomb. */
export const DEFAULT_MAX_INFLATED_BYTES = 200 * 1024 * 1024;

// Small steps bound what one push can inflate (DEFLATE expands at most ~1 030×) before the count is checked.
const CHUNK = 16 * 1024;

/**
 * Inflates a zip archive without keeping the output, to learn whether it stays
 * within `maxBytes`. The XLSX reader (exceljs, through JSZip) inflates every part
 * into memory, so a zip bomb must be refused before it gets there. Returns a
 * problem message, or null when the archive is within the limit, readable, and
 * has a workbook part.
 */
export function checkZipInflation(bytes: Uint8Array, maxBytes = DEFAULT_MAX_INFLATED_BYTES): string | null {
  let total = 0;
  let problem: string | null = null;
  let hasWorkbook = false;
  const unzip = new Unzip((file) => {
    if (problem) return;
    if (file.name.toLowerCase() === 'xl/workbook.xml') hasWorkbook = true;
    if (file.compression !== 0 && file.compression !== 8) {
      problem = `the workbook uses a compression method (${file.compression}) that spreadsheets do not use`;
      return;
    }
    file.ondata = (error, chunk) => {
      if (problem) return;
      if (error) {
        problem = `the workbook is damaged: ${error.message}`;
        return;
      }
      total += chunk.length;
      if (total > maxBytes) {
        problem = `the workbook inflates to more than ${Math.round(maxBytes / (1024 * 1024))} MB: refused as a possible zip bomb`;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !problem; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (!problem)
      problem = `the workbook is damaged: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!problem && !hasWorkbook)
    problem = 'the file is a ZIP archive but not an XLSX workbook (it has no xl/workbook.xml)';
  return problem;
}
