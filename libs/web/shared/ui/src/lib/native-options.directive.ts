import { Directive, ElementRef, effect, inject, input, untracked } from '@angular/core';
import { MatInput } from '@angular/material/input';

/** An option of a native list: what the form sends and what the person reads. */
export interface NativeOption {
  value: string;
  label: string;
}

/**
 * Fills a native `<select>` with its options as plain DOM elements, not as a view per option.
 * The indicator page's period lists hold an option per month of the history (two hundred and
 * more each); made by `@for`, drawing them took 40–55 ms of one task on a test machine
 * (four times that on a phone), made here a few milliseconds.
 *
 *   <select matNativeControl [ksNativeOptions]="options()" [ksSelected]="chosen()"
 *           (change)="chosen.set($any($event.target).value)">
 */
@Directive({ selector: 'select[ksNativeOptions]' })
export class NativeOptionsDirective {
  readonly options = input.required<readonly NativeOption[]>({ alias: 'ksNativeOptions' });
  readonly selected = input<string | null>(null, { alias: 'ksSelected' });

  private readonly select: HTMLSelectElement = inject(ElementRef).nativeElement;
  // A Material field around the list shows its label floating by the chosen option: it is told.
  private readonly field = inject(MatInput, { self: true, optional: true });

  constructor() {
    effect(() => {
      const options = this.options();
      const document = this.select.ownerDocument;
      this.select.replaceChildren(
        ...options.map(({ value, label }) => {
          const option = document.createElement('option');
          option.value = value;
          option.textContent = label;
          return option;
        }),
      );
      this.choose(untracked(this.selected));
    });
    effect(() => this.choose(this.selected()));
  }

  private choose(value: string | null): void {
    // No option chosen when the value is none of them (or none is given).
    this.select.value = value ?? '';
    if (this.select.value !== value) this.select.selectedIndex = -1;
    this.field?.stateChanges.next();
  }
}
