import { deflateSync } from 'fflate';
import { crc32 } from 'node:zlib';

/**
 * Hand-made zip archives for tests: the tricks that make readers of one archive disagree
 * (tests only; no product code writes zips this way).
 */
export interface CraftedEntry {
  name: string;
  data: Uint8Array;
  /** 0 stores the entry; 1–9 deflates it (default 6) */
  level?: number;
  /** in the local headers only, not in the central directory: only a front-to-back scan finds it */
  localOnly?: boolean;
  /** written after the central directory (which still lists it) */
  afterDirectory?: boolean;
  /**
   * this entry's local header claims a size that runs over the next entry, so a reader
   * that walks the local headers skips that entry; the central directory tells the truth
   */
  coversNext?: boolean;
  /** the size the central directory and the local header declare, if not the true one */
  declaredSize?: number;
}

const enc = new TextEncoder();

function localHeader(name: Uint8Array, method: number, crc: number, size: number, declared: number) {
  const header = new Uint8Array(30 + name.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, 0x0800, true); // UTF-8 names
  view.setUint16(8, method, true);
  view.setUint32(14, crc, true);
  view.setUint32(18, size, true);
  view.setUint32(22, declared, true);
  view.setUint16(26, name.length, true);
  header.set(name, 30);
  return header;
}

/** Writes the entries in the given order, with the directory and its end record. */
export function craftZip(entries: readonly CraftedEntry[]): Uint8Array {
  const prepared = entries.map((entry) => {
    const level = entry.level ?? 6;
    const body = level === 0 ? entry.data : deflateSync(entry.data, { level: level as 6 });
    return {
      entry,
      name: enc.encode(entry.name),
      method: level === 0 ? 0 : 8,
      crc: crc32(entry.data),
      body,
      declared: entry.declaredSize ?? entry.data.length,
    };
  });
  const before = prepared.filter((p) => !p.entry.afterDirectory);
  const after = prepared.filter((p) => p.entry.afterDirectory);
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const offsets = new Map<(typeof prepared)[number], number>();
  const write = (list: typeof prepared) =>
    list.forEach((p, i) => {
      offsets.set(p, offset);
      let claimed = p.body.length;
      const next = list[i + 1];
      if (p.entry.coversNext && next) claimed += 30 + next.name.length + next.body.length;
      const header = localHeader(p.name, p.method, p.crc, claimed, p.method === 0 ? claimed : p.declared);
      chunks.push(header, p.body);
      offset += header.length + p.body.length;
    });
  write(before);
  const directoryOffset = offset;
  const listed = prepared.filter((p) => !p.entry.localOnly);
  const directory: Uint8Array[] = [];
  let directorySize = 0;
  // Entries after the directory get their offsets once its size is known.
  const directorySizeOf = listed.reduce((sum, p) => sum + 46 + p.name.length, 0);
  let afterOffset = directoryOffset + directorySizeOf;
  for (const p of after) {
    offsets.set(p, afterOffset);
    afterOffset += 30 + p.name.length + p.body.length;
  }
  for (const p of listed) {
    const record = new Uint8Array(46 + p.name.length);
    const view = new DataView(record.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, 20, true);
    view.setUint16(8, 0x0800, true);
    view.setUint16(10, p.method, true);
    view.setUint32(16, p.crc, true);
    view.setUint32(20, p.body.length, true);
    view.setUint32(24, p.method === 0 ? p.body.length : p.declared, true);
    view.setUint16(28, p.name.length, true);
    view.setUint32(42, offsets.get(p)!, true);
    record.set(p.name, 46);
    directory.push(record);
    directorySize += record.length;
  }
  chunks.push(...directory);
  offset += directorySize;
  for (const p of after) {
    const header = localHeader(p.name, p.method, p.crc, p.body.length, p.declared);
    chunks.push(header, p.body);
    offset += header.length + p.body.length;
  }
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, listed.length, true);
  view.setUint16(10, listed.length, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, directoryOffset, true);
  chunks.push(end);
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A part of `n` bytes that deflates to almost nothing: the payload of a zip bomb. */
export const zeros = (n: number) => new Uint8Array(n);
