import { AbstractControl, FormControl, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { textErrorKey } from '@kraftsamling/web/shared/forms';
import {
  LOCAL_INDICATOR_CODE_MAX,
  LOCAL_INDICATOR_CODE_MIN,
  LOCAL_INDICATOR_CODE_PATTERN,
  LOCAL_INDICATOR_DESCRIPTION_MAX,
  LOCAL_INDICATOR_NAME_MAX,
  LOCAL_INDICATOR_THEME_PATTERN,
  LocalIndicatorText,
} from '@kraftsamling/web/indicators/data-access';
import type { IndicatorDirection, IndicatorUnit, Periodicity } from '@kraftsamling/web/shared/graphql';

/** The fields a local indicator keeps editable: names, descriptions, theme and direction. */
export interface LocalIndicatorTextControls {
  nameSv: FormControl<string>;
  nameEn: FormControl<string>;
  descriptionSv: FormControl<string>;
  descriptionEn: FormControl<string>;
  theme: FormControl<string>;
  direction: FormControl<IndicatorDirection>;
}

/** A new local indicator: the editable fields plus those fixed once values exist. */
export interface NewLocalIndicatorControls extends LocalIndicatorTextControls {
  code: FormControl<string>;
  unit: FormControl<IndicatorUnit | null>;
  periodicity: FormControl<Periodicity | null>;
}

const trimmed = (control: AbstractControl): string =>
  typeof control.value === 'string' ? control.value.trim() : '';

/** Like Validators.required, but a text of only spaces is missing too (the API trims it away). */
export const requiredText: ValidatorFn = (control) => (trimmed(control) ? null : { required: true });

/** A code as the API takes it (spaces around it are trimmed): `required`, `length` or `pattern`. */
export const indicatorCode: ValidatorFn = (control): ValidationErrors | null => {
  const code = trimmed(control);
  if (!code) return { required: true };
  if (code.length < LOCAL_INDICATOR_CODE_MIN || code.length > LOCAL_INDICATOR_CODE_MAX)
    return { length: true };
  return LOCAL_INDICATOR_CODE_PATTERN.test(code) ? null : { pattern: true };
};

/** An optional theme: empty, or lower-case letters, digits and hyphens. */
export const indicatorTheme: ValidatorFn = (control) =>
  LOCAL_INDICATOR_THEME_PATTERN.test(trimmed(control)) ? null : { pattern: true };

export function localIndicatorTextControls(
  initial: Partial<LocalIndicatorText> = {},
): LocalIndicatorTextControls {
  const text = (value: string | undefined, validators: ValidatorFn[]) =>
    new FormControl(value ?? '', { nonNullable: true, validators });
  return {
    nameSv: text(initial.nameSv, [requiredText, Validators.maxLength(LOCAL_INDICATOR_NAME_MAX)]),
    nameEn: text(initial.nameEn, [requiredText, Validators.maxLength(LOCAL_INDICATOR_NAME_MAX)]),
    descriptionSv: text(initial.descriptionSv, [Validators.maxLength(LOCAL_INDICATOR_DESCRIPTION_MAX)]),
    descriptionEn: text(initial.descriptionEn, [Validators.maxLength(LOCAL_INDICATOR_DESCRIPTION_MAX)]),
    theme: text(initial.theme, [indicatorTheme]),
    direction: new FormControl<IndicatorDirection>(initial.direction ?? 'HIGHER_IS_BETTER', {
      nonNullable: true,
      validators: [Validators.required],
    }),
  };
}

export function newLocalIndicatorControls(): NewLocalIndicatorControls {
  return {
    code: new FormControl('', { nonNullable: true, validators: [indicatorCode] }),
    ...localIndicatorTextControls(),
    // No defaults: they cannot be changed later, so the user chooses them.
    unit: new FormControl<IndicatorUnit | null>(null, { validators: [Validators.required] }),
    periodicity: new FormControl<Periodicity | null>(null, { validators: [Validators.required] }),
  };
}

export type LocalIndicatorField = keyof NewLocalIndicatorControls;

const REQUIRED_KEYS: Partial<Record<LocalIndicatorField, string>> = {
  code: 'localIndicators.form.errors.codeRequired',
  nameSv: 'localIndicators.form.errors.nameSvRequired',
  nameEn: 'localIndicators.form.errors.nameEnRequired',
  unit: 'localIndicators.form.errors.unitRequired',
  periodicity: 'localIndicators.form.errors.periodicityRequired',
  direction: 'localIndicators.form.errors.directionRequired',
};

/**
 * The message key for a field's error: the field's own words for a missing value, a
 * wrong code or theme; the shared "too long"; else "check the field" with the API's message.
 */
export function localIndicatorErrorKey(field: LocalIndicatorField, control: AbstractControl): string {
  const errors = control.errors;
  if (errors?.['length']) return 'localIndicators.form.errors.codeLength';
  if (errors?.['pattern'])
    return field === 'code'
      ? 'localIndicators.form.errors.codePattern'
      : 'localIndicators.form.errors.themePattern';
  return textErrorKey(control, { required: REQUIRED_KEYS[field] });
}
