import { ChangeDetectionStrategy, Component, inject, input, output, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, Validators } from '@angular/forms';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { CHECK_IN_ASSESSMENTS, GoalCheckIn, GoalService } from '@kraftsamling/web/goals/data-access';
import type { CheckInAssessment } from '@kraftsamling/web/shared/graphql';
import {
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  serverError,
  serverValidatedForm,
  textErrorKey,
} from '@kraftsamling/web/shared/forms';

export const CHECK_IN_TEXT_MAX = 4000;

/** Today in Sweden as YYYY-MM-DD: the meeting date a check-in defaults to. */
export function todayInSweden(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

/**
 * Records the steering group's check-in at a meeting: the date, its own assessment (which
 * may differ from the computed status), a comment and the next steps.
 */
@Component({
  selector: 'ks-check-in-form',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS, MatRadioGroup, MatRadioButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      class="ks-form"
      aria-labelledby="check-in-form-heading"
      data-testid="check-in-form"
    >
      <h3 id="check-in-form-heading">{{ 'goals.checkIns.form.heading' | transloco }}</h3>
      <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
      <div class="ks-form__fields">
        <mat-form-field>
          <mat-label>{{ 'goals.checkIns.form.heldOn' | transloco }}</mat-label>
          <input matInput type="date" formControlName="heldOn" required data-testid="check-in-date" />
          <mat-error>{{
            errorKey('heldOn', 'goals.checkIns.form.errors.heldOn') | transloco: { message: server('heldOn') }
          }}</mat-error>
        </mat-form-field>
        <fieldset class="ks-fieldset">
          <legend id="check-in-assessment-label">{{ 'goals.checkIns.form.assessment' | transloco }}</legend>
          <mat-radio-group
            formControlName="assessment"
            aria-labelledby="check-in-assessment-label"
            class="ks-radio-column"
            data-testid="check-in-assessment"
          >
            @for (assessment of assessments; track assessment) {
              <mat-radio-button [value]="assessment">{{
                'goals.status.' + assessment | transloco
              }}</mat-radio-button>
            }
          </mat-radio-group>
          @if (form.controls.assessment.touched && form.controls.assessment.invalid) {
            <p class="ks-field-error" role="alert">
              {{
                errorKey('assessment', 'goals.checkIns.form.errors.assessment')
                  | transloco: { message: server('assessment') }
              }}
            </p>
          }
        </fieldset>
        <mat-form-field class="ks-wide-field">
          <mat-label>{{ 'goals.checkIns.form.comment' | transloco }}</mat-label>
          <textarea matInput formControlName="comment" rows="3" data-testid="check-in-comment"></textarea>
          <mat-error>{{ errorKey('comment') | transloco: { message: server('comment') } }}</mat-error>
        </mat-form-field>
        <mat-form-field class="ks-wide-field">
          <mat-label>{{ 'goals.checkIns.form.nextSteps' | transloco }}</mat-label>
          <textarea
            matInput
            formControlName="nextSteps"
            rows="3"
            data-testid="check-in-next-steps"
          ></textarea>
          <mat-error>{{ errorKey('nextSteps') | transloco: { message: server('nextSteps') } }}</mat-error>
        </mat-form-field>
      </div>
      <button
        mat-flat-button
        type="submit"
        [attr.aria-disabled]="submission.busy()"
        data-testid="check-in-submit"
      >
        {{ (submission.busy() ? 'common.saving' : 'goals.checkIns.form.submit') | transloco }}
      </button>
    </form>
  `,
  styles: `
    .ks-wide-field {
      grid-column: 1 / -1;
    }
    .ks-fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    .ks-radio-column {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.5rem;
    }
    .ks-field-error {
      color: var(--mat-sys-error);
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
    }
  `,
})
export class CheckInFormComponent {
  readonly collaborationId = input.required<string>();
  readonly goalId = input.required<string>();
  readonly added = output<GoalCheckIn>();

  private readonly service = inject(GoalService);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly assessments = CHECK_IN_ASSESSMENTS;

  readonly form = new FormGroup({
    heldOn: new FormControl(todayInSweden(), { nonNullable: true, validators: [Validators.required] }),
    assessment: new FormControl<CheckInAssessment | null>(null, { validators: [Validators.required] }),
    comment: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(CHECK_IN_TEXT_MAX)],
    }),
    nextSteps: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(CHECK_IN_TEXT_MAX)],
    }),
  });
  protected readonly submission = serverValidatedForm(this.form);

  protected errorKey(field: keyof typeof this.form.controls, requiredKey?: string): string {
    return textErrorKey(this.form.controls[field], { required: requiredKey });
  }

  protected server(field: keyof typeof this.form.controls): string | null {
    return serverError(this.form.controls[field]);
  }

  submit(): void {
    this.submission.submit({
      value: () => {
        const { heldOn, assessment, comment, nextSteps } = this.form.getRawValue();
        if (!assessment) return null;
        return {
          collaborationId: this.collaborationId(),
          goalId: this.goalId(),
          heldOn,
          assessment,
          comment: comment.trim() || null,
          nextSteps: nextSteps.trim() || null,
        };
      },
      request: (input) => this.service.addCheckIn(input),
      reset: () => {
        const directive = this.formDirective();
        // resetForm empties every control; the date and the empty choice start over as new.
        queueMicrotask(() => this.form.controls.heldOn.setValue(todayInSweden()));
        return directive;
      },
      succeeded: (checkIn) => this.added.emit(checkIn),
    });
  }
}
