import { FormControl } from '@angular/forms';
import { entryErrorKey, entryText, entryValue } from './entry-grid';

describe('entry grid helpers', () => {
  it('accepts empty cells and non-negative numbers with a decimal comma, and names what is wrong otherwise', () => {
    const check = (text: string) => entryValue(new FormControl(text));
    expect(check('')).toBeNull();
    expect(check('3,5')).toBeNull();
    expect(check('-1')).toEqual({ negative: true });
    expect(check('tre')).toEqual({ notANumber: true });
  });

  it("picks the message for the error, the API's own last", () => {
    const control = new FormControl('-1', { validators: entryValue });
    expect(entryErrorKey(control)).toBe('valueEntry.errors.negative');
    control.setValue('x');
    expect(entryErrorKey(control)).toBe('valueEntry.errors.notANumber');
    control.setErrors({ server: 'a count cannot be negative' });
    expect(entryErrorKey(control)).toBe('errors.fieldInvalid');
  });

  it('writes stored values the way the user types them', () => {
    expect(entryText(3.5, 'sv')).toBe('3,5');
    expect(entryText(3.5, 'en')).toBe('3.5');
    expect(entryText(null, 'sv')).toBe('');
  });
});
