import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import { GoalService, GoalWritten } from '@kraftsamling/web/goals/data-access';
import {
  DIALOG_IMPORTS,
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  serverError,
  serverValidatedForm,
  textErrorKey,
} from '@kraftsamling/web/shared/forms';

export const REBASELINE_REASON_MAX = 2000;
const ALL = '*';

export interface RebaselineDialogData {
  collaborationId: string;
  goal: Pick<GoalWritten, 'id' | 'version' | 'baselinePeriod' | 'title'>;
  /** The members in scope, by name. */
  members: readonly { areaCode: string; areaName: string }[];
}

/** Closes with the goal as it is after the re-baseline; with nothing on cancel. */
export type RebaselineDialogResult = GoalWritten | undefined;

/** Trims, then requires text: a reason of only spaces is no reason. */
const requiredText: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() ? null : { required: true };

/**
 * Re-baselines one member or all: reads their baselines again (at the goal's baseline
 * period, or another), recorded with the reason in the goal's history. The write carries
 * the version the user saw, so someone else's newer change is never overwritten.
 */
@Component({
  selector: 'ks-rebaseline-dialog',
  imports: [FORM_IMPORTS, DIALOG_IMPORTS, TEXT_FIELD_IMPORTS, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'goals.rebaseline.heading' | transloco }}</h2>
      <mat-dialog-content>
        <p>{{ 'goals.rebaseline.explain' | transloco }}</p>
        <div class="ks-dialog-form">
          <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
          <mat-form-field>
            <mat-label>{{ 'goals.rebaseline.scope' | transloco }}</mat-label>
            <mat-select formControlName="scope" data-testid="rebaseline-scope">
              <mat-option [value]="all">{{ 'goals.rebaseline.allMembers' | transloco }}</mat-option>
              @for (member of data.members; track member.areaCode) {
                <mat-option [value]="member.areaCode">{{ member.areaName }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'goals.rebaseline.period' | transloco }}</mat-label>
            <input
              matInput
              formControlName="baselinePeriod"
              required
              autocomplete="off"
              data-testid="rebaseline-period"
            />
            <mat-hint>{{ 'goals.rebaseline.periodHint' | transloco }}</mat-hint>
            <mat-error>{{
              errorKey('baselinePeriod', 'goals.editor.errors.baselinePeriod')
                | transloco: { message: server('baselinePeriod') }
            }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'goals.rebaseline.reason' | transloco }}</mat-label>
            <textarea
              matInput
              formControlName="reason"
              rows="3"
              required
              data-testid="rebaseline-reason"
            ></textarea>
            <mat-hint>{{ 'goals.rebaseline.reasonHint' | transloco }}</mat-hint>
            <mat-error>{{
              errorKey('reason', 'goals.rebaseline.errors.reason') | transloco: { message: server('reason') }
            }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="dialogRef.close()">
          {{ 'common.cancel' | transloco }}
        </button>
        <button
          mat-flat-button
          type="submit"
          [attr.aria-disabled]="submission.busy()"
          data-testid="rebaseline-submit"
        >
          {{ (submission.busy() ? 'common.saving' : 'goals.rebaseline.submit') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RebaselineDialogComponent {
  readonly data = inject<RebaselineDialogData>(MAT_DIALOG_DATA);
  readonly dialogRef = inject<MatDialogRef<RebaselineDialogComponent, RebaselineDialogResult>>(MatDialogRef);
  private readonly service = inject(GoalService);
  protected readonly all = ALL;

  readonly form = new FormGroup({
    scope: new FormControl(ALL, { nonNullable: true }),
    baselinePeriod: new FormControl(this.data.goal.baselinePeriod, {
      nonNullable: true,
      validators: [Validators.required],
    }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [requiredText, Validators.maxLength(REBASELINE_REASON_MAX)],
    }),
  });
  protected readonly submission = serverValidatedForm(this.form);

  protected errorKey(field: 'baselinePeriod' | 'reason', requiredKey: string): string {
    return textErrorKey(this.form.controls[field], { required: requiredKey });
  }

  protected server(field: 'baselinePeriod' | 'reason'): string | null {
    return serverError(this.form.controls[field]);
  }

  submit(): void {
    this.submission.submit({
      value: () => {
        const { scope, baselinePeriod, reason } = this.form.getRawValue();
        const period = baselinePeriod.trim();
        return {
          collaborationId: this.data.collaborationId,
          goalId: this.data.goal.id,
          expectedVersion: this.data.goal.version,
          areaCodes: scope === ALL ? null : [scope],
          // Unchanged: the API re-reads the goal's own baseline period.
          baselinePeriod: period === this.data.goal.baselinePeriod ? null : period,
          reason: reason.trim(),
        };
      },
      request: (input) => this.service.rebaseline(input),
      staysBusy: true,
      succeeded: (goal) => this.dialogRef.close(goal),
    });
  }
}
