import { ElementRef } from '@angular/core';
import { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { AppError } from '@kraftsamling/web/shared/errors';

/**
 * Puts the API's BAD_USER_INPUT field errors on the matching controls (shown by their
 * mat-error, which Material links with aria-describedby). Returns the field errors no
 * control shows, so the caller can show them in the form's message.
 */
export function applyServerErrors(form: FormGroup, error: AppError): AppError['fields'] {
  const unshown: AppError['fields'] = [];
  for (const fieldError of error.fields) {
    const control = findControl(form, fieldError.field);
    if (control && control.enabled) {
      control.setErrors({ ...(control.errors ?? {}), server: fieldError.message });
      control.markAsTouched();
    } else {
      unshown.push(fieldError);
    }
  }
  return unshown;
}

/** A control by name, in the form or in one of its nested groups. */
export function findControl(form: FormGroup, name: string): AbstractControl | null {
  const direct = form.get(name);
  if (direct) return direct;
  for (const child of Object.values(form.controls)) {
    if (child instanceof FormGroup) {
      const nested = findControl(child, name);
      if (nested) return nested;
    }
  }
  return null;
}

/** The API's message for a control, if the last submit put one there. */
export function serverError(control: AbstractControl): string | null {
  const message = control.errors?.['server'];
  return typeof message === 'string' ? message : null;
}

/**
 * The message key for a text field's error: the field's own keys for `required` and
 * `email`, the shared "too long" for `maxlength`, else "check the field", which shows
 * the API's message when there is one.
 */
export function textErrorKey(
  control: AbstractControl,
  keys: { required?: string; email?: string } = {},
): string {
  const errors = control.errors;
  if (keys.required && errors?.['required']) return keys.required;
  if (keys.email && errors?.['email']) return keys.email;
  if (errors?.['maxlength']) return 'errors.tooLong';
  return 'errors.fieldInvalid';
}

/** Moves focus to the first invalid field so keyboard and screen-reader users land on the problem. */
export function focusFirstInvalid(host: ElementRef<HTMLElement>): void {
  const invalid = host.nativeElement.querySelector<HTMLElement>(
    'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, select.ng-invalid',
  );
  invalid?.focus();
}

/** Roughly what a browser's type=email accepts, plus a dot in the domain (a@b is not an address). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** An e-mail address, ignoring spaces around it (pasted addresses often carry them). */
export const emailAddress: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  return value === '' || EMAIL_PATTERN.test(value) ? null : { email: true };
};
