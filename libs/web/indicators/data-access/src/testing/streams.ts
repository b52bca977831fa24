import type { ByteReader } from '../lib/ndjson';

/** UTF-8 bytes of a text. */
export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A reader that hands out the given byte chunks one by one, as a network stream would. */
export function chunkedReader(chunks: Uint8Array[]): ByteReader {
  let i = 0;
  return {
    read: async () => (i < chunks.length ? { done: false, value: chunks[i++] } : { done: true }),
  };
}
