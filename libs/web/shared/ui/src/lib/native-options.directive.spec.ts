import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { NativeOption, NativeOptionsDirective } from './native-options.directive';

@Component({
  imports: [NativeOptionsDirective, MatFormField, MatLabel, MatInput],
  template: `
    <mat-form-field>
      <mat-label>Från</mat-label>
      <select matNativeControl [ksNativeOptions]="options()" [ksSelected]="chosen()"></select>
    </mat-form-field>
  `,
})
class HostComponent {
  readonly options = signal<NativeOption[]>([
    { value: '2024-07', label: 'juli 2024' },
    { value: '2024-08', label: 'augusti 2024' },
    { value: '2024-09', label: 'september 2024' },
  ]);
  readonly chosen = signal<string | null>('2024-08');
}

async function render() {
  const fixture = TestBed.createComponent(HostComponent);
  await fixture.whenStable();
  const select = fixture.nativeElement.querySelector('select') as HTMLSelectElement;
  return { fixture, select, host: fixture.componentInstance };
}

describe('NativeOptionsDirective', () => {
  it('fills the list with an option per item, the chosen one selected', async () => {
    const { select } = await render();
    expect(Array.from(select.options).map((option) => [option.value, option.textContent])).toEqual([
      ['2024-07', 'juli 2024'],
      ['2024-08', 'augusti 2024'],
      ['2024-09', 'september 2024'],
    ]);
    expect(select.value).toBe('2024-08');
    // Material's field floats its label above the chosen option instead of over it.
    expect(
      select.closest('mat-form-field')?.querySelector('.mdc-floating-label--float-above'),
    ).not.toBeNull();
  });

  it('follows a new choice and a new list, keeping the choice where it is still there', async () => {
    const { fixture, select, host } = await render();
    host.chosen.set('2024-09');
    await fixture.whenStable();
    expect(select.value).toBe('2024-09');

    host.options.set([
      { value: '2024-09', label: 'September 2024' },
      { value: '2024-10', label: 'October 2024' },
    ]);
    await fixture.whenStable();
    expect(Array.from(select.options).map((option) => option.textContent)).toEqual([
      'September 2024',
      'October 2024',
    ]);
    expect(select.value).toBe('2024-09');
  });

  it('chooses none when the value is not in the list', async () => {
    const { fixture, select, host } = await render();
    host.chosen.set('1999-01');
    await fixture.whenStable();
    expect(select.selectedIndex).toBe(-1);
  });
});
