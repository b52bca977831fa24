import { bytes, chunkedReader } from '../testing/streams';
import { ByteReader, LineSplitter, NdjsonError, readNdjson } from './ndjson';

/** Cuts the bytes at the given offsets. */
function cut(data: Uint8Array, ...offsets: number[]): Uint8Array[] {
  const bounds = [0, ...offsets, data.length];
  return bounds.slice(1).map((end, i) => data.slice(bounds[i], end));
}

async function collect(reader: ByteReader): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const value of readNdjson(reader)) values.push(value);
  return values;
}

describe('readNdjson', () => {
  const stream =
    '{"type":"progress","stage":"parsing","fraction":0.4}\n' +
    '{"type":"progress","stage":"checking","fraction":1}\n' +
    '{"type":"report","report":{"inserted":3,"problems":[{"location":{"sheet":"Örkelljunga"},"message":"okänt"}]}}\n';

  it('joins lines that arrive split across chunks, in the middle of a line', async () => {
    const data = bytes(stream);
    // 20 falls inside the first line, 60 inside the second.
    const values = await collect(chunkedReader(cut(data, 20, 60)));
    expect(values).toEqual([
      { type: 'progress', stage: 'parsing', fraction: 0.4 },
      { type: 'progress', stage: 'checking', fraction: 1 },
      {
        type: 'report',
        report: { inserted: 3, problems: [{ location: { sheet: 'Örkelljunga' }, message: 'okänt' }] },
      },
    ]);
  });

  it('decodes a character whose bytes are split between two chunks', async () => {
    const data = bytes(stream);
    const o = data.indexOf(0xc3); // first byte of "Ö"
    const values = await collect(chunkedReader(cut(data, o + 1)));
    expect(
      (values[2] as { report: { problems: { location: { sheet: string } }[] } }).report.problems[0],
    ).toEqual({
      location: { sheet: 'Örkelljunga' },
      message: 'okänt',
    });
  });

  it('gives the same values whatever the chunk size, down to one byte at a time', async () => {
    const data = bytes(stream);
    const oneByOne = Array.from(data, (byte) => Uint8Array.of(byte));
    expect(await collect(chunkedReader(oneByOne))).toEqual(await collect(chunkedReader([data])));
  });

  it('reads a last line without a newline, and skips blank lines and CRLF endings', async () => {
    const values = await collect(chunkedReader([bytes('{"a":1}\r\n\r\n{"b":'), bytes('2}')]));
    expect(values).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('fails with NdjsonError on a line that is not JSON (a cut-off or foreign answer)', async () => {
    await expect(collect(chunkedReader([bytes('{"a":1}\n<html>\n')]))).rejects.toBeInstanceOf(NdjsonError);
  });
});

describe('LineSplitter', () => {
  it('keeps an unfinished line until its newline arrives', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('{"a":')).toEqual([]);
    expect(splitter.push('1}\n{"b"')).toEqual(['{"a":1}']);
    expect(splitter.push(':2}\n')).toEqual(['{"b":2}']);
    expect(splitter.end()).toEqual([]);
  });
});
