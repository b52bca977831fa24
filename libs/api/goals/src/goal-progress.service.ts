import { Injectable } from '@nestjs/common';
import { DataChangeFeed, DerivedCache } from '@kraftsamling/api/core/database';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { addPeriods, periodOfDate, periodicityOf } from '@kraftsamling/shared/periods';
import { aggregate, RegionSeriesService, type AreaParts } from '@kraftsamling/api/indicators';
import {
  goalDirection,
  goalProgress,
  isBounded,
  point,
  ratioOfSums,
  sumOfCounts,
  targetMeasure,
  type GoalProgress,
  type GoalTarget,
  type Observed,
  upperEnd,
} from '@kraftsamling/shared/metrics';
import { frozenBaseline, type GoalMemberRow } from './goal.service';
import { quantity, type GoalModel, type GoalProgressModel, type ProgressModel } from './models';

/** The goal's target in the terms of shared/metrics. */
export function goalTargetOf(
  goal: Pick<GoalModel, 'targetKind' | 'targetValue' | 'levelDirection'>,
): GoalTarget {
  switch (goal.targetKind) {
    case 'RELATIVE_CHANGE':
      return { kind: 'RELATIVE_CHANGE', change: goal.targetValue };
    case 'ABSOLUTE_CHANGE':
      return { kind: 'ABSOLUTE_CHANGE', change: goal.targetValue };
    case 'LEVEL':
      return { kind: 'LEVEL', level: goal.targetValue, direction: goal.levelDirection ?? 'AT_MOST' };
  }
}

/** A frozen ratio baseline's numerator; a bounded ratio's numerator is bounded too. */
function frozenNumerator(member: GoalMemberRow, factor: number): Observed {
  if (member.baselineNumerator === null) return null;
  if (!member.baselineLowerBound) return point(member.baselineNumerator);
  if (member.baselineUpperBound === null) return { lo: member.baselineNumerator, hi: Infinity };
  const hi = member.baselineDenominator
    ? (member.baselineUpperBound * member.baselineDenominator) / factor
    : member.baselineNumerator;
  return { lo: member.baselineNumerator, hi };
}

function toModel(
  areaCode: string | null,
  areaName: string,
  progress: GoalProgress,
  series: readonly Observed[],
  included: number | null,
  extraFlags: string[] = [],
): ProgressModel {
  return {
    areaCode,
    areaName,
    baseline: quantity(progress.baseline),
    target: quantity(progress.target),
    latestPeriod: progress.latestPeriod,
    latest: quantity(progress.latest),
    change: quantity(progress.change),
    relativeChange: quantity(progress.relativeChange),
    expected: quantity(progress.expected),
    progress: quantity(progress.progress),
    expectedProgress: progress.expectedProgress,
    gap: quantity(progress.gap),
    status: progress.status,
    projection: quantity(progress.projection),
    flags: [...progress.flags, ...extraFlags],
    included,
    values: series.map((v) => (v && !isBounded(v) ? v.lo : null)),
    lowerBounds: series.map((v) => (v && isBounded(v) ? v.lo : null)),
    upperBounds: series.map((v) => (v && isBounded(v) ? upperEnd(v) : null)),
  };
}

/**
 * Progress of a goal for every member in scope and for the collaboration, from the frozen
 * baselines and the values stored now. Kept in a cache until values or goals change
 * anywhere (DataChangeFeed): everyone in a collaboration reads the same goals, so the
 * collaboration is the reader's-rights key.
 */
@Injectable()
export class GoalProgressService {
  private readonly cache: DerivedCache<GoalProgressModel>;

  constructor(
    private readonly regions: RegionSeriesService,
    changes: DataChangeFeed,
  ) {
    this.cache = new DerivedCache(changes);
  }

  progress(
    tenant: TenantScope,
    goal: GoalModel,
    members: () => Promise<GoalMemberRow[]>,
  ): Promise<GoalProgressModel> {
    return this.cache.get(`${tenant.collaborationId}:${goal.id}:${goal.version}`, async () =>
      this.compute(tenant, goal, await members()),
    );
  }

  async compute(
    tenant: TenantScope,
    goal: GoalModel,
    allMembers: GoalMemberRow[],
  ): Promise<GoalProgressModel> {
    const members = allMembers.filter((m) => m.inScope);
    const areas = members.map((m) => m.areaCode);
    // The series shows the run-up too: from the earliest baseline, or the last 36 periods
    // when the baseline is more recent (a steering group reads a trend, not a dot).
    const context = addPeriods(periodOfDate(new Date(), periodicityOf(goal.baselinePeriod)), -36);
    const from = members.reduce(
      (earliest, m) => (m.baselinePeriod && m.baselinePeriod < earliest ? m.baselinePeriod : earliest),
      goal.baselinePeriod < context ? goal.baselinePeriod : context,
    );
    const parts = await this.regions.parts(tenant, goal.indicatorCode, areas, { from });
    const periods = parts.periods;
    const asOf = periods.at(-1) ?? null;
    const target = goalTargetOf(goal);
    const direction = goalDirection(target);
    const thresholds = { onTrack: goal.onTrackThreshold, atRisk: goal.atRiskThreshold };
    const isRatio = parts.denominators !== null;

    const memberModels = members.map((member) => {
      const series = seriesOf(parts, member.areaCode);
      const baseline = frozenBaseline(member);
      const progress = goalProgress({
        baseline,
        target: baseline ? targetMeasure(baseline, target) : null,
        direction,
        baselinePeriod: member.baselinePeriod ?? goal.baselinePeriod,
        targetPeriod: goal.targetPeriod,
        periods,
        values: series,
        asOf: asOf ?? goal.baselinePeriod,
        thresholds,
      });
      return toModel(member.areaCode, member.areaName, progress, series, null);
    });

    // The collaboration: members with a baseline, summed (a ratio from its summed parts).
    // A period where any of them has no value is left out, so the figure is never a smaller
    // sum that looks like progress.
    const counted = members.filter((m) => m.baselineValue !== null);
    const flags: string[] = counted.length < members.length ? ['INCOMPLETE'] : [];
    const regionBaseline = isRatio
      ? ratioOfSums(
          counted.map((m) => ({
            numerator: frozenNumerator(m, parts.factor),
            denominator:
              m.baselineDenominator === null
                ? null
                : { lo: m.baselineDenominator, hi: m.baselineDenominator },
          })),
          parts.factor,
        ).value
      : sumOfCounts(counted.map(frozenBaseline)).value;
    const regionTarget =
      regionBaseline === null
        ? null
        : isRatio || target.kind === 'LEVEL'
          ? targetMeasure(regionBaseline, target)
          : sumOfCounts(counted.map((m) => targetMeasure(frozenBaseline(m)!, target))).value;
    const aggregates = aggregate(
      parts,
      counted.map((m) => m.areaCode),
    );
    const regionSeries = aggregates.map((a) => (a.incomplete ? null : a.value));
    if (aggregates.at(-1)?.incomplete) flags.push('INCOMPLETE');
    const latestIncluded = aggregates.at(-1)?.included ?? null;
    const region = goalProgress({
      baseline: regionBaseline,
      target: regionTarget,
      direction,
      baselinePeriod: goal.baselinePeriod,
      targetPeriod: goal.targetPeriod,
      periods,
      values: regionSeries,
      asOf: asOf ?? goal.baselinePeriod,
      thresholds,
    });
    return {
      goalId: goal.id,
      asOf,
      periods,
      collaboration: toModel(null, '', region, regionSeries, latestIncluded, [...new Set(flags)]),
      members: memberModels,
    };
  }
}

/** One area's values; for a ratio, computed from its own parts. */
function seriesOf(parts: AreaParts, area: string): Observed[] {
  if (!parts.denominators) return parts.values.get(area) ?? parts.periods.map(() => null);
  return aggregate(parts, [area]).map((a) => a.value);
}
