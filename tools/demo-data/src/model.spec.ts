import { describe, expect, it } from '@jest/globals';
import { monthIndex } from './calendar';
import {
  DemoWorld,
  FAMILJEN_HELSINGBORG,
  GROUPS,
  LEAF_GROUPS,
  labourForceTwelfths,
  storyPath,
  yearEndPopulation,
} from './model';
import { uniform, normal } from './random';
import { loadReferenceData } from './reference-data';

const reference = loadReferenceData();
const world = new DemoWorld(reference.municipalities, monthIndex('2025-09'));
const population = (code: string) => yearEndPopulation(world.profile(code), 2019);

describe('the synthetic world', () => {
  it('has all 290 municipalities', () => {
    expect(world.profiles).toHaveLength(290);
  });

  it('gives the big cities and the demo region plausible sizes', () => {
    expect(population('0180')).toBeGreaterThan(900_000);
    expect(population('1480')).toBeGreaterThan(500_000);
    expect(population('1280')).toBeGreaterThan(300_000);
    for (const member of FAMILJEN_HELSINGBORG) {
      expect(population(member.code) / member.population).toBeGreaterThan(0.95);
      expect(population(member.code) / member.population).toBeLessThan(1.05);
    }
    const sizes = world.profiles.map((p) => yearEndPopulation(p, 2019)).sort((a, b) => a - b);
    expect(sizes[0]).toBeGreaterThanOrEqual(2_500);
    expect(sizes[Math.floor(sizes.length / 10)]).toBeLessThan(10_000);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(9_500_000);
    expect(total).toBeLessThan(12_000_000);
  });

  it('splits the labour force (about 0.6 × population) into groups that add up', () => {
    for (const profile of world.profiles) {
      const lf = labourForceTwelfths(profile, monthIndex('2024-03'), false);
      const persons = lf.TOT / 12;
      const inhabitants = yearEndPopulation(profile, 2023);
      expect(persons / inhabitants).toBeGreaterThan(0.55);
      expect(persons / inhabitants).toBeLessThan(0.65);
      expect(lf.KVI + lf.MAN).toBe(lf.TOT);
      expect(lf.INR + lf.UTR).toBe(lf.TOT);
      expect(lf.UTRK + lf.UTRM).toBe(lf.UTR);
      expect(lf.INRK + lf.UTRK).toBe(lf.KVI);
      expect(lf.UNGK + lf.UNGM).toBe(lf.UNG);
      for (const g of GROUPS) expect(lf[g]).toBeGreaterThan(0);
    }
  });

  it('draws counts whose sums hold exactly, with plausible rates', () => {
    for (const profile of world.profiles) {
      const month = monthIndex('2025-09');
      const c = world.unemployed(profile, month);
      const lf = world.labourForceTwelfths(profile, month, false);
      expect(c.KVI + c.MAN).toBe(c.TOT);
      expect(c.INR + c.UTR).toBe(c.TOT);
      expect(c.UTRK).toBeLessThanOrEqual(c.UTR);
      expect(c.UNG).toBeLessThan(c.TOT);
      for (const g of LEAF_GROUPS) expect(c[g]).toBeGreaterThanOrEqual(0);
      const rate = c.TOT / (lf.TOT / 12);
      expect(rate).toBeGreaterThan(0.02);
      expect(rate).toBeLessThan(0.15);
    }
  });

  it('gives foreign-born women in the demo region 12–35 % unemployment at the baseline', () => {
    for (const member of FAMILJEN_HELSINGBORG) {
      const profile = world.profile(member.code);
      const c = world.unemployed(profile, world.baseline);
      const lf = world.labourForceTwelfths(profile, world.baseline, false);
      const rate = c.UTRK / (lf.UTRK / 12);
      expect(rate).toBeGreaterThan(0.12);
      expect(rate).toBeLessThan(0.35);
    }
  });

  it('halves the baseline in 24 months at pace 1 and then stays', () => {
    expect(storyPath(1, 0)).toBe(1);
    expect(storyPath(1, 12)).toBe(0.75);
    expect(storyPath(1, 24)).toBe(0.5);
    expect(storyPath(1, 36)).toBe(0.5);
    expect(storyPath(0.5, 24)).toBe(0.75);
  });

  it('draws the same numbers for the same keys', () => {
    expect(uniform('a|b')).toBe(uniform('a|b'));
    expect(uniform('a|b')).not.toBe(uniform('a|c'));
    expect(normal('x')).toBe(normal('x'));
  });
});

describe("Familjen Helsingborg's goal in the model", () => {
  it('falls a year after the baseline September in every member, at different paces', () => {
    const b = world.baseline;
    let atBaseline = 0;
    let yearLater = 0;
    const ratios: number[] = [];
    for (const member of FAMILJEN_HELSINGBORG) {
      const profile = world.profile(member.code);
      const before = world.unemployed(profile, b).UTRK;
      const after = world.unemployed(profile, b + 12).UTRK;
      expect(after).toBeLessThan(before);
      ratios.push(after / before);
      atBaseline += before;
      yearLater += after;
    }
    expect(yearLater / atBaseline).toBeLessThan(0.85);
    expect(Math.max(...ratios) - Math.min(...ratios)).toBeGreaterThan(0.15);
  });

  it('leaves other municipalities and other groups to the ordinary cycle', () => {
    const stockholm = world.profile('0180');
    expect(world.expected(stockholm, world.baseline + 12, 'UTRK')).toBeGreaterThan(
      0.9 * world.expected(stockholm, world.baseline, 'UTRK'),
    );
  });
});
