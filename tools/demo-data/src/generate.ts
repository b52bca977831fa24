import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afWorkbook, type AfSeries } from './af';
import {
  BAS_SERIES_START,
  FIRST_MONTH,
  GOAL_MONTHS,
  REGISTER_SERIES_END,
  goalBaseline,
  lastCompleteMonth,
  monthCode,
  monthIndex,
  monthRange,
  toDay,
  yearOf,
  type Day,
  type DayInput,
  type MonthIndex,
} from './calendar';
import { koladaPages, koladaRows, KOLADA_KPIS } from './kolada';
import { SYNTHETIC_LABEL } from './labels';
import { DemoWorld, FAMILJEN_HELSINGBORG, storyPath } from './model';
import { loadReferenceData } from './reference-data';
import {
  EMPLOYMENT_CONTENTS,
  EMPLOYMENT_TABLE,
  POPULATION_CONTENTS,
  POPULATION_TABLE,
  employmentJsonStat,
  populationJsonStat,
} from './scb';

export interface GenerateDemoDataOptions {
  /** folder to write to (created when missing) */
  outDir: string;
  /** the run's date; the files cover up to the month before it. Default: now. */
  today?: DayInput;
  /** first month to write (YYYY-MM, not before 2019-01); default 2019-01. Tests use a later one. */
  from?: string;
  /** folder with municipalities.csv and counties.csv; default: found next to the program or in the workspace */
  referenceDataDir?: string;
  /** progress lines */
  log?: (line: string) => void;
}

export type DemoFileKind = 'AF_WORKBOOK' | 'JSON_STAT_2' | 'KOLADA' | 'MANIFEST';

export interface DemoFile {
  /** file name inside outDir */
  file: string;
  kind: DemoFileKind;
  description: string;
  /** AF workbooks: which series (register-based or BAS-based denominators) */
  afSeries?: AfSeries;
  /** first and last period the file holds */
  periods?: { first: string; last: string };
  /** Kolada: the page's number, of how many */
  page?: { number: number; of: number };
  bytes: number;
  sha256: string;
}

export interface DemoFileResult extends DemoFile {
  path: string;
  /** `unchanged`: the file was already there with the same bytes and was not rewritten */
  status: 'written' | 'unchanged';
}

export interface StoryMemberSummary {
  code: string;
  name: string;
  /** unemployed foreign-born women (UTRKSOK) in the baseline September */
  baseline: number;
  /** … in the last month */
  latest: number;
  /** half the baseline, due {@link DemoStory.targetPeriod} */
  target: number;
  /** where a straight line from the baseline to the target is in the last month */
  onTrackLine: number;
  onTrack: boolean;
}

export interface DemoStory {
  collaboration: string;
  field: 'UTRKSOK';
  baselinePeriod: string;
  targetPeriod: string;
  latestPeriod: string;
  members: StoryMemberSummary[];
}

export interface DemoDataResult {
  outDir: string;
  label: string;
  firstMonth: string;
  lastMonth: string;
  files: DemoFileResult[];
  /** files of an earlier run (same naming) that this run no longer produces, deleted */
  removed: string[];
  story: DemoStory;
}

export const MANIFEST_FILE = 'manifest.json';
/** Every data file's name starts with one of these; the clean-up only ever touches such names. */
const OWN_FILE = /^(?:af|scb|kolada)-syntetisk-[a-z0-9-]+\.(?:xlsx|json)$/;

export const FILE_NAMES = {
  afReg: 'af-syntetisk-inskrivna-arbetslosa-andel-av-reg.xlsx',
  afBas: 'af-syntetisk-inskrivna-arbetslosa-andel-av-bas.xlsx',
  population: 'scb-syntetisk-tab638-folkmangd-ar.json',
  employment: 'scb-syntetisk-bas-sysselsatta-manad.json',
  koladaPage: (n: number) => `kolada-syntetisk-data-sida-${n}.json`,
} as const;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes unless the file already holds exactly these bytes; replaces atomically. */
async function writeIfChanged(file: string, bytes: Uint8Array): Promise<'written' | 'unchanged'> {
  try {
    const old = await readFile(file);
    if (old.length === bytes.length && old.equals(bytes)) return 'unchanged';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
  return 'written';
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What a run covers, from its date and first month. */
export interface DemoPlan {
  today: Day;
  first: MonthIndex;
  /** the last complete month */
  last: MonthIndex;
  /** the September the goal halves */
  baseline: MonthIndex;
  /** the months of each Arbetsförmedlingen series that the run writes (empty: no file) */
  af: Record<AfSeries, MonthIndex[]>;
  /** the years of the yearly files: from the first month's year to last year */
  years: number[];
  /** the months of the monthly SCB file */
  months: MonthIndex[];
}

export function planDemoData(todayInput: DayInput, from: string = FIRST_MONTH): DemoPlan {
  const today = toDay(todayInput);
  const first = monthIndex(from);
  if (first < monthIndex(FIRST_MONTH)) throw new Error(`from ${from} is before ${FIRST_MONTH}`);
  const last = lastCompleteMonth(today);
  if (first > last)
    throw new Error(
      `nothing to write: ${monthCode(first)} is after the last complete month ${monthCode(last)}`,
    );
  const years: number[] = [];
  for (let y = yearOf(first); y <= today.year - 1; y++) years.push(y);
  return {
    today,
    first,
    last,
    baseline: goalBaseline(last),
    af: {
      reg: monthRange(first, Math.min(last, monthIndex(REGISTER_SERIES_END))),
      bas: monthRange(Math.max(first, monthIndex(BAS_SERIES_START)), last),
    },
    years,
    months: monthRange(first, last),
  };
}

/**
 * Writes the demo's synthetic statistics files: Arbetsförmedlingen workbooks (register-
 * based series to 2023-12, BAS-based series from 2023-01), SCB JSON-stat (yearly population,
 * monthly employed residents) and Kolada data pages, for all 290 municipalities from
 * 2019-01 to the month before `today`, plus a manifest that lists them.
 */
export async function generateDemoData(options: GenerateDemoDataOptions): Promise<DemoDataResult> {
  const log = options.log ?? (() => undefined);
  const plan = planDemoData(options.today ?? new Date(), options.from);
  const { first, last, years, months } = plan;
  const reference = loadReferenceData(options.referenceDataDir);
  const world = new DemoWorld(reference.municipalities, plan.baseline);
  // The month the figures up to `last` came out; fixed within a month, so a later run in the
  // same month writes the same bytes.
  const updated = `${monthCode(last + 1)}-01T06:00:00Z`;

  const outDir = path.resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const produced: DemoFileResult[] = [];
  const emit = async (file: Omit<DemoFile, 'bytes' | 'sha256'>, bytes: Uint8Array) => {
    const target = path.join(outDir, file.file);
    const status = await writeIfChanged(target, bytes);
    const result: DemoFileResult = {
      ...file,
      bytes: bytes.length,
      sha256: sha256(bytes),
      path: target,
      status,
    };
    produced.push(result);
    log(
      `${status === 'written' ? 'wrote    ' : 'unchanged'} ${file.file} (${bytes.length.toLocaleString('sv-SE')} bytes)`,
    );
  };

  // Arbetsförmedlingen: the two series, each only where it exists.
  const afFiles: [AfSeries, string][] = [
    ['reg', FILE_NAMES.afReg],
    ['bas', FILE_NAMES.afBas],
  ];
  for (const [series, file] of afFiles) {
    const afMonths = plan.af[series];
    if (!afMonths.length) continue;
    await emit(
      {
        file,
        kind: 'AF_WORKBOOK',
        afSeries: series,
        description:
          series === 'reg'
            ? 'Arbetsförmedlingen: inskrivna arbetslösa och registerbaserad arbetskraft per kommun och månad'
            : 'Arbetsförmedlingen: inskrivna arbetslösa och arbetskraft enligt BAS per kommun och månad',
        periods: { first: monthCode(afMonths[0]), last: monthCode(afMonths[afMonths.length - 1]) },
      },
      await afWorkbook(world, afMonths, series),
    );
  }

  // SCB: yearly population up to last year, monthly employment up to last month.
  if (years.length) {
    const population = populationJsonStat(world, reference, years, updated);
    await emit(
      {
        file: FILE_NAMES.population,
        kind: 'JSON_STAT_2',
        description: `SCB ${POPULATION_TABLE} (${POPULATION_CONTENTS}): folkmängd 31 december per region och år`,
        periods: { first: String(years[0]), last: String(years[years.length - 1]) },
      },
      utf8(population.text),
    );
  }
  const employment = employmentJsonStat(world, reference, months, updated);
  await emit(
    {
      file: FILE_NAMES.employment,
      kind: 'JSON_STAT_2',
      description: `SCB-liknande ${EMPLOYMENT_TABLE} (${EMPLOYMENT_CONTENTS}, syntetisk ersättare för BAS): sysselsatta per region, kön, födelseregion och månad`,
      periods: { first: monthCode(first), last: monthCode(last) },
    },
    utf8(employment.text),
  );

  // Kolada: yearly key figures, split into pages.
  if (years.length) {
    const pages = koladaPages(koladaRows(world, reference, years), years);
    for (let i = 0; i < pages.length; i++) {
      await emit(
        {
          file: FILE_NAMES.koladaPage(i + 1),
          kind: 'KOLADA',
          description: `Kolada v3 data: ${KOLADA_KPIS.map((k) => `${k.id} ${k.title}`).join('; ')}`,
          periods: { first: String(years[0]), last: String(years[years.length - 1]) },
          page: { number: i + 1, of: pages.length },
        },
        utf8(pages[i]),
      );
    }
  }

  const story = storyOf(world, last);
  const manifest = {
    label: SYNTHETIC_LABEL,
    firstMonth: monthCode(first),
    lastMonth: monthCode(last),
    story,
    files: produced.map(({ path: _path, status: _status, ...file }) => file),
  };
  await emit(
    { file: MANIFEST_FILE, kind: 'MANIFEST', description: 'Förteckning över de syntetiska demofilerna' },
    utf8(`${JSON.stringify(manifest, null, 2)}\n`),
  );

  // Files an earlier run made that this one does not (e.g. a Kolada page that is gone).
  const keep = new Set(produced.map((f) => f.file));
  const removed: string[] = [];
  for (const name of (await readdir(outDir)).sort()) {
    if (OWN_FILE.test(name) && !keep.has(name)) {
      await unlink(path.join(outDir, name));
      removed.push(name);
      log(`removed   ${name} (not produced any more)`);
    }
  }

  return {
    outDir,
    label: SYNTHETIC_LABEL,
    firstMonth: monthCode(first),
    lastMonth: monthCode(last),
    files: produced,
    removed,
    story,
  };
}

/** Familjen Helsingborg's goal as the files show it: baseline, latest value and target per member. */
function storyOf(world: DemoWorld, last: MonthIndex): DemoStory {
  const baseline = world.baseline;
  const members = FAMILJEN_HELSINGBORG.map((member) => {
    const profile = world.profile(member.code);
    const base = world.unemployed(profile, baseline).UTRK;
    const latest = world.unemployed(profile, last).UTRK;
    const onTrackLine = Math.round(base * storyPath(1, last - baseline) * 10) / 10;
    return {
      code: member.code,
      name: profile.municipality.name,
      baseline: base,
      latest,
      target: base / 2,
      onTrackLine,
      onTrack: latest <= onTrackLine,
    };
  });
  return {
    collaboration: 'Familjen Helsingborg',
    field: 'UTRKSOK',
    baselinePeriod: monthCode(baseline),
    targetPeriod: monthCode(baseline + GOAL_MONTHS),
    latestPeriod: monthCode(last),
    members,
  };
}
