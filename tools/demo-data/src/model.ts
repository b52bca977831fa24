import { FIRST_MONTH, GOAL_MONTHS, calendarMonthOf, monthIndex, type MonthIndex } from './calendar';
import { between, gaussian, hashInts, mulberry32, normal, normalFromSeed } from './random';
import type { Municipality } from './reference-data';

/*
 * The invented world the demo files describe. Every figure is a pure function of the
 * municipality code and the period (plus, for Familjen Helsingborg, the goal's baseline
 * month), drawn from a seeded generator: nothing here is official statistics.
 *
 * Per municipality: a population and its growth, a labour force of about 0.6 × the
 * population, shares of women, youth 18–24 and foreign-born in it, and an unemployment
 * level. Each month: a national business cycle (the 2020 pandemic peak, the recovery,
 * the 2023–2025 rise), seasonal variation (high in winter and July, low in spring and
 * autumn) and noise. Counts are drawn for the smallest groups (born in Sweden / foreign-born
 * × women / men, and young women / men) and summed upwards, so women + men = total and
 * foreign-born women ≤ foreign-born hold exactly.
 */

/** Rough but plausible sizes of the largest municipalities and of the demo's own ones. */
interface KnownMunicipality {
  /** inhabitants at the start of 2019 */
  population: number;
  /** foreign-born share of the labour force */
  foreignBorn?: number;
  /** registered unemployed ÷ labour force in 2019 */
  unemployment?: number;
  /** yearly population growth */
  growth?: number;
}

const KNOWN: Readonly<Record<string, KnownMunicipality>> = {
  '0180': { population: 975_000, foreignBorn: 0.29, unemployment: 0.056, growth: 0.009 }, // Stockholm
  '1480': { population: 580_000, foreignBorn: 0.3, unemployment: 0.068, growth: 0.01 }, // Göteborg
  '1280': { population: 345_000, foreignBorn: 0.4, unemployment: 0.115, growth: 0.012 }, // Malmö
  '0380': { population: 230_000, foreignBorn: 0.22, unemployment: 0.055, growth: 0.014 }, // Uppsala
  '0580': { population: 163_000, foreignBorn: 0.2, unemployment: 0.065, growth: 0.01 }, // Linköping
  '1880': { population: 155_000, foreignBorn: 0.23, unemployment: 0.075, growth: 0.011 }, // Örebro
  '1980': { population: 154_000, foreignBorn: 0.25, unemployment: 0.08, growth: 0.01 }, // Västerås
  '0581': { population: 143_000, foreignBorn: 0.24, unemployment: 0.095, growth: 0.008 }, // Norrköping
  '0680': { population: 141_000, foreignBorn: 0.2, unemployment: 0.06, growth: 0.01 }, // Jönköping
  '2480': { population: 128_000, foreignBorn: 0.13, unemployment: 0.05, growth: 0.012 }, // Umeå
  '1281': { population: 124_000, foreignBorn: 0.24, unemployment: 0.055, growth: 0.011 }, // Lund
  '1490': { population: 113_000, foreignBorn: 0.24, unemployment: 0.075, growth: 0.008 }, // Borås
  '0126': { population: 112_000, foreignBorn: 0.33, unemployment: 0.07, growth: 0.011 }, // Huddinge
  '0484': { population: 106_000, foreignBorn: 0.28, unemployment: 0.105, growth: 0.01 }, // Eskilstuna
  '0182': { population: 104_000, foreignBorn: 0.24, unemployment: 0.045, growth: 0.014 }, // Nacka
  '1380': { population: 101_000, foreignBorn: 0.19, unemployment: 0.068, growth: 0.011 }, // Halmstad
  '2180': { population: 101_000, foreignBorn: 0.18, unemployment: 0.085, growth: 0.007 }, // Gävle
  '2281': { population: 99_000, foreignBorn: 0.14, unemployment: 0.07, growth: 0.004 }, // Sundsvall
  '0181': { population: 97_000, foreignBorn: 0.45, unemployment: 0.12, growth: 0.012 }, // Södertälje
  '0780': { population: 93_000, foreignBorn: 0.21, unemployment: 0.065, growth: 0.012 }, // Växjö
  '0127': { population: 94_000, foreignBorn: 0.48, unemployment: 0.1, growth: 0.01 }, // Botkyrka
  '1780': { population: 94_000, foreignBorn: 0.15, unemployment: 0.07, growth: 0.008 }, // Karlstad
  '1290': { population: 85_000, foreignBorn: 0.19, unemployment: 0.09, growth: 0.006 }, // Kristianstad
  '0184': { population: 82_000, foreignBorn: 0.3, unemployment: 0.05, growth: 0.012 }, // Solna
  '2580': { population: 78_000, foreignBorn: 0.12, unemployment: 0.055, growth: 0.003 }, // Luleå
  '2380': { population: 63_000, foreignBorn: 0.1, unemployment: 0.05, growth: 0.006 }, // Östersund
  '0980': { population: 60_000, foreignBorn: 0.09, unemployment: 0.055, growth: 0.004 }, // Gotland
  '0183': { population: 52_000, foreignBorn: 0.33, unemployment: 0.07, growth: 0.014 }, // Sundbyberg
  '2181': { population: 39_000, foreignBorn: 0.2, unemployment: 0.085, growth: 0.002 }, // Sandviken
  '0162': { population: 33_000, foreignBorn: 0.2, unemployment: 0.03, growth: 0.003 }, // Danderyd
};

/** A member of Familjen Helsingborg and how fast its foreign-born women's unemployment falls. */
export interface StoryMember {
  code: string;
  name: string;
  population: number;
  foreignBorn: number;
  unemployment: number;
  growth: number;
  /**
   * Pace relative to the straight line to half the baseline in 24 months: 1 is exactly on
   * track, above 1 ahead, below 1 behind.
   */
  pace: number;
}

/** The demo's collaboration: 11 municipalities in north-west Skåne. */
export const FAMILJEN_HELSINGBORG: readonly StoryMember[] = [
  {
    code: '1214',
    name: 'Svalöv',
    population: 14_000,
    foreignBorn: 0.2,
    unemployment: 0.075,
    growth: 0.006,
    pace: 1.0,
  },
  {
    code: '1257',
    name: 'Örkelljunga',
    population: 10_000,
    foreignBorn: 0.18,
    unemployment: 0.07,
    growth: 0.004,
    pace: 1.25,
  },
  {
    code: '1260',
    name: 'Bjuv',
    population: 16_000,
    foreignBorn: 0.33,
    unemployment: 0.11,
    growth: 0.008,
    pace: 0.4,
  },
  {
    code: '1275',
    name: 'Perstorp',
    population: 7_500,
    foreignBorn: 0.3,
    unemployment: 0.115,
    growth: 0.003,
    pace: 0.7,
  },
  {
    code: '1276',
    name: 'Klippan',
    population: 18_000,
    foreignBorn: 0.22,
    unemployment: 0.09,
    growth: 0.004,
    pace: 0.5,
  },
  {
    code: '1277',
    name: 'Åstorp',
    population: 16_000,
    foreignBorn: 0.3,
    unemployment: 0.11,
    growth: 0.009,
    pace: 0.8,
  },
  {
    code: '1278',
    name: 'Båstad',
    population: 15_000,
    foreignBorn: 0.12,
    unemployment: 0.048,
    growth: 0.007,
    pace: 1.35,
  },
  {
    code: '1282',
    name: 'Landskrona',
    population: 46_000,
    foreignBorn: 0.33,
    unemployment: 0.115,
    growth: 0.008,
    pace: 0.6,
  },
  {
    code: '1283',
    name: 'Helsingborg',
    population: 150_000,
    foreignBorn: 0.28,
    unemployment: 0.085,
    growth: 0.011,
    pace: 1.1,
  },
  {
    code: '1284',
    name: 'Höganäs',
    population: 27_000,
    foreignBorn: 0.12,
    unemployment: 0.045,
    growth: 0.007,
    pace: 1.2,
  },
  {
    code: '1292',
    name: 'Ängelholm',
    population: 43_000,
    foreignBorn: 0.13,
    unemployment: 0.055,
    growth: 0.01,
    pace: 1.3,
  },
];

const STORY = new Map(FAMILJEN_HELSINGBORG.map((m) => [m.code, m]));

/** The leaf groups counts are drawn for; everything else is their sum. */
export const LEAF_GROUPS = ['INRK', 'INRM', 'UTRK', 'UTRM', 'UNGK', 'UNGM'] as const;
export type LeafGroup = (typeof LEAF_GROUPS)[number];

/** The groups written to the workbooks, in Arbetsförmedlingen's order. */
export const GROUPS = [
  'TOT',
  'KVI',
  'MAN',
  'UNG',
  'UNGK',
  'UNGM',
  'INR',
  'INRK',
  'INRM',
  'UTR',
  'UTRK',
  'UTRM',
] as const;
export type Group = (typeof GROUPS)[number];

export type ByGroup = Record<Group, number>;

/** The groups of the employment file (no age breakdown). */
export type EmployedGroup = 'TOT' | 'KVI' | 'MAN' | 'INR' | 'INRK' | 'INRM' | 'UTR' | 'UTRK' | 'UTRM';
export type EmployedByGroup = Record<EmployedGroup, number>;

export interface Profile {
  municipality: Municipality;
  /** inhabitants at the start of 2019 */
  population: number;
  growth: number;
  /** labour force ÷ (0.6 × population) */
  labourForceRatio: number;
  foreignBorn: number;
  /** women's share of the labour force, of the foreign-born labour force, of the young */
  womenShare: number;
  foreignWomenShare: number;
  youthShare: number;
  youngWomenShare: number;
  /** unemployment rates in 2019 before cycle and season */
  rates: Record<LeafGroup, number>;
  /** yearly relative change of the local unemployment level */
  drift: number;
  /** BAS labour force ÷ register-based labour force, all and foreign-born */
  basFactor: number;
  basForeignFactor: number;
  /** set for Familjen Helsingborg */
  story?: StoryMember;
}

const START = monthIndex(FIRST_MONTH);

// Separate random streams for the per-cell draws.
const STREAM_LABOUR_FORCE = 1;
const STREAM_COUNTS = 2;

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

/** A municipality's fixed characteristics, drawn from its code. */
export function profileOf(municipality: Municipality): Profile {
  const { code } = municipality;
  const key = (what: string) => `profile|${code}|${what}`;
  const story = STORY.get(code);
  const known = story ?? KNOWN[code];
  // Codes ending in 80–84 are mostly the county's main towns; the others are smaller.
  const town = /8[0-4]$/.test(code);
  const population =
    known?.population ??
    Math.round(
      clamp(Math.exp(Math.log(town ? 52_000 : 12_000) + 0.7 * normal(key('population'))), 2_800, 90_000),
    );
  const size = Math.log10(population); // 3.4 … 6
  const growth =
    known?.growth ?? clamp(-0.006 + 0.004 * (size - 3.4) + 0.005 * normal(key('growth')), -0.012, 0.02);
  const foreignBorn =
    known?.foreignBorn ??
    clamp(
      (municipality.countyCode === '01' ? 0.24 : 0.15) * Math.exp(0.35 * normal(key('foreign'))) +
        0.02 * (size - 4),
      0.07,
      0.42,
    );
  const unemployment =
    known?.unemployment ??
    clamp((0.03 + 0.17 * foreignBorn) * Math.exp(0.18 * normal(key('unemployment'))), 0.035, 0.13);

  // Foreign-born are 3.2–4.5 times as often unemployed as those born in Sweden; solve for
  // the two rates so that the total comes out at `unemployment`.
  const risk = between(key('risk'), 3.2, 4.5);
  const native = unemployment / (1 - foreignBorn + foreignBorn * risk);
  const foreign = native * risk;
  const foreignWomenShare = between(key('foreign-women'), 0.45, 0.5);
  const womenShare = between(key('women'), 0.465, 0.485);
  const nativeWomenShare = (womenShare - foreignBorn * foreignWomenShare) / (1 - foreignBorn);
  // Foreign-born women more often than foreign-born men; in Sweden-born, women slightly less.
  const utrk = foreign * between(key('utrk'), 1.1, 1.2);
  const utrm = (foreign - foreignWomenShare * utrk) / (1 - foreignWomenShare);
  const inrk = native * between(key('inrk'), 0.86, 0.95);
  const inrm = (native - nativeWomenShare * inrk) / (1 - nativeWomenShare);
  const youth = unemployment * between(key('youth'), 1.05, 1.45);
  const youngWomenShare = between(key('young-women'), 0.45, 0.49);
  const ungk = youth * between(key('ungk'), 0.85, 0.95);
  const ungm = (youth - youngWomenShare * ungk) / (1 - youngWomenShare);

  return {
    municipality,
    population,
    growth,
    labourForceRatio: between(key('labour-force'), 0.95, 1.04),
    foreignBorn,
    womenShare,
    foreignWomenShare,
    youthShare: between(key('youth-share'), 0.085, 0.115),
    youngWomenShare,
    rates: { INRK: inrk, INRM: inrm, UTRK: utrk, UTRM: utrm, UNGK: ungk, UNGM: ungm },
    drift: story ? 0 : 0.015 * normal(key('drift')),
    basFactor: between(key('bas'), 0.97, 1.04),
    basForeignFactor: between(key('bas-foreign'), 1.0, 1.08),
    ...(story ? { story } : {}),
  };
}

/** Population at a (fractional) month index. */
export function populationAt(profile: Profile, month: number): number {
  return profile.population * Math.pow(1 + profile.growth, (month - START) / 12);
}

/** Population on 31 December of a year, as SCB's yearly tables count it. */
export function yearEndPopulation(profile: Profile, year: number): number {
  return Math.round(populationAt(profile, year * 12 + 12));
}

/**
 * The labour force by group, in twelfths of a person: the published denominators are
 * averages of monthly figures, so they come with decimals such as 1234.083333.
 * Subgroups are split from the total so that women + men = total and born in Sweden +
 * foreign-born = total exactly.
 */
export function labourForceTwelfths(profile: Profile, month: MonthIndex, bas: boolean): ByGroup {
  const wobble =
    1 + 0.002 * normalFromSeed(hashInts(STREAM_LABOUR_FORCE, Number(profile.municipality.code), month));
  const persons = 0.6 * populationAt(profile, month) * profile.labourForceRatio * wobble;
  const TOT = Math.round(persons * 12 * (bas ? profile.basFactor : 1));
  const foreignShare = profile.foreignBorn * (bas ? profile.basForeignFactor / profile.basFactor : 1);
  const UTR = Math.round(TOT * foreignShare);
  const INR = TOT - UTR;
  const UTRK = Math.round(UTR * profile.foreignWomenShare);
  const KVI = Math.round(TOT * profile.womenShare);
  const INRK = KVI - UTRK;
  const UNG = Math.round(TOT * profile.youthShare);
  const UNGK = Math.round(UNG * profile.youngWomenShare);
  return {
    TOT,
    KVI,
    MAN: TOT - KVI,
    UNG,
    UNGK,
    UNGM: UNG - UNGK,
    INR,
    INRK,
    INRM: INR - INRK,
    UTR,
    UTRK,
    UTRM: UTR - UTRK,
  };
}

/** Twelfths → persons with at most six decimals, as the workbooks print them. */
export function fromTwelfths(twelfths: number): number {
  return Math.round((twelfths / 12) * 1e6) / 1e6;
}

// The national business cycle: a factor on everyone's unemployment, by month.
const CYCLE: readonly [string, number][] = [
  ['2019-01', 1.0],
  ['2019-12', 1.04],
  ['2020-03', 1.06],
  ['2020-06', 1.27],
  ['2020-12', 1.3],
  ['2021-03', 1.28],
  ['2021-12', 1.1],
  ['2022-06', 0.98],
  ['2022-12', 0.95],
  ['2023-06', 0.96],
  ['2023-12', 1.02],
  ['2024-06', 1.08],
  ['2024-12', 1.11],
  ['2025-06', 1.12],
  ['2025-12', 1.09],
  ['2026-12', 1.05],
];
const CYCLE_POINTS = CYCLE.map(([m, f]) => [monthIndex(m), f] as const);

export function cycleAt(month: MonthIndex): number {
  if (month <= CYCLE_POINTS[0][0]) return CYCLE_POINTS[0][1];
  for (let i = 1; i < CYCLE_POINTS.length; i++) {
    const [m1, f1] = CYCLE_POINTS[i];
    if (month <= m1) {
      const [m0, f0] = CYCLE_POINTS[i - 1];
      return f0 + ((f1 - f0) * (month - m0)) / (m1 - m0);
    }
  }
  return CYCLE_POINTS[CYCLE_POINTS.length - 1][1];
}

// Registered unemployment is high in January–February and in July, low in May and autumn.
const SEASON = [1.06, 1.05, 1.02, 1.0, 0.97, 0.98, 1.05, 1.03, 0.97, 0.96, 0.96, 0.98];

/** How strongly a group follows the cycle and the season. */
function sensitivity(group: LeafGroup): { cycle: number; season: number } {
  if (group === 'UNGK' || group === 'UNGM') return { cycle: 1.7, season: 1.8 };
  if (group === 'UTRK' || group === 'UTRM') return { cycle: 1.2, season: 0.8 };
  return { cycle: 1, season: 1 };
}

export function seasonAt(month: MonthIndex, group: LeafGroup): number {
  return 1 + sensitivity(group).season * (SEASON[calendarMonthOf(month) - 1] - 1);
}

/** The unemployment rate a group would have without noise and without the demo's story. */
function plainRate(profile: Profile, month: MonthIndex, group: LeafGroup): number {
  const cycle = 1 + sensitivity(group).cycle * (cycleAt(month) - 1);
  const drift = Math.exp(profile.drift * ((month - START) / 12));
  return profile.rates[group] * cycle * seasonAt(month, group) * drift;
}

/**
 * How much of the baseline remains `monthsAfter` months after it at a given pace: on a
 * straight line to half in {@link GOAL_MONTHS} months when the pace is 1, then level.
 */
export function storyPath(pace: number, monthsAfter: number): number {
  return 1 - 0.5 * pace * (Math.min(monthsAfter, GOAL_MONTHS) / GOAL_MONTHS);
}

/** The leaf groups' labour force in persons (register-based). */
function leafLabourForce(twelfths: ByGroup): Record<LeafGroup, number> {
  const out = {} as Record<LeafGroup, number>;
  for (const g of LEAF_GROUPS) out[g] = twelfths[g] / 12;
  return out;
}

export class DemoWorld {
  private readonly counts = new Map<string, ByGroup>();
  private readonly labourForce = new Map<string, ByGroup>();
  private readonly employedCache = new Map<string, EmployedByGroup>();
  readonly profiles: Profile[];
  private readonly byCode: Map<string, Profile>;

  /** @param baseline the September the demo's goal is measured from */
  constructor(
    municipalities: readonly Municipality[],
    readonly baseline: MonthIndex,
  ) {
    this.profiles = municipalities.map(profileOf);
    this.byCode = new Map(this.profiles.map((p) => [p.municipality.code, p]));
  }

  profile(code: string): Profile {
    const p = this.byCode.get(code);
    if (!p) throw new Error(`unknown municipality ${code}`);
    return p;
  }

  /** Labour force in twelfths of a person (register-based or BAS-based). */
  labourForceTwelfths(profile: Profile, month: MonthIndex, bas: boolean): ByGroup {
    const key = `${profile.municipality.code}|${month}|${bas ? 'bas' : 'reg'}`;
    let lf = this.labourForce.get(key);
    if (!lf) {
      lf = labourForceTwelfths(profile, month, bas);
      this.labourForce.set(key, lf);
    }
    return lf;
  }

  /** Expected (noise-free) count of a leaf group, with the demo's story applied. */
  expected(profile: Profile, month: MonthIndex, group: LeafGroup): number {
    const lf = leafLabourForce(this.labourForceTwelfths(profile, month, false));
    const story = profile.story;
    if (story && group === 'UTRK' && month > this.baseline) {
      // After the baseline September the region's work shows: the rate falls toward half of
      // the September level at the member's own pace, with the usual seasonal swings.
      const rate =
        plainRate(profile, this.baseline, group) *
        (seasonAt(month, group) / seasonAt(this.baseline, group)) *
        storyPath(story.pace, month - this.baseline);
      return lf[group] * rate;
    }
    return lf[group] * plainRate(profile, month, group);
  }

  /** Registered unemployed by group: the same counts in the register-based and the BAS series. */
  unemployed(profile: Profile, month: MonthIndex): ByGroup {
    const key = `${profile.municipality.code}|${month}`;
    const cached = this.counts.get(key);
    if (cached) return cached;
    const leaf = {} as Record<LeafGroup, number>;
    // One stream per municipality and month; each group takes its two draws in a fixed order.
    const next = mulberry32(hashInts(STREAM_COUNTS, Number(profile.municipality.code), month));
    for (const group of LEAF_GROUPS) {
      const e = this.expected(profile, month, group);
      const relative = gaussian(next);
      const absolute = gaussian(next);
      leaf[group] = Math.max(0, Math.round(e * (1 + 0.012 * relative) + 0.3 * Math.sqrt(e) * absolute));
    }
    const counts: ByGroup = {
      TOT: leaf.INRK + leaf.INRM + leaf.UTRK + leaf.UTRM,
      KVI: leaf.INRK + leaf.UTRK,
      MAN: leaf.INRM + leaf.UTRM,
      UNG: leaf.UNGK + leaf.UNGM,
      UNGK: leaf.UNGK,
      UNGM: leaf.UNGM,
      INR: leaf.INRK + leaf.INRM,
      INRK: leaf.INRK,
      INRM: leaf.INRM,
      UTR: leaf.UTRK + leaf.UTRM,
      UTRK: leaf.UTRK,
      UTRM: leaf.UTRM,
    };
    this.counts.set(key, counts);
    return counts;
  }

  /**
   * Employed residents (a stand-in for SCB's BAS): the BAS labour force, widened to ages
   * 16–74, minus the registered unemployed, for the groups of the employment file.
   */
  employed(profile: Profile, month: MonthIndex): EmployedByGroup {
    const key = `${profile.municipality.code}|${month}`;
    const cached = this.employedCache.get(key);
    if (cached) return cached;
    const lf = this.labourForceTwelfths(profile, month, true);
    const unemployed = this.unemployed(profile, month);
    const leaf = (g: 'INRK' | 'INRM' | 'UTRK' | 'UTRM') =>
      Math.max(0, Math.round((lf[g] / 12) * 1.04) - unemployed[g]);
    const INRK = leaf('INRK');
    const INRM = leaf('INRM');
    const UTRK = leaf('UTRK');
    const UTRM = leaf('UTRM');
    const employed: EmployedByGroup = {
      TOT: INRK + INRM + UTRK + UTRM,
      KVI: INRK + UTRK,
      MAN: INRM + UTRM,
      INR: INRK + INRM,
      INRK,
      INRM,
      UTR: UTRK + UTRM,
      UTRK,
      UTRM,
    };
    this.employedCache.set(key, employed);
    return employed;
  }
}
