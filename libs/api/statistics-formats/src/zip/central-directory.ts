/**
 * Reads a zip archive's central directory: the list of entries that every spreadsheet
 * reader (Excel, exceljs through JSZip) opens. The local headers in front of each entry's
 * data can tell a different story (an entry hidden inside the one before it, a decoy the
 * directory does not list); they are used only to find where an entry's data starts.
 */

/** The archive's structure is wrong; the message says how (shown to the person importing). */
export class ZipStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipStructureError';
  }
}

export interface ZipEntry {
  /** the name as the directory stores it */
  name: string;
  /** 0 stored, 8 deflated; others are refused by the reader */
  method: number;
  crc32: number;
  compressedSize: number;
  /** what the directory declares the entry inflates to */
  uncompressedSize: number;
  /** where the entry's local header starts */
  localOffset: number;
  /** where the entry's compressed data starts and ends (exclusive) */
  dataStart: number;
  dataEnd: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_U32 = 0xffffffff;
const MAX_U16 = 0xffff;

const damaged = (why: string) => new ZipStructureError(`the zip archive is damaged (${why})`);

function findEndOfDirectory(view: DataView): number {
  // The end record is the last 22 bytes plus a comment of at most 65 535 bytes.
  const lowest = Math.max(0, view.byteLength - 22 - MAX_U16);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (
      view.getUint32(at, true) === END_OF_DIRECTORY &&
      at + 22 + view.getUint16(at + 20, true) <= view.byteLength
    )
      return at;
  }
  throw damaged('no end of central directory record');
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // Without the UTF-8 flag a name is in code page 437; spreadsheet part names are ASCII,
  // so anything else is kept recognisably odd rather than guessed at.
  return String.fromCharCode(...bytes);
}

/**
 * Lists the entries of the central directory (directories left out), and checks that
 * each entry's data lies inside the archive before the directory, that no two entries
 * share data or a name, and that each local header names the same entry.
 */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw damaged('too short to be a zip archive');
  const end = findEndOfDirectory(view);
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryOffset = view.getUint32(end + 16, true);
  const locator = end - 20;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const zip64End = Number(view.getBigUint64(locator + 8, true));
    if (zip64End + 56 > end || view.getUint32(zip64End, true) !== ZIP64_END)
      throw damaged('the ZIP64 end record is missing');
    count = Number(view.getBigUint64(zip64End + 32, true));
    directorySize = Number(view.getBigUint64(zip64End + 40, true));
    directoryOffset = Number(view.getBigUint64(zip64End + 48, true));
  }
  if (directoryOffset + directorySize > end) throw damaged('the central directory lies outside the file');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryOffset + directorySize || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      throw damaged(`central directory entry ${i + 1} of ${count} is missing`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryOffset + directorySize)
      throw damaged(`central directory entry ${i + 1} runs past its end`);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = decodeName(nameBytes, (flags & 0x0800) !== 0);
    // ZIP64: the sizes and offset that do not fit in 32 bits follow in this order.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength;) {
      const id = view.getUint16(extra, true);
      const size = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const take = () => {
          if (field + 8 > extra + 4 + size) throw damaged(`the ZIP64 sizes of ${name} are incomplete`);
          const value = Number(view.getBigUint64(field, true));
          field += 8;
          return value;
        };
        if (uncompressedSize === MAX_U32) uncompressedSize = take();
        if (compressedSize === MAX_U32) compressedSize = take();
        if (localOffset === MAX_U32) localOffset = take();
      }
      extra += 4 + size;
    }
    at = next;
    if (name.endsWith('/') && uncompressedSize === 0) continue;
    if (flags & 0x0001) throw new ZipStructureError(`${name} is encrypted`);

    const key = name.replace(/^\/+/, '').toLowerCase();
    if (names.has(key)) throw damaged(`${name} is listed twice`);
    names.add(key);

    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_HEADER)
      throw damaged(`the data of ${name} is not where the central directory says`);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    if (localName.length !== nameBytes.length || !localName.every((b, j) => b === nameBytes[j]))
      throw damaged(`the local header at the data of ${name} names another entry`);
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > directoryOffset) throw damaged(`the data of ${name} runs past the central directory`);
    entries.push({ name, method, crc32, compressedSize, uncompressedSize, localOffset, dataStart, dataEnd });
  }
  // Entries that share bytes are how "overlapping" zip bombs multiply one payload.
  const byStart = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byStart.length; i++) {
    if (byStart[i].localOffset < byStart[i - 1].dataEnd)
      throw damaged(`${byStart[i - 1].name} and ${byStart[i].name} share data`);
  }
  return entries;
}
