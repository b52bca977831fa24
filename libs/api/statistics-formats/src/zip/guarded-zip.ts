import { Inflate } from 'fflate';
import { crc32 } from 'node:zlib';
import { ZipStructureError, readCentralDirectory, type ZipEntry } from './central-directory';

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

// Compressed bytes handed to the inflater at a time. DEFLATE cannot expand a chunk more
// than ~1 030×, so this bounds what a single step can allocate before the limits are checked.
const PUSH_BYTES = 32 * 1024;
// How often (in compressed bytes) a long read lets the event loop run, so progress
// reports and other requests get through while a large workbook is read.
const YIELD_BYTES = 256 * 1024;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${Math.round(n / 1024)} KiB`;
}

/**
 * Read access to the parts of a zip package (an .xlsx file), inflating only what is asked
 * for and checking, while it inflates, that no part and not the whole grows beyond the
 * limits or beyond what the archive declares. A zip bomb therefore costs at most one
 * bounded step of work before it is refused.
 *
 * Security invariant: entries are found through the central directory, as Excel and
 * exceljs find them, and inflated from the offsets it gives; what this class checks is
 * exactly what a reader is handed (callers give exceljs only bytes that came out of
 * {@link read}). A reader that walked the local headers instead could be shown a decoy
 * while an entry hidden from it went unchecked.
 */
export class GuardedZip {
  private readonly entries = new Map<string, ZipEntry>();
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
    let listed: ZipEntry[];
    try {
      listed = readCentralDirectory(bytes);
    } catch (error) {
      if (!(error instanceof ZipStructureError)) throw error;
      throw new WorkbookFileError(
        error.message.includes('encrypted')
          ? `the workbook is encrypted (${error.message}); save it without a password`
          : `not an Excel workbook (.xlsx): ${error.message}`,
      );
    }
    for (const entry of listed) {
      // A damaged central directory shows as garbage names; calling that a zip bomb
      // because its garbage sizes are huge would mislead.
      if ([...entry.name].some((c) => c < ' ' || c === '\ufffd')) {
        throw new WorkbookFileError(
          'not an Excel workbook (.xlsx): the zip archive is damaged (unreadable entry names)',
        );
      }
      zip.entries.set(entry.name, entry);
      zip.byLowerName.set(entry.name.replace(/^\/+/, '').toLowerCase(), entry.name);
    }
    let declared = 0;
    for (const entry of zip.entries.values()) {
      declared += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxUncompressedBytes || declared > limits.maxUncompressedBytes) {
        throw new WorkbookFileError(
          `the workbook would unpack to more than ${formatBytes(limits.maxUncompressedBytes)} (declared by ${entry.name}); it looks like a zip bomb and was not opened`,
        );
      }
      if (
        entry.uncompressedSize > limits.ratioFloorBytes &&
        entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio
      ) {
        throw new WorkbookFileError(
          `${entry.name} is compressed more than ${limits.maxCompressionRatio}:1, which no spreadsheet is; it looks like a zip bomb and was not opened`,
        );
      }
    }
    return zip;
  }

  /** Every part's stored name, in the directory's order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The stored name of a part, found case-insensitively, or undefined. */
  find(name: string): string | undefined {
    return this.byLowerName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /** Declared uncompressed size of a part, for progress. */
  declaredSize(name: string): number {
    return this.entries.get(name)?.uncompressedSize ?? 0;
  }

  /** Inflates the named parts (stored names, see {@link find}) into memory. */
  async read(names: readonly string[]): Promise<Map<string, Uint8Array>> {
    const result = new Map<string, Uint8Array>();
    for (const name of new Set(names)) {
      const parts: Uint8Array[] = [];
      await this.inflate(name, (chunk) => parts.push(chunk));
      const joined = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
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
    await this.inflate(name, onChunk);
  }

  private async inflate(name: string, sink: (chunk: Uint8Array) => void): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no part ${name} in the archive`);
    const { limits, bytes } = this;
    if (entry.method !== 0 && entry.method !== 8) {
      throw new WorkbookFileError(
        `${name} uses a compression method (${entry.method}) that Excel does not write; save the workbook again in Excel`,
      );
    }
    let failure: Error | undefined;
    let produced = 0;
    let crc = 0;
    const take = (chunk: Uint8Array) => {
      if (failure) return;
      produced += chunk.length;
      // The running total covers every part read from this archive, whatever the
      // directory declared: the cap holds while inflating, not only on paper.
      this.inflatedTotal += chunk.length;
      if (this.inflatedTotal > limits.maxUncompressedBytes) {
        failure = new WorkbookFileError(
          `the workbook unpacks to more than ${formatBytes(limits.maxUncompressedBytes)}; it looks like a zip bomb and was not read`,
        );
      } else if (produced > entry.uncompressedSize) {
        failure = new WorkbookFileError(
          `${name} unpacks to more than the ${entry.uncompressedSize} bytes its archive declares; the file is damaged or a zip bomb and was not read`,
        );
      } else if (
        produced > limits.ratioFloorBytes &&
        produced > entry.compressedSize * limits.maxCompressionRatio
      ) {
        failure = new WorkbookFileError(
          `${name} is compressed more than ${limits.maxCompressionRatio}:1, which no spreadsheet is; it looks like a zip bomb and was not read`,
        );
      }
      if (failure || !chunk.length) return;
      crc = crc32(chunk, crc);
      try {
        sink(chunk);
      } catch (sinkError) {
        failure = sinkError as Error;
      }
    };
    const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : undefined;
    let sinceYield = 0;
    for (let offset = entry.dataStart; offset < entry.dataEnd && !failure; offset += PUSH_BYTES) {
      const end = Math.min(offset + PUSH_BYTES, entry.dataEnd);
      const piece = bytes.subarray(offset, end);
      if (!inflater) take(piece);
      else {
        try {
          inflater.push(piece, end === entry.dataEnd);
        } catch (error) {
          failure ??= new WorkbookFileError(
            `not an Excel workbook (.xlsx): ${name} is damaged (${(error as Error).message})`,
          );
        }
      }
      sinceYield += end - offset;
      if (sinceYield >= YIELD_BYTES) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
    if (failure) throw failure;
    if (produced !== entry.uncompressedSize || crc !== entry.crc32) {
      throw new WorkbookFileError(
        `not an Excel workbook (.xlsx): ${name} could not be read to its end; the zip archive is damaged`,
      );
    }
  }
}
