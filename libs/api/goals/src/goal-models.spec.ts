import { goalTargetOf } from './goal-progress.service';
import { toMemberModel, type GoalMemberRow } from './goal.service';

const member = (row: Partial<GoalMemberRow>): GoalMemberRow => ({
  areaCode: '1260',
  areaName: 'Bjuv',
  inScope: true,
  baselinePeriod: '2025-09',
  baselineValue: null,
  baselineLowerBound: false,
  baselineUpperBound: null,
  baselineNumerator: null,
  baselineDenominator: null,
  baselineBatchId: null,
  baselinePublishedAt: null,
  baselinePreliminary: false,
  baselineFrozenAt: null,
  ...row,
});

describe('goal models', () => {
  it('reads a stored target as the metrics target of its kind', () => {
    expect(goalTargetOf({ targetKind: 'RELATIVE_CHANGE', targetValue: -0.5, levelDirection: null })).toEqual({
      kind: 'RELATIVE_CHANGE',
      change: -0.5,
    });
    expect(goalTargetOf({ targetKind: 'ABSOLUTE_CHANGE', targetValue: 300, levelDirection: null })).toEqual({
      kind: 'ABSOLUTE_CHANGE',
      change: 300,
    });
    expect(goalTargetOf({ targetKind: 'LEVEL', targetValue: 10, levelDirection: 'AT_MOST' })).toEqual({
      kind: 'LEVEL',
      level: 10,
      direction: 'AT_MOST',
    });
  });

  it('shows a frozen "<5" baseline as a range, an exact one as a value, and a missing one as null', () => {
    expect(
      toMemberModel(member({ baselineValue: 1, baselineLowerBound: true, baselineUpperBound: 4 })).baseline,
    ).toEqual({
      value: null,
      low: 1,
      high: 4,
    });
    expect(toMemberModel(member({ baselineValue: 240 })).baseline).toEqual({
      value: 240,
      low: 240,
      high: 240,
    });
    expect(toMemberModel(member({})).baseline).toBeNull();
  });
});
