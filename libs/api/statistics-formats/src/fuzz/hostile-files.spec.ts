/**
 * Property-based fuzzing of every reader with random and mutated files: whatever comes in,
 * a reader returns its result with the problems it found (never an exception), within
 * 5 s a case, with bounded messages and well-formed observations. How to repeat a failing
 * run: see ./hostile-inputs.ts.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { referenceData, referenceMatcher } from '../af/spec-support';
import { parseAfWorkbook, writeAfWorkbook, type AfWorkbookRow } from '../af';
import { parseJsonStat } from '../jsonstat';
import { parseKolada } from '../kolada';
import type { ParsedFile } from '../model';
import { parsePxWebV1 } from '../pxweb-v1';
import {
  parseTemplate,
  parseTemplateCsv,
  parseTemplateXlsx,
  writeTemplateCsv,
  writeTemplateXlsx,
} from '../template';
import {
  deepJsonText,
  expectWellFormed,
  fuzzParameters,
  hostileZip,
  mutatedBytes,
  mutatedJson,
  mutatedText,
  oddText,
  withinFiveSeconds,
} from './hostile-inputs';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const json = (path: string) => JSON.parse(fixture(path)) as unknown;
const randomBytes = fc.uint8Array({ maxLength: 4000 });

/** Checks a reader against inputs: each case ends in a well-formed result within 5 s. */
async function holds<T>(input: fc.Arbitrary<T>, read: (input: T) => ParsedFile | Promise<ParsedFile>) {
  await fc.assert(
    fc.asyncProperty(input, async (value) => expectWellFormed(await withinFiveSeconds(() => read(value)))),
    fuzzParameters(),
  );
}

/** A JSON reader's inputs: random JSON, mutated samples (as objects and as text), cut-off text, deep nesting, bytes. */
function jsonInputs(samples: unknown[]): fc.Arbitrary<unknown> {
  const texts = samples.map((s) => JSON.stringify(s));
  // Parsed input is an object or an array (the readers' type says so); anything else comes as text.
  const parsed = (doc: unknown) =>
    doc !== null && typeof doc === 'object' ? doc : (JSON.stringify(doc) ?? 'null');
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map(parsed),
    fc.oneof(...samples.map(mutatedJson)).map(parsed),
    fc.oneof(...samples.map(mutatedJson)).map((doc) => JSON.stringify(doc) ?? 'null'),
    fc.oneof(...texts.map(mutatedText)),
    deepJsonText,
    deepJsonText.map((deep) => texts[0].replace(/\[/, `[${deep},`)),
    randomBytes,
    oddText,
  );
}

describe('hostile files', () => {
  const scbJsonStat = [
    json('scb/scb_v1_TAB3554_jsonstat2.json'),
    json('scb/scb_v2_TAB638_data_BE0101N1_jsonstat2.json'),
    json('jsonstat/jsonstat2_sample_galicia.json'),
  ];

  it('quotes a value nested 100 000 levels deep in a problem without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const kolada = parseKolada({
      values: [{ kpi: 'N00001', municipality: '1283', period: 2024, values: [{ gender: deep, value: 1 }] }],
    });
    expect(kolada.problems.map((p) => p.message)).toEqual(['gender [[[…]]] is not T, K or M']);
    const jsonStat = parseJsonStat({ ...(scbJsonStat[0] as object), version: deep }, { requireArea: false });
    expect(jsonStat.problems.map((p) => p.message)).toEqual([
      'the file is JSON-stat version [[[…]]]: only 2.x is supported',
    ]);
  });

  it('mutates documents into inputs that can still be written as JSON text', () => {
    // The text variant of jsonInputs writes each mutated document; a generator that nests too
    // deeply fails there, before any reader runs.
    fc.assert(
      fc.property(mutatedJson({ values: [{ a: 1 }, { b: [2, 3] }], title: 't' }), (doc) => {
        expect(typeof JSON.stringify(doc)).toBe('string');
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('JSON-stat 2: never throws, never hangs', async () => {
    await holds(jsonInputs(scbJsonStat), (input) =>
      parseJsonStat(input as Parameters<typeof parseJsonStat>[0], { requireArea: false }),
    );
  });

  it('PxWeb v1: never throws, never hangs', async () => {
    await holds(jsonInputs([json('scb/scb_v1_BefolkningNy_json_region.json')]), (input) =>
      parsePxWebV1(input as Parameters<typeof parsePxWebV1>[0], { requireArea: false }),
    );
  });

  it('Kolada: never throws, never hangs (one answer or several pages)', async () => {
    const pages = [json('kolada/synthetic_v2_data_page1.json'), json('kolada/synthetic_v3_data_page1.json')];
    const input = fc.oneof(
      jsonInputs([...pages, json('kolada/kolada_v2_kpi_values_excerpt.json')]),
      fc.array(fc.oneof(...pages.map(mutatedJson)), { maxLength: 3 }),
    );
    await holds(input, (value) => parseKolada(value as Parameters<typeof parseKolada>[0]));
  });

  it('template CSV: never throws, never hangs', async () => {
    const samples = [
      fixture('template/synthetic_template_semicolon.csv'),
      fixture('template/synthetic_template_comma.csv'),
      fixture('template/synthetic_template_errors.csv'),
    ];
    const cell = fc.oneof(oddText, fc.constantFrom('"', '""', ';', ',', '\t', '\r\n', '\n', '\r', '"a;b"'));
    const rows = fc
      .array(fc.array(cell, { maxLength: 8 }), { maxLength: 40 })
      .map((r) =>
        ['indicator_code;area_code;period;value;flags;note', ...r.map((c) => c.join(';'))].join('\n'),
      );
    const input = fc.oneof(
      fc.oneof(...samples.map(mutatedText)),
      rows,
      fc.string({ unit: 'binary', maxLength: 2000 }),
      randomBytes,
      // UTF-16 with and without its byte-order mark, and a BOM before nothing
      fc
        .oneof(...samples.map(mutatedText))
        .map((t) => new Uint8Array([0xff, 0xfe, ...Buffer.from(t, 'utf16le')])),
      fc.oneof(...samples.map(mutatedText)).map((t) => new Uint8Array(Buffer.from(t, 'utf16le'))),
      fc.constant(new Uint8Array([0xef, 0xbb, 0xbf])),
    );
    await holds(input, (text) => parseTemplateCsv(text));
  });

  it('template XLSX: never throws, never hangs, whatever the archive', async () => {
    const base = await writeTemplateXlsx([
      { indicator_code: 'X', area_code: '1283', period: '2024-09', value: 7 },
      { indicator_code: 'Y', area_code: '0114', period: '2024-Q3', value: '<5', flags: ['preliminary'] },
    ]);
    const input = fc.oneof(
      hostileZip(base, [
        'xl/worksheets/sheet1.xml',
        'xl/sharedStrings.xml',
        'xl/workbook.xml',
        '[Content_Types].xml',
      ]),
      mutatedBytes(base),
      randomBytes.map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
    );
    await holds(input, (bytes) => parseTemplateXlsx(bytes, { maxInflatedBytes: 8 * 1024 * 1024 }));
  });

  it('AF workbook (sheet and pivot cache): never throws, never hangs, whatever the archive', async () => {
    const rows: AfWorkbookRow[] = [
      {
        period: '2024-01',
        county: 'Skåne län',
        municipality: 'Helsingborg',
        values: { TOTSOK: 5321, TOTAK: 72104.08, UTRKSOK: '<5', UTRKAK: 3120.5 },
      },
      {
        period: '2024-02',
        county: 'Uppsala län',
        municipality: 'Håbo',
        values: { TOTSOK: 410, TOTAK: 11000.1, UTRKSOK: null, UTRKAK: 0 },
      },
    ];
    const pivot = await writeAfWorkbook(rows, { layout: 'pivot-cache', title: 't' });
    const sheet = await writeAfWorkbook(rows, { layout: 'sheet', title: 't' });
    const input = fc.oneof(
      hostileZip(pivot, [
        'xl/pivotCache/pivotCacheRecords1.xml',
        'xl/pivotCache/pivotCacheDefinition1.xml',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
      ]),
      hostileZip(sheet, ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']),
      mutatedBytes(pivot),
      mutatedBytes(sheet),
      randomBytes,
    );
    const matcher = referenceMatcher();
    await holds(input, (bytes) => parseAfWorkbook(bytes, { matcher, maxUncompressedBytes: 8 * 1024 * 1024 }));
  });

  it('parseTemplate tells the formats apart on any bytes without throwing', async () => {
    const csv = writeTemplateCsv([{ indicator_code: 'X', area_code: '1283', period: '2024', value: 1 }]);
    await holds(fc.oneof(randomBytes, mutatedText(csv), fc.string({ unit: 'binary' })), (input) =>
      parseTemplate(input, { maxInflatedBytes: 8 * 1024 * 1024 }),
    );
  });

  it('municipality names: any text maps to a known code or to a problem, never an exception', async () => {
    const matcher = referenceMatcher();
    const { municipalities, counties } = referenceData();
    const known = new Set(municipalities.map((m) => m.code));
    const knownCounties = new Set(counties.map((c) => c.code));
    const names = fc.oneof(
      oddText,
      fc.constantFrom(...municipalities.map((m) => m.name)).chain((name) => mutatedText(name)),
      fc.constantFrom(...counties.map((c) => c.name)).chain((name) => mutatedText(name)),
      fc.string({ unit: 'binary', maxLength: 500 }),
    );
    await fc.assert(
      fc.asyncProperty(names, fc.option(names), async (name, county) => {
        const result = await withinFiveSeconds(() => [
          matcher.match(name, county),
          matcher.matchCounty(name),
        ]);
        const [municipality, countyMatch] = result;
        if ('code' in municipality) expect(known.has(municipality.code)).toBe(true);
        else expect(typeof municipality.problem).toBe('string');
        if ('code' in countyMatch) expect(knownCounties.has(countyMatch.code)).toBe(true);
        else expect(Array.isArray(countyMatch.suggestions)).toBe(true);
      }),
      fuzzParameters(),
    );
  });
});
