import { FormControl } from '@angular/forms';
import type { Indicator, IndicatorSeries } from '@kraftsamling/web/indicators/data-access';
import { buildGrid, entryErrorKey, entryText, entryValue } from './entry-grid';

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

  it('shows a stored "<5" as the placeholder of an empty cell, never its stored 1 as a value to keep', () => {
    const indicator = { code: 'jobbspar.deltagare', unit: 'COUNT' } as Indicator;
    const series = {
      periods: ['2024-09'],
      areas: [
        {
          areaCode: '1260',
          values: [null],
          lowerBounds: [1],
          upperBounds: [4],
          versions: [3],
        },
      ],
    } as unknown as IndicatorSeries;
    const grid = buildGrid({
      areaCode: '1260',
      columns: [indicator],
      series: [series],
      periods: ['2024-09'],
      language: 'sv',
      name: () => 'Deltagare',
      periodLabel: (period) => period,
    });
    const cell = grid.cells[0]!;
    expect(cell.control.value).toBe('');
    expect(cell.original).toBeNull();
    expect(cell.version).toBe(3);
    expect(cell.storedRange).toBe('<5');
  });
});
