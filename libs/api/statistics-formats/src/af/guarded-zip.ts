import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';

/** A problem with the file as a whole; its message is shown to the person importing. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

export interface ZipLimits {
  /** Most bytes all entries together may inflate to. */
  maxUncompressedBytes: number;
  /** Most an entry may inflate relative to its compressed size, once past `ratioFloorBytes`. */
  maxCompressionRatio: number;
  /** Entries smaller than this are not held to the ratio (tiny XML parts compress very well). */
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 500 * 1024 * 1024,
  // Spreadsheet XML compresses 5–30×, a pivot cache of repeated records up to ~100×;
  // DEFLATE's own maximum is about 1 030×, which is where bombs live.
  maxCompressionRatio: 250,
  ratioFloorBytes: 4 * 1024 * 1024,
};

interface Entry {
  name: string;
  /** compressed size from the central directory */
  size: number;
  /** declared uncompressed size from the central directory */
  originalSize: number;
  compression: number;
}

// Compressed bytes handed to the inflater at a time. DEFLATE cannot expand a chunk more
// than ~1 030×, so this bounds what a single step can allocate before the limits are checked.
const PUSH_BYTES = 32 * 1024;
// How often (in compressed bytes) a long read lets the event loop run, so progress
// reports and other requests get through while a large workbook is read.
const YIELD_BYTES = 256 * 1024;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} kB`;
}

/**
 * Read access to the parts of a zip package (an .xlsx file), inflating only what is asked
 * for and checking, while it inflates, that no part and not the whole grows beyond the
 * limits or beyond what the archive declares. A zip bomb therefore costs at most one
 * bounded step of work before it is refused.
 */
export class GuardedZip {
  private readonly entries = new Map<string, Entry>();
  /** OPC part names are case-insensitive: lower-case name → name as stored */
  private readonly byLowerName = new Map<string, string>();
  private inflatedTotal = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits,
  ) {}

  /** Lists the archive's central directory and checks the declared sizes. */
  static open(bytes: Uint8Array, limits: ZipLimits): GuardedZip {
    const zip = new GuardedZip(bytes, limits);
    try {
      // The filter sees every entry of the central directory and inflates none of them.
      unzipSync(bytes, {
        filter: (file) => {
          if (!file.name.endsWith('/')) {
            zip.entries.set(file.name, {
              name: file.name,
              size: file.size,
              originalSize: file.originalSize,
              compression: file.compression,
            });
            zip.byLowerName.set(file.name.toLowerCase(), file.name);
          }
          return false;
        },
      });
    } catch (error) {
      throw new WorkbookFileError(
        `not an Excel workbook (.xlsx): the zip archive is damaged (${(error as Error).message})`,
      );
    }
    for (const name of zip.entries.keys()) {
      // A damaged central directory shows as garbage names; calling that a zip bomb
      // because its garbage sizes are huge would mislead.
      if ([...name].some((c) => c < ' ' || c === '\ufffd')) {
        throw new WorkbookFileError(
          'not an Excel workbook (.xlsx): the zip archive is damaged (unreadable entry names)',
        );
      }
    }
    let declared = 0;
    for (const entry of zip.entries.values()) {
      declared += entry.originalSize;
      if (entry.originalSize > limits.maxUncompressedBytes || declared > limits.maxUncompressedBytes) {
        throw new WorkbookFileError(
          `the workbook would unpack to more than ${formatBytes(limits.maxUncompressedBytes)} (declared by ${entry.name}); it looks like a zip bomb and was not opened`,
        );
      }
      if (
        entry.originalSize > limits.ratioFloorBytes &&
        entry.originalSize > entry.size * limits.maxCompressionRatio
      ) {
        throw new WorkbookFileError(
          `${entry.name} is compressed more than ${limits.maxCompressionRatio}:1, which no spreadsheet is; it looks like a zip bomb and was not opened`,
        );
      }
    }
    return zip;
  }

  /** The stored name of a part, found case-insensitively, or undefined. */
  find(name: string): string | undefined {
    return this.byLowerName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /** Declared uncompressed size of a part, for progress. */
  declaredSize(name: string): number {
    return this.entries.get(name)?.originalSize ?? 0;
  }

  /** Inflates the named parts (stored names, see {@link find}) into memory. */
  async read(names: readonly string[]): Promise<Map<string, Uint8Array>> {
    const chunks = new Map<string, Uint8Array[]>(names.map((n) => [n, []]));
    await this.inflate(new Set(names), (name, chunk) => chunks.get(name)!.push(chunk));
    const result = new Map<string, Uint8Array>();
    for (const [name, parts] of chunks) {
      const length = parts.reduce((sum, p) => sum + p.length, 0);
      const joined = new Uint8Array(length);
      let offset = 0;
      for (const part of parts) {
        joined.set(part, offset);
        offset += part.length;
      }
      result.set(name, joined);
    }
    return result;
  }

  /**
   * Inflates one part chunk by chunk into `onChunk` without holding it in memory.
   * An exception from `onChunk` stops the read and is rethrown as it is.
   */
  async stream(name: string, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    await this.inflate(new Set([name]), (_name, chunk) => onChunk(chunk));
  }

  private async inflate(wanted: Set<string>, sink: (name: string, chunk: Uint8Array) => void): Promise<void> {
    for (const name of wanted) {
      if (!this.entries.has(name)) throw new Error(`no part ${name} in the archive`);
    }
    const { limits } = this;
    let failure: Error | undefined;
    const finished = new Set<string>();

    const unzip = new Unzip((file: UnzipFile) => {
      const entry = this.entries.get(file.name);
      if (!entry || !wanted.has(file.name) || finished.has(file.name)) return;
      if (file.compression !== 0 && file.compression !== 8) {
        failure ??= new WorkbookFileError(
          `${file.name} uses a compression method (${file.compression}) that Excel does not write; save the workbook again in Excel`,
        );
        return;
      }
      let produced = 0;
      file.ondata = (error, chunk, final) => {
        if (failure) return;
        if (error) {
          failure = new WorkbookFileError(
            `not an Excel workbook (.xlsx): ${file.name} is damaged (${error.message})`,
          );
          return;
        }
        produced += chunk.length;
        this.inflatedTotal += chunk.length;
        if (this.inflatedTotal > limits.maxUncompressedBytes) {
          failure = new WorkbookFileError(
            `the workbook unpacks to more than ${formatBytes(limits.maxUncompressedBytes)}; it looks like a zip bomb and was not read`,
          );
          return;
        }
        if (produced > entry.originalSize) {
          failure = new WorkbookFileError(
            `${file.name} unpacks to more than the ${entry.originalSize} bytes its archive declares; the file is damaged or a zip bomb and was not read`,
          );
          return;
        }
        if (produced > limits.ratioFloorBytes && produced > entry.size * limits.maxCompressionRatio) {
          failure = new WorkbookFileError(
            `${file.name} is compressed more than ${limits.maxCompressionRatio}:1, which no spreadsheet is; it looks like a zip bomb and was not read`,
          );
          return;
        }
        try {
          if (chunk.length) sink(file.name, chunk);
        } catch (sinkError) {
          failure = sinkError as Error;
          return;
        }
        if (final) finished.add(file.name);
      };
      file.start();
    });
    unzip.register(UnzipInflate);

    const { bytes } = this;
    let sinceYield = 0;
    for (
      let offset = 0;
      offset < bytes.length && !failure && finished.size < wanted.size;
      offset += PUSH_BYTES
    ) {
      const end = Math.min(offset + PUSH_BYTES, bytes.length);
      try {
        unzip.push(bytes.subarray(offset, end), end === bytes.length);
      } catch (error) {
        failure ??= new WorkbookFileError(
          `not an Excel workbook (.xlsx): the zip archive is damaged (${(error as Error).message})`,
        );
      }
      sinceYield += end - offset;
      if (sinceYield >= YIELD_BYTES) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
    if (failure) throw failure;
    for (const name of wanted) {
      if (!finished.has(name)) {
        throw new WorkbookFileError(
          `not an Excel workbook (.xlsx): ${name} could not be read to its end; the zip archive is damaged`,
        );
      }
    }
  }
}
