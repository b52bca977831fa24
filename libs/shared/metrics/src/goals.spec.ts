import { periodRange } from '@kraftsamling/shared/periods';
import { sumOfCounts } from './aggregate';
import {
  goalDirection,
  goalProgress,
  projectToTarget,
  targetMeasure,
  targetValue,
  type GoalProgressInput,
  type GoalTarget,
} from './goals';
import { observed, point, type Measure, type Observed } from './measure';

// Every expected number below is worked out by hand from the metrics brief's formulas,
// not by running the code.
const HALVE: GoalTarget = { kind: 'RELATIVE_CHANGE', change: -0.5 };

/** A member halving from September 2025 by September 2027 with `latest` in `latestPeriod`. */
function halving(
  baseline: Observed,
  latest: Observed,
  latestPeriod = '2026-09',
  asOf = latestPeriod,
): GoalProgressInput {
  return {
    baseline,
    target: baseline ? targetMeasure(baseline, HALVE) : null,
    direction: goalDirection(HALVE),
    baselinePeriod: '2025-09',
    targetPeriod: '2027-09',
    periods: ['2025-09', latestPeriod],
    values: [baseline, latest],
    asOf,
  };
}

describe('targets', () => {
  it('computes T for each kind of target', () => {
    expect(targetValue(240, HALVE)).toBe(120);
    expect(targetValue(1157, { kind: 'ABSOLUTE_CHANGE', change: 300 })).toBe(1457);
    expect(targetValue(12.5, { kind: 'LEVEL', level: 10, direction: 'AT_MOST' })).toBe(10);
    expect(goalDirection(HALVE)).toBe(-1);
    expect(goalDirection({ kind: 'ABSOLUTE_CHANGE', change: 300 })).toBe(1);
    expect(goalDirection({ kind: 'LEVEL', level: 10, direction: 'AT_MOST' })).toBe(-1);
  });

  it('gives a bounded baseline a bounded target', () => {
    expect(targetMeasure({ lo: 1, hi: 4 }, HALVE)).toEqual({ lo: 0.5, hi: 2 });
  });
});

describe('goal progress (the brief example: B = 240, halve, N = 24)', () => {
  it('is at risk with A = 200 after 12 months', () => {
    const progress = goalProgress(halving(point(240), point(200)));
    expect(progress.target).toEqual(point(120));
    expect(progress.totalPeriods).toBe(24);
    expect(progress.elapsedPeriods).toBe(12);
    expect(progress.expected).toEqual(point(180));
    expect(progress.expectedProgress).toBe(0.5);
    expect(progress.progress!.lo).toBeCloseTo(1 / 3, 10);
    expect(progress.gap!.lo).toBeCloseTo(-0.1667, 4);
    expect(progress.change).toEqual(point(-40));
    expect(progress.relativeChange!.lo).toBeCloseTo(-1 / 6, 10);
    expect(progress.status).toBe('AT_RISK');
  });

  it('is on track with A = 172, off track with A = 230, achieved with A = 119', () => {
    const onTrack = goalProgress(halving(point(240), point(172)));
    expect(onTrack.gap!.lo).toBeCloseTo(0.0667, 4);
    expect(onTrack.progress!.lo).toBeCloseTo(0.5667, 4);
    expect(onTrack.status).toBe('ON_TRACK');
    // g = (230 − 180) / (120 − 240) = −0.417
    expect(goalProgress(halving(point(240), point(230))).status).toBe('OFF_TRACK');
    expect(goalProgress(halving(point(240), point(119))).status).toBe('ACHIEVED');
  });

  it('puts a gap exactly on a threshold on the better side', () => {
    // A = 186: g = (186 − 180)/(−120) = −0.05 → on track; A = 204: g = −0.20 → at risk.
    expect(goalProgress(halving(point(240), point(186))).status).toBe('ON_TRACK');
    expect(goalProgress(halving(point(240), point(204))).status).toBe('AT_RISK');
    expect(goalProgress(halving(point(240), point(205))).status).toBe('OFF_TRACK');
  });

  it('uses the goal’s own thresholds when it has them', () => {
    const input = { ...halving(point(240), point(200)), thresholds: { onTrack: -0.2, atRisk: -0.3 } };
    expect(goalProgress(input).status).toBe('ON_TRACK');
  });
});

describe('values that are not plain numbers', () => {
  it('evaluates both ends of a bounded latest value: the same status, or uncertain', () => {
    // B = 8 halved → T = 4: A = 1 … 4 has reached it at both ends.
    expect(goalProgress(halving(point(8), observed(1, true, 4))).status).toBe('ACHIEVED');
    // B = 8, −75 % → T = 2, E = 5 at m = 12: A = 1 is achieved, A = 4 is on track (g = +0.167).
    const target: GoalTarget = { kind: 'RELATIVE_CHANGE', change: -0.75 };
    const progress = goalProgress({
      ...halving(point(8), observed(1, true, 4)),
      target: targetMeasure(point(8), target),
      direction: goalDirection(target),
    });
    expect(progress.status).toBe('UNCERTAIN');
    expect(progress.flags).toContain('BOUNDED_LATEST');
    expect(progress.change).toEqual({ lo: -7, hi: -4 });
  });

  it('flags a <5 baseline and carries it through as an interval', () => {
    // B = 1 … 4, T = 0.5 … 2, A = 3: with B = 1 the value is off track, with B = 4 exactly on the path.
    const progress = goalProgress(halving(observed(1, true, 4), point(3)));
    expect(progress.flags).toContain('BOUNDED_BASELINE');
    expect(progress.change).toEqual({ lo: -1, hi: 2 });
    expect(progress.expected).toEqual({ lo: 0.75, hi: 3 });
    expect(progress.status).toBe('UNCERTAIN');
  });

  it('carries a latest value with no high end ("at least 100"): uncertain where the low end is behind', () => {
    // B = 240, T = 120, E = 180 at m = 12: A ≥ 100 is achieved at its low end, off track above 204.
    const progress = goalProgress(halving(point(240), observed(100, true)));
    expect(progress.flags).toContain('BOUNDED_LATEST');
    expect(progress.status).toBe('UNCERTAIN');
    expect(progress.latest).toEqual({ lo: 100, hi: Infinity });
    // A change with one end at infinity is no figure to show.
    expect(progress.change).toBeNull();
    expect(progress.gap).toBeNull();
    // A rising goal that an "at least" value has passed at its low end is achieved at every end.
    const rise: GoalTarget = { kind: 'ABSOLUTE_CHANGE', change: 50 };
    const risen = goalProgress({
      ...halving(point(240), observed(300, true)),
      target: targetMeasure(point(240), rise),
      direction: goalDirection(rise),
    });
    expect(risen.status).toBe('ACHIEVED');
  });

  it('keeps a baseline with no high end as such: the target too, and the status uncertain unless reached', () => {
    expect(targetMeasure(observed(12, true)!, HALVE)).toEqual({ lo: 6, hi: Infinity });
    expect(targetMeasure(observed(12, true)!, { kind: 'RELATIVE_CHANGE', change: -1 })).toEqual(point(0));
    const progress = goalProgress(halving(observed(12, true), point(9)));
    expect(progress.flags).toContain('BOUNDED_BASELINE');
    expect(progress.target).toEqual({ lo: 6, hi: Infinity });
    expect(progress.status).toBe('UNCERTAIN');
    expect(progress.change).toBeNull();
    // A level reached is reached whatever the baseline was.
    const level: GoalTarget = { kind: 'LEVEL', level: 10, direction: 'AT_MOST' };
    const below = goalProgress({
      ...halving(observed(12, true), point(9)),
      target: targetMeasure(observed(12, true)!, level),
      direction: goalDirection(level),
    });
    expect(below.status).toBe('ACHIEVED');
  });

  it('flags a member without a baseline instead of reading it as 0', () => {
    const progress = goalProgress(halving(null, point(50)));
    expect(progress.flags).toEqual(['NO_BASELINE']);
    expect(progress.status).toBe('NO_STATUS');
    expect(progress.change).toBeNull();
    expect(progress.latest).toEqual(point(50));
  });

  it('handles a zero baseline: nothing to halve, no share of progress, achieved only while it stays 0', () => {
    const still = goalProgress(halving(point(0), point(0)));
    expect(still.flags).toContain('NO_PLANNED_CHANGE');
    expect(still.status).toBe('ACHIEVED');
    const risen = goalProgress(halving(point(0), point(3)));
    expect(risen.progress).toBeNull();
    expect(risen.relativeChange).toBeNull();
    expect(risen.status).toBe('OFF_TRACK');
  });
});

describe('periods', () => {
  it('gives no status when the latest value is 3 or more periods old, and computes it when 2', () => {
    const stale = goalProgress(halving(point(240), point(200), '2026-09', '2026-12'));
    expect(stale.status).toBe('NO_STATUS');
    expect(stale.flags).toContain('NO_RECENT_VALUE');
    expect(stale.expected).toEqual(point(180));
    const recent = goalProgress(halving(point(240), point(200), '2026-09', '2026-11'));
    expect(recent.status).toBe('AT_RISK');
  });

  it('reads progress from the latest period with a value, skipping missing ones', () => {
    const progress = goalProgress({
      ...halving(point(240), point(200)),
      periods: ['2025-09', '2026-06', '2026-07', '2026-08'],
      values: [point(240), point(210), point(200), null],
      asOf: '2026-08',
    });
    // m = 10, E = 240 − 120 · 10/24 = 190, g = (200 − 190)/(−120) = −0.0833 → at risk
    expect(progress.latestPeriod).toBe('2026-07');
    expect(progress.elapsedPeriods).toBe(10);
    expect(progress.expected!.lo).toBeCloseTo(190, 10);
    expect(progress.gap!.lo).toBeCloseTo(-0.0833, 4);
    expect(progress.status).toBe('AT_RISK');
  });

  it('expects the target itself once the target date has passed', () => {
    const progress = goalProgress(halving(point(240), point(130), '2027-12'));
    expect(progress.flags).toContain('PAST_TARGET_DATE');
    expect(progress.expected).toEqual(point(120));
    expect(progress.expectedProgress).toBe(1);
    // g = (130 − 120)/(−120) = −0.083
    expect(progress.status).toBe('AT_RISK');
  });

  it('works on weekly periods (Sandviken reports by ISO week)', () => {
    const progress = goalProgress({
      baseline: point(695),
      target: point(556),
      direction: -1,
      baselinePeriod: '2022-W01',
      targetPeriod: '2023-W52',
      periods: ['2022-W01', '2023-W42'],
      values: [point(695), point(567)],
      asOf: '2023-W42',
    });
    // N = 103 weeks, m = 93: E = 695 − 139 · 93/103 = 569.49; A = 567 is just ahead.
    expect(progress.totalPeriods).toBe(103);
    expect(progress.elapsedPeriods).toBe(93);
    expect(progress.expected!.lo).toBeCloseTo(569.495, 2);
    expect(progress.status).toBe('ON_TRACK');
  });
});

describe('level goals and targets already passed', () => {
  const BELOW_10: GoalTarget = { kind: 'LEVEL', level: 10, direction: 'AT_MOST' };
  const level = (baseline: number, latest: number): GoalProgressInput => ({
    baseline: point(baseline),
    target: point(10),
    direction: goalDirection(BELOW_10),
    baselinePeriod: '2016',
    targetPeriod: '2020',
    periods: ['2016', '2018'],
    values: [point(baseline), point(latest)],
    asOf: '2018',
  });

  it('is on track when it falls faster than the straight path to the level', () => {
    // B = 14, T = 10, m = 2 of 4: E = 12; A = 11.8 → g = (11.8 − 12)/(−4) = +0.05
    const progress = goalProgress(level(14, 11.8));
    expect(progress.expected).toEqual(point(12));
    expect(progress.status).toBe('ON_TRACK');
  });

  it('is achieved once the level is reached, also before the target date', () => {
    expect(goalProgress(level(14, 9.8)).status).toBe('ACHIEVED');
  });

  it('flags a baseline that already met the level, and is off track if the value then leaves it', () => {
    const held = goalProgress(level(9, 9.5));
    expect(held.flags).toContain('BASELINE_MET_TARGET');
    expect(held.status).toBe('ACHIEVED');
    expect(goalProgress(level(9, 10.5)).status).toBe('OFF_TRACK');
  });
});

describe('the collaboration’s progress', () => {
  it('sums the members’ baselines and targets, and a member leaving the goal leaves both sums', () => {
    const baselines = [point(240), point(100), point(60)];
    const targets = baselines.map((b) => targetMeasure(b, HALVE));
    expect(sumOfCounts(baselines).value).toEqual(point(400));
    expect(sumOfCounts(targets).value).toEqual(point(200));
    // The third member leaves: 340 → 170.
    expect(sumOfCounts(baselines.slice(0, 2)).value).toEqual(point(340));
    expect(sumOfCounts(targets.slice(0, 2)).value).toEqual(point(170));

    const region = goalProgress({
      baseline: point(400),
      target: point(200),
      direction: -1,
      baselinePeriod: '2025-09',
      targetPeriod: '2027-09',
      periods: ['2025-09', '2026-09'],
      values: [point(400), sumOfCounts([point(200), point(80), point(50)]).value],
      asOf: '2026-09',
    });
    // A = 330, E = 300, g = (330 − 300)/(−200) = −0.15 → at risk
    expect(region.gap!.lo).toBeCloseTo(-0.15, 10);
    expect(region.status).toBe('AT_RISK');
  });
});

describe('projection', () => {
  const months = periodRange('2025-10', '2026-09');

  it('extends the least-squares line of the last 12 months to the target date', () => {
    // 240, 236, …, 196: the line reaches 240 − 4 · 23 = 148 in 2027-09.
    const values = months.map((_, k) => point(240 - 4 * k));
    expect(projectToTarget(months, values, '2026-09', '2027-09')!.lo).toBeCloseTo(148, 10);
  });

  it('fits only the window of the last full cycle, and needs half of it', () => {
    const older = periodRange('2024-01', '2025-09');
    const periods = [...older, ...months];
    const values: Observed[] = [
      ...older.map(() => point(1000)),
      ...months.map((_, k) => (k < 6 ? null : point(100))),
    ];
    // Only 6 of the last 12 months have values, all 100: the line is flat at 100.
    expect(projectToTarget(periods, values, '2026-09', '2027-09')).toEqual(point(100));
    // Five of the last 12 months: too few for a trend.
    const five = months.map((_, k) => (k < 7 ? null : point(100)));
    expect(projectToTarget(months, five, '2026-09', '2027-09')).toBeNull();
  });

  it('projects bounded values as an interval', () => {
    const values: Measure[] = months.map(() => ({ lo: 1, hi: 4 }));
    expect(projectToTarget(months, values, '2026-09', '2027-09')).toEqual({ lo: 1, hi: 4 });
  });

  it('projects values with no high end as a trend of their low ends, with no high end', () => {
    const values = months.map((_, k) => (k === 11 ? observed(196, true) : point(240 - 4 * k)));
    const projection = projectToTarget(months, values, '2026-09', '2027-09')!;
    expect(projection.lo).toBeCloseTo(148, 10);
    expect(projection.hi).toBe(Infinity);
  });
});
