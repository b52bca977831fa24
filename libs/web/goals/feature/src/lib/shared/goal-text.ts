import { PeriodLanguage } from '@kraftsamling/shared/periods';
import type { Indicator } from '@kraftsamling/web/indicators/data-access';
import { indicatorName } from '@kraftsamling/web/indicators/data-access';
import { formatShare, formatSignedQuantity } from '@kraftsamling/web/goals/ui';
import { formatValueWithUnit } from '@kraftsamling/web/indicators/ui';
import type { GoalWritten } from '@kraftsamling/web/goals/data-access';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The goal's target in words: "−50 % from each member's baseline", "at most 15.0 %", "+300". */
export function targetText(
  goal: Pick<GoalWritten, 'targetKind' | 'targetValue' | 'levelDirection' | 'levelScope'>,
  unit: string,
  language: PeriodLanguage,
  t: Translate,
): string {
  const exact = (value: number) => ({ value, low: value, high: value });
  switch (goal.targetKind) {
    case 'RELATIVE_CHANGE':
      return t('goals.target.RELATIVE_CHANGE', {
        value: formatShare(exact(goal.targetValue), language, true),
      });
    case 'ABSOLUTE_CHANGE':
      return t('goals.target.ABSOLUTE_CHANGE', {
        value: formatSignedQuantity(exact(goal.targetValue), unit, language),
      });
    default: {
      const level = t(`goals.target.LEVEL.${goal.levelDirection ?? 'AT_MOST'}`, {
        value: formatValueWithUnit(goal.targetValue, unit, language),
      });
      return goal.levelScope ? `${level} (${t(`goals.levelScope.${goal.levelScope}`)})` : level;
    }
  }
}

/** The indicator a goal is measured by, from the catalogue; its code when the catalogue lacks it. */
export function goalIndicator(
  catalogue: readonly Indicator[],
  code: string,
): { name: (language: string) => string; unit: string; indicator: Indicator | null } {
  const indicator = catalogue.find((entry) => entry.code === code) ?? null;
  return {
    indicator,
    unit: indicator?.unit ?? 'OTHER',
    name: (language) => (indicator ? indicatorName(indicator, language) : code),
  };
}
