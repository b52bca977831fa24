import { parseTemplateCsv } from './parse-csv';
import { TemplateXlsxOptions, parseTemplateXlsx } from './parse-xlsx';
import type { TemplateParsedFile } from './rows';

/** Reads either template format, telling XLSX (a zip) from CSV by the file's first bytes rather than its name. */
export async function parseTemplate(
  input: string | Uint8Array,
  options: TemplateXlsxOptions = {},
): Promise<TemplateParsedFile> {
  if (typeof input !== 'string' && input.length >= 4) {
    const zip = input[0] === 0x50 && input[1] === 0x4b;
    const ole = input[0] === 0xd0 && input[1] === 0xcf && input[2] === 0x11 && input[3] === 0xe0;
    if (zip || ole) return parseTemplateXlsx(input, options);
  }
  return parseTemplateCsv(input);
}
