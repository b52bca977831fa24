import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import {
  SYNTHETIC_LABEL,
  parseAfWorkbook,
  parseJsonStat,
  parseKolada,
  type ParsedFile,
} from '@kraftsamling/api/statistics-formats';
import { monthCode } from './calendar';
import { FILE_NAMES, MANIFEST_FILE, generateDemoData, planDemoData, type DemoDataResult } from './generate';
import { FAMILJEN_HELSINGBORG, GROUPS } from './model';
import { afTable, monthsBetween, referenceMatcher, temporaryDir } from './spec-support';

const matcher = referenceMatcher();
// A reduced range: figures up to 2024-06 (the run's "today" is in July), from the baseline
// September 2023, so the tests stay quick.
const TODAY = '2024-07-10';
const FROM = '2023-09';
const LAST = '2024-06';
const AF_FIELDS = GROUPS.flatMap((g) => [`${g}SOK`, `${g}AK`]).sort();

let out: { dir: string; remove: () => Promise<void> };
let result: DemoDataResult;
const read = (name: string) => readFileSync(path.join(out.dir, name));
const parsedAf = new Map<string, Promise<ParsedFile>>();
function af(name: string): Promise<ParsedFile> {
  let parsed = parsedAf.get(name);
  if (!parsed) parsedAf.set(name, (parsed = parseAfWorkbook(read(name), { matcher })));
  return parsed;
}

beforeAll(async () => {
  out = await temporaryDir();
  result = await generateDemoData({ outDir: out.dir, today: TODAY, from: FROM });
}, 60_000);
afterAll(() => out.remove());

describe('generateDemoData (reduced range)', () => {
  it('writes the files and a manifest that lists them', () => {
    expect(result.firstMonth).toBe(FROM);
    expect(result.lastMonth).toBe(LAST);
    expect(result.files.map((f) => f.file)).toEqual([
      FILE_NAMES.afReg,
      FILE_NAMES.afBas,
      FILE_NAMES.population,
      FILE_NAMES.employment,
      FILE_NAMES.koladaPage(1),
      FILE_NAMES.koladaPage(2),
      MANIFEST_FILE,
    ]);
    expect(result.files.every((f) => f.status === 'written')).toBe(true);
    const manifest = JSON.parse(read(MANIFEST_FILE).toString('utf8'));
    expect(manifest.label).toBe(SYNTHETIC_LABEL);
    expect(manifest.files.map((f: { file: string }) => f.file)).toEqual(
      result.files.slice(0, -1).map((f) => f.file),
    );
    expect(manifest.files[0]).toMatchObject({ afSeries: 'reg', periods: { first: FROM, last: '2023-12' } });
    expect(manifest.files[1]).toMatchObject({ afSeries: 'bas', periods: { first: FROM, last: LAST } });
    expect(manifest.story.baselinePeriod).toBe('2023-09');
    for (const file of result.files)
      expect(file.file === MANIFEST_FILE || file.file.includes('syntetisk')).toBe(true);
  });

  it.each([
    [FILE_NAMES.afReg, 'reg', monthsBetween(FROM, '2023-12')],
    [FILE_NAMES.afBas, 'bas', monthsBetween(FROM, LAST)],
  ])(
    '%s reads back through parseAfWorkbook: 290 municipalities, every month, no problems',
    async (name, series, months) => {
      expect(name).toContain(`andel-av-${series}`);
      const parsed = await af(name);
      expect(parsed.problems).toEqual([]);
      expect(parsed.observations).toHaveLength(290 * months.length * AF_FIELDS.length);
      const table = afTable(parsed.observations);
      expect(table.size).toBe(290);
      const wrong: string[] = [];
      for (const [area, byPeriod] of table) {
        if ([...byPeriod.keys()].sort().join() !== months.join()) wrong.push(`${area}: months`);
        for (const [period, fields] of byPeriod)
          if (Object.keys(fields).sort().join() !== AF_FIELDS.join()) wrong.push(`${area} ${period}: fields`);
      }
      expect(wrong).toEqual([]);
    },
    30_000,
  );

  it('labels the workbooks as synthetic (cell A1 and the document title)', () => {
    for (const name of [FILE_NAMES.afReg, FILE_NAMES.afBas]) {
      const files = unzipSync(new Uint8Array(read(name)));
      expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toContain(SYNTHETIC_LABEL);
      expect(strFromU8(files['docProps/core.xml'])).toContain(`<dc:title>${SYNTHETIC_LABEL}</dc:title>`);
    }
  });

  it('keeps the counts consistent, suppresses small ones as <5 and keeps fractional denominators', async () => {
    const table = afTable((await af(FILE_NAMES.afBas)).observations);
    let suppressed = 0;
    let fractional = 0;
    let exactRows = 0;
    const wrong: string[] = [];
    for (const [area, byPeriod] of table) {
      for (const [period, f] of byPeriod) {
        const at = `${area} ${period}`;
        for (const [field, cell] of Object.entries(f)) {
          if (cell.lowerBound) {
            suppressed++;
            if (!field.endsWith('SOK')) wrong.push(`${at}: ${field} is <5`);
          }
          if (field.endsWith('AK') && !Number.isInteger(cell.value)) fractional++;
        }
        const v = (field: string) => f[field].value as number;
        if (Math.abs(v('KVIAK') + v('MANAK') - v('TOTAK')) > 1e-5) wrong.push(`${at}: KVIAK + MANAK`);
        if (Math.abs(v('UTRAK') + v('INRAK') - v('TOTAK')) > 1e-5) wrong.push(`${at}: UTRAK + INRAK`);
        if (!(v('UTRKAK') < v('UTRAK'))) wrong.push(`${at}: UTRKAK`);
        const exact = ['TOTSOK', 'KVISOK', 'MANSOK', 'UTRSOK', 'UTRKSOK', 'UTRMSOK', 'INRSOK'].every(
          (field) => !f[field].lowerBound,
        );
        if (exact) {
          exactRows++;
          if (v('KVISOK') + v('MANSOK') !== v('TOTSOK')) wrong.push(`${at}: KVISOK + MANSOK`);
          if (v('UTRKSOK') + v('UTRMSOK') !== v('UTRSOK')) wrong.push(`${at}: UTRKSOK + UTRMSOK`);
          if (v('UTRSOK') + v('INRSOK') !== v('TOTSOK')) wrong.push(`${at}: UTRSOK + INRSOK`);
        }
        const rate = v('TOTSOK') / v('TOTAK');
        if (rate < 0.02 || rate > 0.16) wrong.push(`${at}: unemployment ${rate}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(suppressed).toBeGreaterThan(0);
    expect(fractional).toBeGreaterThan(0);
    expect(exactRows).toBeGreaterThan(290 * 8);
  });

  it('has the same counts but other denominators where the two series overlap (2023)', async () => {
    const reg = afTable((await af(FILE_NAMES.afReg)).observations);
    const bas = afTable((await af(FILE_NAMES.afBas)).observations);
    const r = reg.get('1283')?.get('2023-12');
    const b = bas.get('1283')?.get('2023-12');
    expect(r?.['UTRKSOK']).toEqual(b?.['UTRKSOK']);
    expect(r?.['TOTSOK']).toEqual(b?.['TOTSOK']);
    expect(r?.['TOTAK'].value).not.toBe(b?.['TOTAK'].value);
  });

  it("shows Familjen Helsingborg's story: a September baseline, then a decline at different paces", async () => {
    const { story } = result;
    expect(story.baselinePeriod).toBe('2023-09');
    expect(story.targetPeriod).toBe('2025-09');
    expect(story.latestPeriod).toBe(LAST);
    expect(story.members.map((m) => m.code).sort()).toEqual(FAMILJEN_HELSINGBORG.map((m) => m.code).sort());
    const bas = afTable((await af(FILE_NAMES.afBas)).observations);
    const utrk = (code: string, period: string) => {
      const cell = bas.get(code)?.get(period)?.['UTRKSOK'];
      expect(cell?.lowerBound).toBe(false);
      return cell?.value as number;
    };
    let atBaseline = 0;
    let latest = 0;
    for (const member of story.members) {
      expect(utrk(member.code, '2023-09')).toBe(member.baseline);
      expect(utrk(member.code, LAST)).toBe(member.latest);
      expect(member.latest).toBeLessThan(member.baseline);
      expect(member.target).toBe(member.baseline / 2);
      atBaseline += member.baseline;
      latest += member.latest;
    }
    // The region (a sum of counts) falls clearly, but is far from half after nine months.
    expect(latest / atBaseline).toBeLessThan(0.92);
    expect(latest / atBaseline).toBeGreaterThan(0.6);
    // Some members are on track, some are not.
    expect(story.members.filter((m) => m.onTrack).length).toBeGreaterThanOrEqual(3);
    expect(story.members.filter((m) => !m.onTrack).length).toBeGreaterThanOrEqual(3);
  });

  it('writes population as JSON-stat 2 that parseJsonStat reads without problems, with a few missing values', () => {
    const parsed = parseJsonStat(read(FILE_NAMES.population));
    expect(parsed.problems).toEqual([]);
    expect(parsed.meta).toMatchObject({ tableId: 'TAB638', source: SYNTHETIC_LABEL });
    expect(parsed.meta.title).toContain(SYNTHETIC_LABEL);
    expect(new Set(parsed.observations.map((o) => o.area)).size).toBe(290 + 21 + 1);
    expect([...new Set(parsed.observations.map((o) => o.period))]).toEqual(['2023']);
    expect(parsed.observations[0].series).toEqual({
      source: 'SCB',
      table: 'TAB638',
      contentsCode: 'BE0101N1',
      dimensions: {},
    });
    const missing = parsed.observations.filter((o) => o.value === null);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((o) => o.status === '..')).toBe(true);
    const helsingborg = parsed.observations.find((o) => o.area === '1283')?.value as number;
    expect(helsingborg).toBeGreaterThan(140_000);
    expect(helsingborg).toBeLessThan(175_000);
    const doc = JSON.parse(read(FILE_NAMES.population).toString('utf8'));
    expect(doc.note[0]).toContain(SYNTHETIC_LABEL);
    expect(doc.id).toEqual(['Region', 'ContentsCode', 'Tid']);
  });

  it('writes employed residents per month as JSON-stat 2 with sex and birth region', () => {
    const parsed = parseJsonStat(read(FILE_NAMES.employment));
    expect(parsed.problems).toEqual([]);
    expect(parsed.meta.source).toBe(SYNTHETIC_LABEL);
    const months = monthsBetween(FROM, LAST);
    expect([...new Set(parsed.observations.map((o) => o.period))].sort()).toEqual(months);
    expect(parsed.observations).toHaveLength(312 * 9 * months.length);
    const cells = new Map<string, number | null>();
    for (const o of parsed.observations) {
      if (o.series.source !== 'SCB') continue;
      cells.set(
        `${o.area}|${o.series.dimensions['Kon']}|${o.series.dimensions['Fodelseregion']}|${o.period}`,
        o.value,
      );
    }
    const value = (area: string, kon: string, birth: string) =>
      cells.get(`${area}|${kon}|${birth}|2024-03`) as number;
    const total = value('1283', '1+2', 'TOT');
    expect(value('1283', '1', 'TOT') + value('1283', '2', 'TOT')).toBe(total);
    expect(value('1283', '1+2', 'INR') + value('1283', '1+2', 'UTR')).toBe(total);
    expect(value('1283', '2', 'UTR')).toBeLessThan(value('1283', '1+2', 'UTR'));
    expect(total).toBeGreaterThan(60_000);
    expect(total).toBeLessThan(100_000);
    const missing = parsed.observations.filter((o) => o.value === null);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((o) => o.status === '..' && o.period === LAST)).toBe(true);
  });

  it('writes Kolada v3 pages linked by next_url that parseKolada joins without problems', () => {
    const pages = [FILE_NAMES.koladaPage(1), FILE_NAMES.koladaPage(2)].map(read);
    const docs = pages.map((p) => JSON.parse(p.toString('utf8')));
    expect(docs[0].note).toContain(SYNTHETIC_LABEL);
    expect(docs[0].next_url).toMatch(/^https:\/\/api\.kolada\.se\/v3\/data\/kpi\/.*page=2/);
    expect(docs[1].previous_url).toMatch(/page=1/);
    expect(docs[1].next_url).toBeNull();
    expect(docs[0].count).toBe(docs[0].values.length + docs[1].values.length);
    // One page alone is incomplete: the link is what the reader follows.
    expect(parseKolada(pages[0]).problems[0].message).toContain('incomplete');
    const parsed = parseKolada(pages);
    expect(parsed.problems).toEqual([]);
    const kpis = new Set(parsed.observations.map((o) => (o.series.source === 'KOLADA' ? o.series.kpi : '')));
    expect([...kpis].sort()).toEqual(['N00700', 'N00946', 'N00960']);
    expect(new Set(parsed.observations.map((o) => o.area)).size).toBe(312);
    expect([...new Set(parsed.observations.map((o) => o.period))]).toEqual(['2023']);
    const get = (kpi: string, gender: string, area: string) =>
      parsed.observations.find(
        (o) =>
          o.series.source === 'KOLADA' &&
          o.series.kpi === kpi &&
          o.series.gender === gender &&
          o.area === area,
      )?.value as number;
    expect(get('N00946', 'K', '1283') + get('N00946', 'M', '1283')).toBe(get('N00946', 'T', '1283'));
    expect(get('N00700', 'T', '1283')).toBeGreaterThan(20);
    expect(get('N00700', 'T', '1283')).toBeLessThan(90);
    expect(parsed.observations.some((o) => o.value === null)).toBe(true);
  });

  // Last: it rewrites the folder the tests above read.
  it('gives the same bytes for the same month, and rewrites only what differs', async () => {
    writeFileSync(path.join(out.dir, FILE_NAMES.population), 'edited by hand');
    writeFileSync(path.join(out.dir, FILE_NAMES.koladaPage(9)), '{}');
    writeFileSync(path.join(out.dir, 'notes.txt'), 'not ours');
    const again = await generateDemoData({ outDir: out.dir, today: '2024-07-28', from: FROM });
    expect(again.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
    expect(again.files.filter((f) => f.status === 'written').map((f) => f.file)).toEqual([
      FILE_NAMES.population,
    ]);
    expect(again.removed).toEqual([FILE_NAMES.koladaPage(9)]);
    expect(read('notes.txt').toString('utf8')).toBe('not ours');
  }, 60_000);
});

describe('planDemoData', () => {
  const codes = (months: number[]) =>
    months.length ? [monthCode(months[0]), monthCode(months[months.length - 1])] : [];
  it('covers 2019-01 to last month, the register-based series to 2023-12 and the BAS-based from 2023-01', () => {
    const plan = planDemoData('2026-11-23');
    expect(codes(plan.af.reg)).toEqual(['2019-01', '2023-12']);
    expect(plan.af.reg).toHaveLength(60);
    expect(codes(plan.af.bas)).toEqual(['2023-01', '2026-10']);
    expect(codes(plan.months)).toEqual(['2019-01', '2026-10']);
    expect(plan.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(monthCode(plan.baseline)).toBe('2025-09');
  });

  it('cuts the ranges at the last complete month and at the first month asked for', () => {
    const january = planDemoData('2024-01-02');
    expect(codes(january.af.reg)).toEqual(['2019-01', '2023-12']);
    expect(codes(january.af.bas)).toEqual(['2023-01', '2023-12']);
    expect(january.years.at(-1)).toBe(2023);
    const early = planDemoData('2023-03-31');
    expect(codes(early.af.reg)).toEqual(['2019-01', '2023-02']);
    expect(codes(early.af.bas)).toEqual(['2023-01', '2023-02']);
    const late = planDemoData('2026-11-23', '2024-05');
    expect(late.af.reg).toEqual([]);
    expect(codes(late.af.bas)).toEqual(['2024-05', '2026-10']);
    expect(late.years).toEqual([2024, 2025]);
    expect(() => planDemoData('2026-11-23', '2018-12')).toThrow('before 2019-01');
    expect(() => planDemoData('2026-11-23', '2026-11')).toThrow('nothing to write');
  });
});
