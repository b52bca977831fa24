import type { ExportFormat, ExportTable } from '@kraftsamling/shared/exports';

/** A file name from the goal's title: letters, digits and hyphens, e.g. "mal-halvera-arbetslosheten.csv". */
export function exportFileName(title: string, format: ExportFormat): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'mal'}.${format}`;
}

/**
 * Builds the file and has the browser save it. The export code (and with it the XLSX
 * writer, a large library) is loaded only now, on the user's click, never with the page.
 * Every text cell passes the exports library's formula-injection guard.
 */
export async function downloadTable(
  table: ExportTable,
  format: ExportFormat,
  fileName: string,
): Promise<void> {
  const { exportTable } = await import('@kraftsamling/shared/exports');
  const { bytes, contentType } = await exportTable(table, format);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType }));
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
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
