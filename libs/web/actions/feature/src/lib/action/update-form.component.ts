import { ChangeDetectionStrategy, Component, inject, input, output, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, Validators } from '@angular/forms';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  ACTION_CONFIDENCES,
  ACTION_LIMITS,
  ACTION_STATUSES,
  ActionConfidence,
  ActionDetail,
  ActionService,
  ActionStatus,
} from '@kraftsamling/web/actions/data-access';
import { isoDay } from '@kraftsamling/web/decisions/data-access';
import {
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  serverError,
  serverValidatedForm,
  textErrorKey,
} from '@kraftsamling/web/shared/forms';

/**
 * A progress update on an action's journal: what happened (dated today unless changed), and
 * optionally a new status and how confident the group is (on track, at risk, off track).
 */
@Component({
  selector: 'ks-update-form',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      class="ks-update-form"
      data-testid="update-form"
    >
      <h3>{{ 'actions.updates.add' | transloco }}</h3>
      <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
      <mat-form-field class="ks-wide">
        <mat-label>{{ 'actions.updates.text' | transloco }}</mat-label>
        <textarea matInput formControlName="text" rows="3" required data-testid="update-text"></textarea>
        <mat-error>{{
          errorKey('text') | transloco: { message: server('text'), max: limits.update }
        }}</mat-error>
      </mat-form-field>
      <div class="ks-update-row">
        <mat-form-field>
          <mat-label>{{ 'actions.updates.date' | transloco }}</mat-label>
          <input matInput type="date" formControlName="date" required data-testid="update-date" />
          <mat-error>{{ 'actions.updates.dateError' | transloco: { message: server('date') } }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'actions.updates.statusChange' | transloco }}</mat-label>
          <mat-select formControlName="statusChange" data-testid="update-status">
            <mat-option [value]="null">{{ 'actions.updates.noStatusChange' | transloco }}</mat-option>
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ 'actions.statuses.' + s | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'actions.updates.confidence' | transloco }}</mat-label>
          <mat-select formControlName="confidence" data-testid="update-confidence">
            <mat-option [value]="null">{{ 'actions.updates.noConfidence' | transloco }}</mat-option>
            @for (c of confidences; track c) {
              <mat-option [value]="c">{{ 'actions.confidences.' + c | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <button
        mat-flat-button
        type="submit"
        [attr.aria-disabled]="submission.busy()"
        data-testid="update-submit"
      >
        {{ (submission.busy() ? 'common.saving' : 'actions.updates.save') | transloco }}
      </button>
    </form>
  `,
  styles: `
    .ks-update-form {
      margin-bottom: 1.5rem;
    }
    .ks-wide {
      width: min(100%, 40rem);
    }
    .ks-update-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
  `,
})
export class UpdateFormComponent {
  readonly collaborationId = input.required<string>();
  readonly action = input.required<ActionDetail>();
  readonly saved = output<void>();

  private readonly formDirective = viewChild.required(FormGroupDirective);
  private readonly service = inject(ActionService);
  protected readonly statuses = ACTION_STATUSES;
  protected readonly confidences = ACTION_CONFIDENCES;
  protected readonly limits = ACTION_LIMITS;

  readonly form = new FormGroup({
    text: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(ACTION_LIMITS.update)],
    }),
    date: new FormControl(isoDay(new Date()), { nonNullable: true, validators: [Validators.required] }),
    statusChange: new FormControl<ActionStatus | null>(null),
    confidence: new FormControl<ActionConfidence | null>(null),
  });
  protected readonly submission = serverValidatedForm(this.form);

  errorKey(field: 'text'): string {
    return textErrorKey(this.form.controls[field], { required: 'actions.updates.textRequired' });
  }

  server(field: 'text' | 'date'): string | null {
    return serverError(this.form.controls[field]);
  }

  submit(): void {
    this.submission.submit({
      value: () => {
        const value = this.form.getRawValue();
        if (!value.text.trim()) {
          this.form.controls.text.setErrors({ required: true });
          return null;
        }
        return {
          collaborationId: this.collaborationId(),
          actionId: this.action().id,
          date: value.date,
          text: value.text.trim(),
          statusChange:
            value.statusChange && value.statusChange !== this.action().status ? value.statusChange : null,
          confidence: value.confidence,
        };
      },
      request: (input) => this.service.addUpdate(input),
      reset: () => this.formDirective(),
      succeeded: () => {
        this.form.reset({ text: '', date: isoDay(new Date()), statusChange: null, confidence: null });
        this.saved.emit();
      },
    });
  }
}
