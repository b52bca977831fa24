import type { ExportFormat, ExportTable } from '@kraftsamling/shared/exports';

/** Has the browser save a file: a blob or a data URL. */
export function saveFile(content: Blob | string, fileName: string): void {
  const url = typeof content === 'string' ? content : URL.createObjectURL(content);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has handed the file to the browser's download.
    if (typeof content !== 'string') setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** A file name from a title: letters, digits and hyphens ("jamforelse-arbetsloshet.csv"). */
export function fileNameOf(title: string, extension: string, fallback = 'export'): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || fallback}.${extension}`;
}

/**
 * Builds a CSV or XLSX file of the table and has the browser save it. The export code (and
 * with it the XLSX writer, a large library) is loaded only now, on the user's click, never
 * with the page. Every text cell passes the exports library's formula-injection guard.
 */
export async function downloadTable(
  table: ExportTable,
  format: ExportFormat,
  fileName: string,
): Promise<void> {
  const { exportTable } = await import('@kraftsamling/shared/exports');
  const { bytes, contentType } = await exportTable(table, format);
  saveFile(new Blob([bytes as BlobPart], { type: contentType }), fileName);
}
