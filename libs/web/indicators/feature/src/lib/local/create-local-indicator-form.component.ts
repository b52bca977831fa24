import { ChangeDetectionStrategy, Component, inject, input, output, viewChild } from '@angular/core';
import { FormGroup, FormGroupDirective } from '@angular/forms';
import { MatOption, MatSelect } from '@angular/material/select';
import { PERIODICITIES } from '@kraftsamling/shared/periods';
import {
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  serverError,
  serverValidatedForm,
} from '@kraftsamling/web/shared/forms';
import {
  INDICATOR_UNITS,
  Indicator,
  IndicatorService,
  createLocalIndicatorInput,
} from '@kraftsamling/web/indicators/data-access';
import { LocalIndicatorFieldsComponent } from './local-indicator-fields.component';
import {
  LocalIndicatorField,
  localIndicatorErrorKey,
  newLocalIndicatorControls,
} from './local-indicator-form';

/** Adds a local indicator: its code, names, unit, periodicity, direction, theme and descriptions. */
@Component({
  selector: 'ks-create-local-indicator-form',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS, MatSelect, MatOption, LocalIndicatorFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      class="ks-form"
      aria-labelledby="create-local-indicator-heading"
      data-testid="create-local-indicator-form"
    >
      <h3 id="create-local-indicator-heading">{{ 'localIndicators.create.heading' | transloco }}</h3>
      <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
      <div class="ks-form__fields">
        <mat-form-field class="ks-code-field">
          <mat-label>{{ 'localIndicators.form.code' | transloco }}</mat-label>
          <input
            matInput
            formControlName="code"
            required
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            data-testid="local-indicator-code"
          />
          <mat-hint>{{ 'localIndicators.form.codeHint' | transloco }}</mat-hint>
          <mat-error>{{ errorKey('code') | transloco: { message: server('code') } }}</mat-error>
        </mat-form-field>
        <ks-local-indicator-fields [group]="form">
          <mat-form-field>
            <mat-label>{{ 'localIndicators.form.unit' | transloco }}</mat-label>
            <mat-select formControlName="unit" required data-testid="local-indicator-unit">
              @for (unit of units; track unit) {
                <mat-option [value]="unit">{{ 'indicators.units.' + unit | transloco }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'localIndicators.form.fixedHint' | transloco }}</mat-hint>
            <mat-error>{{ errorKey('unit') | transloco: { message: server('unit') } }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'localIndicators.form.periodicity' | transloco }}</mat-label>
            <mat-select formControlName="periodicity" required data-testid="local-indicator-periodicity">
              @for (periodicity of periodicities; track periodicity) {
                <mat-option [value]="periodicity">{{
                  'indicators.periodicities.' + periodicity | transloco
                }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'localIndicators.form.periodicityHint' | transloco }}</mat-hint>
            <mat-error>{{
              errorKey('periodicity') | transloco: { message: server('periodicity') }
            }}</mat-error>
          </mat-form-field>
        </ks-local-indicator-fields>
      </div>
      <button
        mat-flat-button
        type="submit"
        [attr.aria-disabled]="submission.busy()"
        data-testid="create-local-indicator-submit"
      >
        {{ (submission.busy() ? 'common.saving' : 'localIndicators.create.submit') | transloco }}
      </button>
    </form>
  `,
  styles: `
    .ks-code-field {
      grid-column: 1 / -1;
    }
  `,
})
export class CreateLocalIndicatorFormComponent {
  readonly collaborationId = input.required<string>();
  readonly created = output<Indicator>();

  private readonly service = inject(IndicatorService);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly units = INDICATOR_UNITS;
  protected readonly periodicities = PERIODICITIES;

  readonly form = new FormGroup(newLocalIndicatorControls());
  protected readonly submission = serverValidatedForm(this.form);

  protected errorKey(field: LocalIndicatorField): string {
    return localIndicatorErrorKey(field, this.form.controls[field]);
  }

  protected server(field: LocalIndicatorField): string | null {
    return serverError(this.form.controls[field]);
  }

  submit(): void {
    this.submission.submit({
      value: () => {
        const { unit, periodicity, ...text } = this.form.getRawValue();
        // The validators have refused a missing choice already; this narrows the types.
        if (!unit || !periodicity) return null;
        return createLocalIndicatorInput(this.collaborationId(), { ...text, unit, periodicity });
      },
      request: (indicator) => this.service.createLocalIndicator(indicator),
      reset: this.formDirective,
      succeeded: (indicator) => this.created.emit(indicator),
    });
  }
}
