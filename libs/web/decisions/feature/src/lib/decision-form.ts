import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  DECISION_LIMITS,
  Decision,
  DecisionDraft,
  DecisionStatus,
} from '@kraftsamling/web/decisions/data-access';
import { textErrorKey } from '@kraftsamling/web/shared/forms';

/** The decision form's controls, named as the API's input fields so its field errors land on them. */
export interface DecisionControls {
  title: FormControl<string>;
  description: FormControl<string>;
  decidedOn: FormControl<string>;
  dueOn: FormControl<string>;
  status: FormControl<DecisionStatus>;
  ownerUserId: FormControl<string | null>;
  ownerOrganizationId: FormControl<string | null>;
  goalId: FormControl<string | null>;
}

export type DecisionField = keyof DecisionControls;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Like Validators.required, but a text of only spaces is missing too (the API trims it away). */
const requiredText: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() ? null : { required: true };

/** Empty, or a date as YYYY-MM-DD (what a date field gives). */
const isoDate: ValidatorFn = (control) =>
  !control.value || DATE.test(control.value) ? null : { date: true };

/** The due date, when there is one, is not before the decision date (the API refuses it too). */
const dueNotBeforeDecided: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const decidedOn = group.get('decidedOn')?.value;
  const dueOn = group.get('dueOn');
  if (!dueOn) return null;
  const wrong = !!decidedOn && !!dueOn.value && dueOn.value < decidedOn;
  const { dueBeforeDecided: _, ...others } = dueOn.errors ?? {};
  // The error sits on the due-date field, where the user corrects it.
  if (wrong) dueOn.setErrors({ ...others, dueBeforeDecided: true });
  else if (dueOn.errors?.['dueBeforeDecided']) dueOn.setErrors(Object.keys(others).length ? others : null);
  return null;
};

/** A form for a new decision (decided today unless changed) or for changing `decision`. */
export function decisionForm(today: string, decision?: Decision): FormGroup<DecisionControls> {
  const form = new FormGroup<DecisionControls>(
    {
      title: new FormControl(decision?.title ?? '', {
        nonNullable: true,
        validators: [requiredText, Validators.maxLength(DECISION_LIMITS.title)],
      }),
      description: new FormControl(decision?.description ?? '', {
        nonNullable: true,
        validators: [Validators.maxLength(DECISION_LIMITS.description)],
      }),
      decidedOn: new FormControl(decision?.decidedOn ?? today, {
        nonNullable: true,
        validators: [Validators.required, isoDate],
      }),
      dueOn: new FormControl(decision?.dueOn ?? '', { nonNullable: true, validators: [isoDate] }),
      status: new FormControl<DecisionStatus>(decision?.status ?? 'OPEN', { nonNullable: true }),
      ownerUserId: new FormControl(decision?.ownerUserId ?? null),
      ownerOrganizationId: new FormControl(decision?.ownerOrganizationId ?? null),
      goalId: new FormControl(decision?.goalId ?? null),
    },
    { validators: [dueNotBeforeDecided] },
  );
  // Recorded decisions keep their date: the API takes no new one.
  if (decision) form.controls.decidedOn.disable();
  return form;
}

/** What the form holds, as the data-access layer takes it. */
export function decisionDraft(form: FormGroup<DecisionControls>): DecisionDraft {
  const value = form.getRawValue();
  return {
    title: value.title,
    description: value.description || null,
    decidedOn: value.decidedOn,
    dueOn: value.dueOn || null,
    status: value.status,
    ownerUserId: value.ownerUserId,
    ownerOrganizationId: value.ownerOrganizationId,
    goalId: value.goalId,
  };
}

/** The message key for a field's error ("check the field" shows the API's message). */
export function decisionErrorKey(control: AbstractControl, field: DecisionField): string {
  const errors = control.errors ?? {};
  if (errors['dueBeforeDecided']) return 'decisions.form.errors.dueBeforeDecided';
  if (errors['date']) return 'decisions.form.errors.date';
  if (field === 'title') return textErrorKey(control, { required: 'decisions.form.errors.titleRequired' });
  if (field === 'decidedOn' && errors['required']) return 'decisions.form.errors.decidedOnRequired';
  return textErrorKey(control);
}
