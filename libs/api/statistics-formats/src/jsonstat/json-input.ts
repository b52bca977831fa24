import type { ParseProblem, SourceLocation } from '../model';

/** What the JSON parsers accept: the file's bytes, its text, or an already parsed value (e.g. a fetched body). */
export type JsonInput = string | Uint8Array | Record<string, unknown> | readonly unknown[];

/** Recognisable non-text files, so the user learns what they uploaded instead of "unexpected token". */
function sniffBinary(bytes: Uint8Array, expected: string): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    return `the file is a ZIP archive (e.g. an XLSX workbook), not ${expected}`;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return `the file is an old-style Office document (XLS, or an encrypted workbook), not ${expected}`;
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    return `the file is a PDF, not ${expected}`;
  return null;
}

/**
 * Turns bytes into text: UTF-8 (BOM dropped), or UTF-16 when a UTF-16 BOM says so
 * (Excel's "Unicode text" export). Anything else is a problem, and the result null:
 * guessing a legacy code page would silently garble å, ä and ö.
 */
export function decodeText(
  input: string | Uint8Array,
  problems: ParseProblem[],
  location: SourceLocation = {},
  expected = 'JSON',
): string | null {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!(input instanceof Uint8Array)) throw new TypeError('decodeText expects a string or a Uint8Array');
  const binary = sniffBinary(input, expected);
  if (binary) {
    problems.push({ location, message: binary });
    return null;
  }
  const utf16 =
    input[0] === 0xff && input[1] === 0xfe
      ? 'utf-16le'
      : input[0] === 0xfe && input[1] === 0xff
        ? 'utf-16be'
        : null;
  try {
    const text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(input);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    problems.push({
      location,
      message: 'the file is not UTF-8 text: save it as UTF-8 (in Excel: "CSV UTF-8")',
    });
    return null;
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/**
 * Reads a JSON input. Bad bytes or bad JSON become a problem and the result is
 * `undefined`; anything that is not one of the accepted input types is a
 * programmer error and throws.
 */
export function readJson(input: JsonInput, problems: ParseProblem[], location: SourceLocation = {}): unknown {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    if (input === null || typeof input !== 'object')
      throw new TypeError('expected a string, a Uint8Array or a parsed JSON object');
    return input;
  }
  const text = decodeText(input, problems, location);
  if (text === null) return undefined;
  if (text.trim() === '') {
    problems.push({ location, message: 'the file is empty' });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    // Node 20 and Node 22+ word the message differently; keep the reason, add our own position.
    const reason = raw.replace(/\s*\(line \d+ column \d+\)\s*$/, '').replace(/ in JSON at position \d+$/, '');
    const position = /at position (\d+)/.exec(raw);
    const atEnd = /Unexpected end of JSON input/.test(raw);
    if (position || atEnd) {
      const index = position ? Number(position[1]) : text.length;
      const { line, column } = lineAndColumn(text, index);
      problems.push({
        location: { ...location, row: line, index },
        message: `the file is not valid JSON: ${reason} (line ${line}, column ${column})`,
      });
    } else {
      problems.push({ location, message: `the file is not valid JSON: ${reason}` });
    }
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON path for messages, e.g. `dimension.Region.category.index` or `values[3].values[0]`. */
export function jsonPath(...parts: (string | number)[]): string {
  let path = '';
  for (const part of parts) {
    if (typeof part === 'number') path += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) path += path === '' ? part : `.${part}`;
    else path += `[${JSON.stringify(part)}]`;
  }
  return path;
}

/**
 * A value from the file as a message quotes it: at most two levels deep and 60 characters
 * long, so that a hostile value nested thousands of levels deep, or megabytes long, can
 * neither overflow the stack nor swell the report.
 */
export function quoteJson(value: unknown): string {
  const render = (v: unknown, depth: number): string => {
    if (Array.isArray(v)) {
      if (depth >= 2) return '[…]';
      const shown = v.slice(0, 5).map((x) => render(x, depth + 1));
      return `[${shown.join(',')}${v.length > 5 ? ',…' : ''}]`;
    }
    if (v !== null && typeof v === 'object') {
      if (depth >= 2) return '{…}';
      const entries = Object.entries(v);
      const shown = entries.slice(0, 5).map(([k, x]) => `${JSON.stringify(k)}:${render(x, depth + 1)}`);
      return `{${shown.join(',')}${entries.length > 5 ? ',…' : ''}}`;
    }
    return JSON.stringify(v) ?? String(v);
  };
  const text = render(value, 0);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
