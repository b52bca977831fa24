import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { Periodicity, periodDistance, tryParsePeriod } from '@kraftsamling/shared/periods';
import {
  DEFAULT_AT_RISK_THRESHOLD,
  DEFAULT_ON_TRACK_THRESHOLD,
  GoalWritten,
} from '@kraftsamling/web/goals/data-access';
import type {
  CreateGoalInput,
  GoalTargetKind,
  LevelDirection,
  LevelScope,
  UpdateGoalInput,
} from '@kraftsamling/web/shared/graphql';

export const GOAL_TITLE_MAX = 200;
export const GOAL_TARGET_GROUP_MAX = 200;
export const GOAL_DESCRIPTION_MAX = 4000;

const trimmed = (control: AbstractControl): string =>
  typeof control.value === 'string' ? control.value.trim() : '';

/** Like Validators.required, but a text of only spaces is missing too (the API trims it away). */
export const requiredText: ValidatorFn = (control) => (trimmed(control) ? null : { required: true });

/** A period code of the indicator's periodicity (e.g. 2025-09 for a monthly one). */
export function periodCode(periodicity: () => Periodicity | null): ValidatorFn {
  return (control): ValidationErrors | null => {
    const code = trimmed(control);
    if (!code) return { required: true };
    const result = tryParsePeriod(code, periodicity() ?? undefined);
    return result.ok ? null : { period: result.error };
  };
}

export interface GoalControls {
  title: FormControl<string>;
  description: FormControl<string>;
  targetGroup: FormControl<string>;
  indicatorCode: FormControl<string>;
  areaCodes: FormControl<string[]>;
  groupIds: FormControl<string[]>;
  baselinePeriod: FormControl<string>;
  targetPeriod: FormControl<string>;
  targetKind: FormControl<GoalTargetKind>;
  /** RELATIVE_CHANGE: in per cent (−50 halves); the API takes a fraction */
  targetValue: FormControl<number | null>;
  levelDirection: FormControl<LevelDirection | null>;
  levelScope: FormControl<LevelScope | null>;
  /** in per cent of the planned change (−5); the API takes a fraction */
  onTrackThreshold: FormControl<number | null>;
  atRiskThreshold: FormControl<number | null>;
}

/** The rules that concern several fields: target after baseline, a level's direction, thresholds in order. */
export const goalRules: ValidatorFn = (group): ValidationErrors | null => {
  const controls = (group as FormGroup<GoalControls>).controls;
  const mark = (control: AbstractControl, key: string, on: boolean) => {
    const errors = { ...(control.errors ?? {}) };
    if (on) errors[key] = true;
    else delete errors[key];
    control.setErrors(Object.keys(errors).length ? errors : null);
  };
  const baseline = controls.baselinePeriod.value.trim();
  const target = controls.targetPeriod.value.trim();
  let order = false;
  if (
    !controls.baselinePeriod.errors?.['period'] &&
    !controls.targetPeriod.errors?.['period'] &&
    baseline &&
    target
  ) {
    try {
      order = periodDistance(baseline, target) <= 0;
    } catch {
      order = true; // periods of different kinds
    }
  }
  mark(controls.targetPeriod, 'order', order);
  const kind = controls.targetKind.value;
  const value = controls.targetValue.value;
  mark(controls.targetValue, 'zero', kind !== 'LEVEL' && value === 0);
  mark(
    controls.targetValue,
    'relativeRange',
    kind === 'RELATIVE_CHANGE' && value !== null && (value < -100 || value > 1000),
  );
  mark(controls.levelDirection, 'required', kind === 'LEVEL' && !controls.levelDirection.value);
  const onTrack = controls.onTrackThreshold.value;
  const atRisk = controls.atRiskThreshold.value;
  mark(controls.atRiskThreshold, 'order', onTrack !== null && atRisk !== null && atRisk > onTrack);
  return null;
};

const percent = (fraction: number | null | undefined) =>
  fraction === null || fraction === undefined ? null : Math.round(fraction * 100 * 1e6) / 1e6;
const fraction = (percent: number | null) => (percent === null ? null : percent / 100);

/** An empty goal form; fill it with goalFormValue(). */
export function goalForm(periodicity: () => Periodicity | null): FormGroup<GoalControls> {
  const text = (validators: ValidatorFn[]) => new FormControl('', { nonNullable: true, validators });
  return new FormGroup<GoalControls>(
    {
      title: text([requiredText, Validators.maxLength(GOAL_TITLE_MAX)]),
      description: text([Validators.maxLength(GOAL_DESCRIPTION_MAX)]),
      targetGroup: text([Validators.maxLength(GOAL_TARGET_GROUP_MAX)]),
      indicatorCode: text([Validators.required]),
      areaCodes: new FormControl<string[]>([], { nonNullable: true, validators: [Validators.required] }),
      groupIds: new FormControl<string[]>([], { nonNullable: true }),
      baselinePeriod: text([periodCode(periodicity)]),
      targetPeriod: text([periodCode(periodicity)]),
      targetKind: new FormControl<GoalTargetKind>('RELATIVE_CHANGE', {
        nonNullable: true,
        validators: [Validators.required],
      }),
      targetValue: new FormControl<number | null>(null, { validators: [Validators.required] }),
      levelDirection: new FormControl<LevelDirection | null>(null),
      levelScope: new FormControl<LevelScope | null>('BOTH'),
      onTrackThreshold: new FormControl<number | null>(null, {
        validators: [Validators.min(-100), Validators.max(100)],
      }),
      atRiskThreshold: new FormControl<number | null>(null, {
        validators: [Validators.min(-100), Validators.max(100)],
      }),
    },
    { validators: [goalRules] },
  );
}

/**
 * What the form starts with: a new goal's defaults (every member municipality, the default
 * thresholds), or an existing goal with its members in scope; per cent where the API keeps fractions.
 */
export function goalFormValue(
  goal: GoalWritten | null,
  areaCodes: readonly string[],
): ReturnType<FormGroup<GoalControls>['getRawValue']> {
  const kind = goal?.targetKind ?? 'RELATIVE_CHANGE';
  return {
    title: goal?.title ?? '',
    description: goal?.description ?? '',
    targetGroup: goal?.targetGroup ?? '',
    indicatorCode: goal?.indicatorCode ?? '',
    areaCodes: [...areaCodes],
    groupIds: goal ? [...goal.groupIds] : [],
    baselinePeriod: goal?.baselinePeriod ?? '',
    targetPeriod: goal?.targetPeriod ?? '',
    targetKind: kind,
    targetValue: goal ? (kind === 'RELATIVE_CHANGE' ? percent(goal.targetValue) : goal.targetValue) : null,
    levelDirection: goal?.levelDirection ?? null,
    levelScope: goal?.levelScope ?? 'BOTH',
    onTrackThreshold: percent(goal?.onTrackThreshold ?? DEFAULT_ON_TRACK_THRESHOLD),
    atRiskThreshold: percent(goal?.atRiskThreshold ?? DEFAULT_AT_RISK_THRESHOLD),
  };
}

/** What the form says, as the API takes it: fractions for per cent, null for "nothing". */
export function goalFields(form: FormGroup<GoalControls>) {
  const v = form.getRawValue();
  const level = v.targetKind === 'LEVEL';
  return {
    title: v.title.trim(),
    description: v.description.trim() || null,
    targetGroup: v.targetGroup.trim() || null,
    indicatorCode: v.indicatorCode,
    areaCodes: [...v.areaCodes],
    groupIds: [...v.groupIds],
    baselinePeriod: v.baselinePeriod.trim(),
    targetPeriod: v.targetPeriod.trim(),
    targetKind: v.targetKind,
    targetValue: v.targetKind === 'RELATIVE_CHANGE' ? (fraction(v.targetValue) ?? 0) : (v.targetValue ?? 0),
    levelDirection: level ? v.levelDirection : null,
    levelScope: level ? v.levelScope : null,
    onTrackThreshold: fraction(v.onTrackThreshold),
    atRiskThreshold: fraction(v.atRiskThreshold),
  };
}

export function createGoalInput(collaborationId: string, form: FormGroup<GoalControls>): CreateGoalInput {
  const { onTrackThreshold, atRiskThreshold, ...fields } = goalFields(form);
  return {
    collaborationId,
    ...fields,
    ...(onTrackThreshold === null ? {} : { onTrackThreshold }),
    ...(atRiskThreshold === null ? {} : { atRiskThreshold }),
  };
}

/**
 * The changes to a goal. An active goal's measure (indicator, periods, target) is fixed:
 * those fields are left out, and the API refuses them anyway.
 */
export function updateGoalInput(
  collaborationId: string,
  goal: Pick<GoalWritten, 'id' | 'version' | 'status'>,
  form: FormGroup<GoalControls>,
): UpdateGoalInput {
  const fields = goalFields(form);
  const common = {
    collaborationId,
    goalId: goal.id,
    expectedVersion: goal.version,
    title: fields.title,
    description: fields.description,
    targetGroup: fields.targetGroup,
    areaCodes: fields.areaCodes,
    groupIds: fields.groupIds,
    ...(fields.onTrackThreshold === null ? {} : { onTrackThreshold: fields.onTrackThreshold }),
    ...(fields.atRiskThreshold === null ? {} : { atRiskThreshold: fields.atRiskThreshold }),
  };
  if (goal.status !== 'DRAFT') return common;
  return {
    ...common,
    indicatorCode: fields.indicatorCode,
    baselinePeriod: fields.baselinePeriod,
    targetPeriod: fields.targetPeriod,
    targetKind: fields.targetKind,
    targetValue: fields.targetValue,
    levelDirection: fields.levelDirection,
    levelScope: fields.levelScope,
  };
}

/** Fields fixed once a goal is active: what it measures. */
export const MEASURE_FIELDS = [
  'indicatorCode',
  'baselinePeriod',
  'targetPeriod',
  'targetKind',
  'targetValue',
  'levelDirection',
  'levelScope',
] as const;

const ERROR_KEYS: Partial<Record<keyof GoalControls, Record<string, string>>> = {
  title: { required: 'goals.editor.errors.title' },
  indicatorCode: { required: 'goals.editor.errors.indicator' },
  areaCodes: { required: 'goals.editor.errors.areas' },
  baselinePeriod: { required: 'goals.editor.errors.baselinePeriod', period: 'goals.editor.errors.period' },
  targetPeriod: {
    required: 'goals.editor.errors.targetPeriod',
    period: 'goals.editor.errors.period',
    order: 'goals.editor.errors.targetOrder',
  },
  targetValue: {
    required: 'goals.editor.errors.targetValue',
    zero: 'goals.editor.errors.targetZero',
    relativeRange: 'goals.editor.errors.relativeRange',
  },
  levelDirection: { required: 'goals.editor.errors.levelDirection' },
  onTrackThreshold: { min: 'goals.editor.errors.threshold', max: 'goals.editor.errors.threshold' },
  atRiskThreshold: {
    min: 'goals.editor.errors.threshold',
    max: 'goals.editor.errors.threshold',
    order: 'goals.editor.errors.thresholdOrder',
  },
};

/** The message key for a field's first error; "check the field" (with the API's message) otherwise. */
export function goalErrorKey(field: keyof GoalControls, control: AbstractControl): string {
  const errors = control.errors ?? {};
  for (const [error, key] of Object.entries(ERROR_KEYS[field] ?? {})) if (errors[error]) return key;
  if (errors['maxlength']) return 'members.form.errors.tooLong';
  return 'errors.fieldInvalid';
}
