import { addPeriods, parsePeriod, periodDistance, type Periodicity } from '@kraftsamling/shared/periods';
import { hasUpperEnd, isBounded, type Measure, type Observed } from './measure';

/**
 * Goal arithmetic (metrics brief, "Goals"). Notation: baseline B (the frozen value at the
 * baseline period), target T, N periods from baseline to target date, m periods elapsed at
 * the latest period with data, actual A.
 */
export type GoalTarget =
  /** e.g. −0.5: halve each member's own baseline */
  | { kind: 'RELATIVE_CHANGE'; change: number }
  /** e.g. +300 people */
  | { kind: 'ABSOLUTE_CHANGE'; change: number }
  /** e.g. below 10 %: AT_MOST 10 */
  | { kind: 'LEVEL'; level: number; direction: 'AT_MOST' | 'AT_LEAST' };

/** -1: the goal wants the value to fall; +1: to rise; 0: no change planned. */
export function goalDirection(target: GoalTarget): -1 | 0 | 1 {
  switch (target.kind) {
    case 'RELATIVE_CHANGE':
    case 'ABSOLUTE_CHANGE':
      return Math.sign(target.change) as -1 | 0 | 1;
    case 'LEVEL':
      return target.direction === 'AT_MOST' ? -1 : 1;
  }
}

/** T for one baseline value: B·(1 + r), B + Δ, or L. */
export function targetValue(baseline: number, target: GoalTarget): number {
  switch (target.kind) {
    case 'RELATIVE_CHANGE':
      // −100 % of anything is 0, also of a baseline with no high end (∞ · 0 is NaN).
      return target.change === -1 ? 0 : baseline * (1 + target.change);
    case 'ABSOLUTE_CHANGE':
      return baseline + target.change;
    case 'LEVEL':
      return target.level;
  }
}

/** T for a baseline that may be a bound: the target of each end. */
export function targetMeasure(baseline: Measure, target: GoalTarget): Measure {
  const a = targetValue(baseline.lo, target);
  const b = targetValue(baseline.hi, target);
  return a <= b ? { lo: a, hi: b } : { lo: b, hi: a };
}

export interface StatusThresholds {
  /** gap at or above this: on track (default −0.05) */
  onTrack: number;
  /** gap at or above this (and below onTrack): at risk (default −0.20); below: off track */
  atRisk: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: -0.05, atRisk: -0.2 };

/** How many periods back the latest value may be for a status (metrics brief: 3). */
export const STATUS_MAX_AGE = 3;

/** Values a projection fits: a full seasonal cycle of each periodicity. */
export const PROJECTION_WINDOW: Readonly<Record<Periodicity, number>> = {
  WEEK: 52,
  MONTH: 12,
  QUARTER: 4,
  YEAR: 3,
};

export type GoalStatus = 'ACHIEVED' | 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'UNCERTAIN' | 'NO_STATUS';

/** Why a figure is missing or to be read with care. */
export type GoalFlag =
  /** no value at the baseline period: flagged, never read as 0 */
  | 'NO_BASELINE'
  /** the baseline is only a bound (`<5`) */
  | 'BOUNDED_BASELINE'
  /** target equals baseline (e.g. halving a baseline of 0): progress cannot be measured */
  | 'NO_PLANNED_CHANGE'
  /** the baseline already met the target (a level goal set where it was already reached, or nothing to reduce) */
  | 'BASELINE_MET_TARGET'
  /** no value in the last STATUS_MAX_AGE periods */
  | 'NO_RECENT_VALUE'
  /** the latest value is only a bound */
  | 'BOUNDED_LATEST'
  /** the latest period is past the target date */
  | 'PAST_TARGET_DATE';

export interface GoalProgressInput {
  /** the frozen baseline; null when the member had no value at the baseline period */
  baseline: Observed;
  /** T; for a member `targetMeasure(baseline, target)`, for a region Σ members' T (or L) */
  target: Measure | null;
  /** the goal's direction (goalDirection) */
  direction: -1 | 0 | 1;
  baselinePeriod: string;
  targetPeriod: string;
  /** the series of the measure, oldest first; periods of the goal's periodicity */
  periods: readonly string[];
  values: readonly Observed[];
  /** the latest period of the indicator as a whole ("today" for the status) */
  asOf: string;
  thresholds?: StatusThresholds;
}

export interface GoalProgress {
  baseline: Measure | null;
  target: Measure | null;
  latestPeriod: string | null;
  latest: Measure | null;
  /** A − B */
  change: Measure | null;
  /** (A − B) / B, as a fraction; null for a zero baseline */
  relativeChange: Measure | null;
  /** N */
  totalPeriods: number;
  /** m */
  elapsedPeriods: number | null;
  /** E = B + (T − B)·m/N, with m/N at most 1 */
  expected: Measure | null;
  /** P = (A − B)/(T − B): share of the planned change achieved */
  progress: Measure | null;
  /** m/N, at most 1 */
  expectedProgress: number | null;
  /** g = (A − E)/(T − B): negative is behind the path */
  gap: Measure | null;
  status: GoalStatus;
  /** least-squares trend of the recent values, extrapolated to the target period */
  projection: Measure | null;
  flags: GoalFlag[];
}

/** The interval of f over the corners of two intervals: exact for f monotone in each argument. */
function overCorners(a: Measure, b: Measure, f: (x: number, y: number) => number | null): Measure | null {
  const values: number[] = [];
  for (const x of new Set([a.lo, a.hi])) {
    for (const y of new Set([b.lo, b.hi])) {
      const value = f(x, y);
      if (value === null || !Number.isFinite(value)) return null;
      values.push(value);
    }
  }
  return { lo: Math.min(...values), hi: Math.max(...values) };
}

function reached(value: number, target: number, direction: -1 | 0 | 1): boolean {
  if (direction < 0) return value <= target;
  if (direction > 0) return value >= target;
  return value === target;
}

/** The status of one scalar actual value against scalar baseline and target. */
function scalarStatus(
  actual: number,
  baseline: number,
  target: number,
  direction: -1 | 0 | 1,
  share: number,
  thresholds: StatusThresholds,
): GoalStatus {
  // A baseline with no high end ("at least 12"), or a target drawn from it: whether the
  // target is reached, or how far the value has come, cannot be known from that end.
  if (!Number.isFinite(target)) return 'UNCERTAIN';
  if (reached(actual, target, direction)) return 'ACHIEVED';
  if (!Number.isFinite(baseline)) return 'UNCERTAIN';
  const planned = target - baseline;
  // The baseline already met a level that the value has since left: the value went the
  // wrong way past the goal, which no share of a planned change can describe.
  if (planned === 0 || Math.sign(planned) !== direction) return direction === 0 ? 'NO_STATUS' : 'OFF_TRACK';
  // Rounded so that a gap on a threshold (−0.05, −0.20) is not decided by binary noise.
  const gap = Math.round(((actual - baseline) / planned - share) * 1e9) / 1e9;
  if (gap >= thresholds.onTrack) return 'ON_TRACK';
  if (gap >= thresholds.atRisk) return 'AT_RISK';
  return 'OFF_TRACK';
}

/** Least-squares line through (x, y), evaluated at `at`. */
function leastSquaresAt(points: readonly (readonly [number, number])[], at: number): number {
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return meanY + slope * (at - meanX);
}

/**
 * The trend of the last full seasonal cycle up to `latestPeriod` (12 months, 52 weeks,
 * 4 quarters, 3 years), fitted separately to the low and high ends of bounded values,
 * extrapolated to the target period; null with values in fewer than half of that window.
 */
export function projectToTarget(
  periods: readonly string[],
  values: readonly Observed[],
  latestPeriod: string,
  targetPeriod: string,
): Measure | null {
  const window = PROJECTION_WINDOW[parsePeriod(latestPeriod).periodicity];
  const first = addPeriods(latestPeriod, -(window - 1));
  const points: { x: number; value: Measure }[] = [];
  periods.forEach((period, i) => {
    const value = values[i];
    if (!value) return;
    const x = periodDistance(first, period);
    if (x >= 0 && x < window) points.push({ x, value });
  });
  if (points.length < window / 2) return null;
  const at = periodDistance(first, targetPeriod);
  const lo = leastSquaresAt(
    points.map((p) => [p.x, p.value.lo]),
    at,
  );
  // A value with no high end leaves the trend of the high ends without one too.
  if (points.some((p) => !hasUpperEnd(p.value))) return { lo, hi: Infinity };
  const hi = leastSquaresAt(
    points.map((p) => [p.x, p.value.hi]),
    at,
  );
  return { lo: Math.min(lo, hi), hi: Math.max(lo, hi) };
}

/** The latest period with a value, and that value. */
export function latestValue(
  periods: readonly string[],
  values: readonly Observed[],
): { period: string; value: Measure } | null {
  for (let i = periods.length - 1; i >= 0; i--) {
    const value = values[i];
    const period = periods[i];
    if (value && period !== undefined) return { period, value };
  }
  return null;
}

/** Progress of one member (or of the region, given its aggregated series) toward a goal. */
export function goalProgress(input: GoalProgressInput): GoalProgress {
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const flags: GoalFlag[] = [];
  const totalPeriods = periodDistance(input.baselinePeriod, input.targetPeriod);
  if (totalPeriods <= 0) throw new RangeError('the target period must come after the baseline period');
  const latestEntry = latestValue(input.periods, input.values);
  const baseline = input.baseline;
  const target = input.target;
  const direction = input.direction;

  const empty: GoalProgress = {
    baseline,
    target,
    latestPeriod: latestEntry?.period ?? null,
    latest: latestEntry?.value ?? null,
    change: null,
    relativeChange: null,
    totalPeriods,
    elapsedPeriods: null,
    expected: null,
    progress: null,
    expectedProgress: null,
    gap: null,
    status: 'NO_STATUS',
    projection: null,
    flags,
  };
  if (!baseline || !target) {
    flags.push('NO_BASELINE');
    return empty;
  }
  if (isBounded(baseline)) flags.push('BOUNDED_BASELINE');
  const plannedZero = target.lo === baseline.lo && target.hi === baseline.hi && target.lo === target.hi;
  if (plannedZero) flags.push('NO_PLANNED_CHANGE');
  if (
    direction !== 0 &&
    reached(direction < 0 ? baseline.hi : baseline.lo, direction < 0 ? target.lo : target.hi, direction)
  ) {
    flags.push('BASELINE_MET_TARGET');
  }
  if (!latestEntry) {
    flags.push('NO_RECENT_VALUE');
    return empty;
  }
  const latest = latestEntry.value;
  if (isBounded(latest)) flags.push('BOUNDED_LATEST');
  const elapsed = periodDistance(input.baselinePeriod, latestEntry.period);
  if (elapsed > totalPeriods) flags.push('PAST_TARGET_DATE');
  const share = Math.min(1, Math.max(0, elapsed / totalPeriods));

  // T is tied to B: each end of a bounded baseline has its own target, and a target that
  // depends on B (B·(1 + r) with r ≥ −1, B + Δ) rises with it, so the low ends pair up, and
  // the high ends. A level target is one number for both.
  const pairs: [number, number][] = [
    [baseline.lo, target.lo],
    [baseline.hi, target.hi],
  ];
  const across = (f: (b: number, t: number, a: number) => number | null): Measure | null => {
    const results: number[] = [];
    for (const [b, t] of pairs) {
      const r = overCorners({ lo: b, hi: b }, latest, (_, a) => f(b, t, a));
      if (!r) return null;
      results.push(r.lo, r.hi);
    }
    return { lo: Math.min(...results), hi: Math.max(...results) };
  };

  const change = across((b, _t, a) => a - b);
  const relativeChange = across((b, _t, a) => (b === 0 ? null : (a - b) / b));
  const expected = across((b, t) => b + (t - b) * share);
  const progress = across((b, t, a) => (t === b ? null : (a - b) / (t - b)));
  const gap = across((b, t, a) => (t === b ? null : (a - (b + (t - b) * share)) / (t - b)));

  let status: GoalStatus;
  if (periodDistance(latestEntry.period, input.asOf) >= STATUS_MAX_AGE) {
    flags.push('NO_RECENT_VALUE');
    status = 'NO_STATUS';
  } else {
    const statuses = new Set<GoalStatus>();
    for (const [b, t] of pairs)
      for (const a of new Set([latest.lo, latest.hi]))
        statuses.add(scalarStatus(a, b, t, direction, share, thresholds));
    status = statuses.size === 1 ? [...statuses][0]! : 'UNCERTAIN';
  }

  return {
    baseline,
    target,
    latestPeriod: latestEntry.period,
    latest,
    change,
    relativeChange,
    totalPeriods,
    elapsedPeriods: elapsed,
    expected,
    progress,
    expectedProgress: share,
    gap,
    status,
    projection: projectToTarget(input.periods, input.values, latestEntry.period, input.targetPeriod),
    flags,
  };
}
