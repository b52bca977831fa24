import { FormControl, ValidationErrors } from '@angular/forms';
import { textErrorKey } from './form-errors';

describe('textErrorKey', () => {
  const KEYS = { required: 'members.form.errors.emailRequired', email: 'members.form.errors.emailInvalid' };
  const withErrors = (errors: ValidationErrors | null) => {
    const control = new FormControl('');
    control.setErrors(errors);
    return control;
  };

  it("uses the field's own keys for required and email, required first", () => {
    expect(textErrorKey(withErrors({ required: true, email: true }), KEYS)).toBe(KEYS.required);
    expect(textErrorKey(withErrors({ email: true, maxlength: {} }), KEYS)).toBe(KEYS.email);
  });

  it('uses the shared "too long" for maxlength', () => {
    expect(textErrorKey(withErrors({ maxlength: { requiredLength: 200 } }), KEYS)).toBe(
      'errors.tooLong',
    );
  });

  it('falls back to "check the field" for an error without its own key, such as the API\'s', () => {
    expect(textErrorKey(withErrors({ server: 'taken' }), KEYS)).toBe('errors.fieldInvalid');
    expect(textErrorKey(withErrors({ required: true }))).toBe('errors.fieldInvalid');
    expect(textErrorKey(withErrors(null), KEYS)).toBe('errors.fieldInvalid');
  });
});
