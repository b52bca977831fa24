import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  ACTION_LIMITS,
  ActionDetail,
  ActionDraft,
  ActionStatus,
  splitList,
} from '@kraftsamling/web/actions/data-access';

/** The controls inside `fields`, named as the API's ActionFields so its field errors land on them. */
export interface ActionFieldControls {
  title: FormControl<string>;
  description: FormControl<string>;
  typeId: FormControl<string>;
  targetGroups: FormControl<string>;
  municipalityCodes: FormControl<string[]>;
  goalIds: FormControl<string[]>;
  leadOrganizationId: FormControl<string | null>;
  contactUserId: FormControl<string | null>;
  partnerOrganizations: FormControl<string>;
  startOn: FormControl<string>;
  endOn: FormControl<string>;
  status: FormControl<ActionStatus>;
  plannedParticipants: FormControl<number | null>;
}
export type ActionField = keyof ActionFieldControls;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const requiredText: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() ? null : { required: true };
const isoDate: ValidatorFn = (control) =>
  !control.value || DATE.test(control.value) ? null : { date: true };
const someSelected: ValidatorFn = (control) =>
  Array.isArray(control.value) && control.value.length ? null : { required: true };

/** The end, when there is one, is not before the start (the API refuses it too). */
const endNotBeforeStart: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const start = group.get('startOn')?.value;
  const end = group.get('endOn');
  if (!end) return null;
  const wrong = !!start && !!end.value && end.value < start;
  const { endBeforeStart: _, ...others } = end.errors ?? {};
  if (wrong) end.setErrors({ ...others, endBeforeStart: true });
  else if (end.errors?.['endBeforeStart']) end.setErrors(Object.keys(others).length ? others : null);
  return null;
};

export interface ActionFormDefaults {
  typeId: string;
  contactUserId: string | null;
  today: string;
}

/**
 * The action form: `fields` as the API takes them. A new action starts today as planned, with
 * the user as contact person; lists are typed one item per line.
 */
export function actionForm(defaults: ActionFormDefaults, action?: ActionDetail) {
  return new FormGroup({
    fields: new FormGroup<ActionFieldControls>(
      {
        title: new FormControl(action?.title ?? '', {
          nonNullable: true,
          validators: [requiredText, Validators.maxLength(ACTION_LIMITS.title)],
        }),
        description: new FormControl(action?.description ?? '', {
          nonNullable: true,
          validators: [Validators.maxLength(ACTION_LIMITS.description)],
        }),
        typeId: new FormControl(action?.type.id ?? defaults.typeId, {
          nonNullable: true,
          validators: [Validators.required],
        }),
        targetGroups: new FormControl((action?.targetGroups ?? []).join('\n'), { nonNullable: true }),
        municipalityCodes: new FormControl(action?.municipalities.map((m) => m.code) ?? [], {
          nonNullable: true,
          validators: [someSelected],
        }),
        goalIds: new FormControl(action?.goals.map((goal) => goal.id) ?? [], { nonNullable: true }),
        leadOrganizationId: new FormControl(action ? (action.leadOrganization?.id ?? null) : null),
        contactUserId: new FormControl(action ? (action.contact?.id ?? null) : defaults.contactUserId),
        partnerOrganizations: new FormControl((action?.partnerOrganizations ?? []).join('\n'), {
          nonNullable: true,
        }),
        startOn: new FormControl(action ? (action.startOn ?? '') : defaults.today, {
          nonNullable: true,
          validators: [isoDate],
        }),
        endOn: new FormControl(action?.endOn ?? '', { nonNullable: true, validators: [isoDate] }),
        status: new FormControl<ActionStatus>(action?.status ?? 'PLANNED', { nonNullable: true }),
        plannedParticipants: new FormControl<number | null>(action?.plannedParticipants ?? null, [
          Validators.min(0),
          Validators.pattern(/^\d+$/),
        ]),
      },
      { validators: [endNotBeforeStart] },
    ),
  });
}
export type ActionForm = ReturnType<typeof actionForm>;

/** What the form holds, as the draft the API input is made from. */
export function actionDraft(form: ActionForm): ActionDraft {
  const value = form.controls.fields.getRawValue();
  return {
    title: value.title,
    description: value.description || null,
    typeId: value.typeId,
    targetGroups: splitList(value.targetGroups),
    municipalityCodes: value.municipalityCodes,
    goalIds: value.goalIds,
    leadOrganizationId: value.leadOrganizationId,
    contactUserId: value.contactUserId,
    partnerOrganizations: splitList(value.partnerOrganizations),
    startOn: value.startOn || null,
    endOn: value.endOn || null,
    status: value.status,
    plannedParticipants: value.plannedParticipants === null ? null : Number(value.plannedParticipants),
  };
}

/** The translation key of a field's error. */
export function actionErrorKey(control: AbstractControl, field: ActionField): string {
  const errors = control.errors ?? {};
  if (errors['server']) return 'actions.form.errors.server';
  if (errors['required'])
    return field === 'municipalityCodes'
      ? 'actions.form.errors.municipalities'
      : 'actions.form.errors.required';
  if (errors['maxlength']) return 'errors.tooLong';
  if (errors['date']) return 'actions.form.errors.date';
  if (errors['endBeforeStart']) return 'actions.form.errors.endBeforeStart';
  if (errors['min'] || errors['pattern']) return 'actions.form.errors.count';
  return 'errors.fieldInvalid';
}

/**
 * Someone else's newer version, as the API sends it with a CONFLICT (`extensions.current`):
 * the action's fields as the input names them, and its version.
 */
export interface NewerAction extends ActionDraft {
  id: string;
  version: number;
}

/** Reads the CONFLICT's `current` as a newer action, or null when it is not one. */
export function newerAction(current: unknown): NewerAction | null {
  const value = current as Partial<NewerAction> | null | undefined;
  if (!value || typeof value.version !== 'number' || typeof value.title !== 'string') return null;
  return {
    id: String(value.id),
    version: value.version,
    title: value.title,
    description: value.description ?? null,
    typeId: String(value.typeId),
    targetGroups: value.targetGroups ?? [],
    municipalityCodes: value.municipalityCodes ?? [],
    goalIds: value.goalIds ?? [],
    leadOrganizationId: value.leadOrganizationId ?? null,
    contactUserId: value.contactUserId ?? null,
    partnerOrganizations: value.partnerOrganizations ?? [],
    startOn: value.startOn ?? null,
    endOn: value.endOn ?? null,
    status: value.status ?? 'PLANNED',
    plannedParticipants: value.plannedParticipants ?? null,
  };
}

/** The form's value for a draft (lists one item per line). */
export function formValueOf(draft: ActionDraft) {
  return {
    title: draft.title,
    description: draft.description ?? '',
    typeId: draft.typeId,
    targetGroups: draft.targetGroups.join('\n'),
    municipalityCodes: draft.municipalityCodes,
    goalIds: draft.goalIds,
    leadOrganizationId: draft.leadOrganizationId,
    contactUserId: draft.contactUserId,
    partnerOrganizations: draft.partnerOrganizations.join('\n'),
    startOn: draft.startOn ?? '',
    endOn: draft.endOn ?? '',
    status: draft.status,
    plannedParticipants: draft.plannedParticipants,
  };
}

/** The fields whose values differ between the form and someone else's newer version. */
export function changedFields(mine: ActionDraft, theirs: ActionDraft): ActionField[] {
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b)
      ? [...a].sort().join('|') === [...b].sort().join('|')
      : (a ?? null) === (b ?? null);
  return (Object.keys(formValueOf(theirs)) as ActionField[]).filter(
    (field) => !same(mine[field], theirs[field]),
  );
}
