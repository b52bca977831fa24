/*
 * JSON text for the generated files: indented for reading, with the bulk of the data kept
 * short (a JSON-stat `value` array on one line, Kolada rows one per line), and with objects
 * whose keys must keep their order given as Maps. A plain object would put integer-like keys
 * such as SCB's region code "1283" before "0114", since JavaScript orders such keys first.
 */

/** An array written on one line, or with one compact item per line. */
export class BulkArray {
  constructor(
    readonly items: readonly unknown[],
    readonly onePerLine: boolean,
  ) {}
}

const INLINE_WIDTH = 100;

function render(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (value instanceof BulkArray) {
    if (!value.onePerLine || value.items.length === 0) return JSON.stringify(value.items);
    return `[\n${value.items.map((item) => `${inner}${JSON.stringify(item)}`).join(',\n')}\n${indent}]`;
  }
  if (value instanceof Map) {
    if (value.size === 0) return '{}';
    const entries = [...value].map(([k, v]) => `${inner}${JSON.stringify(String(k))}: ${render(v, inner)}`);
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    const oneLine = JSON.stringify(value);
    if (value.every((v) => v === null || typeof v !== 'object') && oneLine.length <= INLINE_WIDTH)
      return oneLine.replace(/,/g, ', ');
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${render(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`cannot write ${String(value)} as JSON`);
  return text;
}

/** The document as JSON text with a final newline. */
export function jsonText(doc: unknown): string {
  return `${render(doc, '')}\n`;
}
