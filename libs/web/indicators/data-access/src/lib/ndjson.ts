/** The part of a ReadableStreamDefaultReader the NDJSON reader uses (a fake one in tests). */
export interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel?(reason?: unknown): Promise<void>;
}

/** A line of the stream that is not JSON: the server or a proxy broke the stream. */
export class NdjsonError extends Error {
  override readonly name = 'NdjsonError';
  constructor(readonly line: string) {
    super(`not a JSON line: ${line.length > 80 ? `${line.slice(0, 80)}…` : line}`);
  }
}

/**
 * Splits text into lines as it arrives. A network chunk may end in the middle of a line
 * (or of a character: decoding with `stream: true` keeps those bytes for the next chunk),
 * so the unfinished tail waits in a buffer until its newline comes.
 */
export class LineSplitter {
  private buffer = '';

  /** The complete lines in `text` plus what was buffered; blank lines are dropped. */
  push(text: string): string[] {
    this.buffer += text;
    const lines = this.buffer.split('\n');
    this.buffer = lines.pop() ?? '';
    return clean(lines);
  }

  /** The last line, when the stream ends without a newline after it. */
  end(): string[] {
    const rest = this.buffer;
    this.buffer = '';
    return clean([rest]);
  }
}

function clean(lines: string[]): string[] {
  return lines.map((line) => line.replace(/\r$/, '').trim()).filter((line) => line !== '');
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new NdjsonError(line);
  }
}

/** Reads newline-delimited JSON (application/x-ndjson) from a byte stream, one value per line. */
export async function* readNdjson(reader: ByteReader): AsyncGenerator<unknown, void, undefined> {
  const decoder = new TextDecoder('utf-8');
  const splitter = new LineSplitter();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value) for (const line of splitter.push(decoder.decode(value, { stream: true }))) yield parse(line);
  }
  for (const line of splitter.push(decoder.decode())) yield parse(line);
  for (const line of splitter.end()) yield parse(line);
}
