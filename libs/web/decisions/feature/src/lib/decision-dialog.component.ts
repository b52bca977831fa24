import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  DECISION_STATUSES,
  Decision,
  DecisionGoal,
  DecisionService,
  OwnerChoice,
  createDecisionInput,
  updateDecisionInput,
} from '@kraftsamling/web/decisions/data-access';
import {
  DIALOG_IMPORTS,
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  serverError,
  serverValidatedForm,
} from '@kraftsamling/web/shared/forms';
import { Observable } from 'rxjs';
import { DecisionField, decisionDraft, decisionErrorKey, decisionForm } from './decision-form';

export interface DecisionDialogData {
  collaborationId: string;
  /** The deciding group; the steering group when null. */
  groupId: string | null;
  /** The decision to change; none to record a new one. */
  decision?: Decision;
  people: readonly OwnerChoice[];
  organizations: readonly OwnerChoice[];
  goals: readonly DecisionGoal[];
  /** The default decision date of a new decision (YYYY-MM-DD). */
  today: string;
}

/**
 * Closes with the saved decision; with nothing on cancel, or when the user asks for the
 * latest version after a conflict (the page reloads the log either way).
 */
export type DecisionDialogResult = Decision | undefined;

/**
 * Records a decision of the steering group, or changes one: what was decided, when, who owes
 * it, by when, its status and the goal it serves. The API's field errors show at their fields;
 * a change carries the version the user saw, so someone else's newer edit is never overwritten.
 */
@Component({
  selector: 'ks-decision-dialog',
  imports: [FORM_IMPORTS, DIALOG_IMPORTS, TEXT_FIELD_IMPORTS, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{ (data.decision ? 'decisions.edit.heading' : 'decisions.create.heading') | transloco }}
      </h2>
      <mat-dialog-content>
        <div class="ks-dialog-form">
          <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
          @if (submission.error()?.code === 'CONFLICT') {
            <div>
              <button
                mat-stroked-button
                type="button"
                (click)="dialogRef.close()"
                data-testid="decision-reload"
              >
                {{ 'decisions.edit.reload' | transloco }}
              </button>
            </div>
          }
          <mat-form-field>
            <mat-label>{{ 'decisions.form.title' | transloco }}</mat-label>
            <textarea
              matInput
              formControlName="title"
              rows="2"
              required
              data-testid="decision-title"
            ></textarea>
            <mat-error>{{ errorKey('title') | transloco: { message: server('title') } }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'decisions.form.description' | transloco }}</mat-label>
            <textarea matInput formControlName="description" rows="3"></textarea>
            <mat-hint>{{ 'decisions.form.descriptionHint' | transloco }}</mat-hint>
            <mat-error>{{
              errorKey('description') | transloco: { message: server('description') }
            }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'decisions.form.decidedOn' | transloco }}</mat-label>
            <input
              matInput
              type="date"
              formControlName="decidedOn"
              required
              data-testid="decision-decided-on"
            />
            @if (data.decision) {
              <mat-hint>{{ 'decisions.form.decidedOnFixed' | transloco }}</mat-hint>
            }
            <mat-error>{{ errorKey('decidedOn') | transloco: { message: server('decidedOn') } }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'decisions.form.dueOn' | transloco }}</mat-label>
            <input matInput type="date" formControlName="dueOn" data-testid="decision-due-on" />
            <mat-hint>{{ 'decisions.form.dueOnHint' | transloco }}</mat-hint>
            <mat-error>{{ errorKey('dueOn') | transloco: { message: server('dueOn') } }}</mat-error>
          </mat-form-field>
          @if (data.decision) {
            <mat-form-field>
              <mat-label>{{ 'decisions.form.status' | transloco }}</mat-label>
              <mat-select formControlName="status" data-testid="decision-status">
                @for (status of statuses; track status) {
                  <mat-option [value]="status">{{ 'decisions.statuses.' + status | transloco }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ errorKey('status') | transloco: { message: server('status') } }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'decisions.form.ownerUser' | transloco }}</mat-label>
            <mat-select formControlName="ownerUserId" data-testid="decision-owner-user">
              <mat-option [value]="null">{{ 'decisions.form.none' | transloco }}</mat-option>
              @for (person of data.people; track person.id) {
                <mat-option [value]="person.id">{{ person.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{
              errorKey('ownerUserId') | transloco: { message: server('ownerUserId') }
            }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'decisions.form.ownerOrganization' | transloco }}</mat-label>
            <mat-select formControlName="ownerOrganizationId" data-testid="decision-owner-organization">
              <mat-option [value]="null">{{ 'decisions.form.none' | transloco }}</mat-option>
              @for (organization of data.organizations; track organization.id) {
                <mat-option [value]="organization.id">{{ organization.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{
              errorKey('ownerOrganizationId') | transloco: { message: server('ownerOrganizationId') }
            }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'decisions.form.goal' | transloco }}</mat-label>
            <mat-select formControlName="goalId" data-testid="decision-goal">
              <mat-option [value]="null">{{ 'decisions.form.noGoal' | transloco }}</mat-option>
              @for (goal of data.goals; track goal.id) {
                <mat-option [value]="goal.id">{{ goal.title }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorKey('goalId') | transloco: { message: server('goalId') } }}</mat-error>
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
          data-testid="decision-submit"
        >
          {{ (submission.busy() ? 'common.saving' : 'common.save') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class DecisionDialogComponent {
  readonly data = inject<DecisionDialogData>(MAT_DIALOG_DATA);
  readonly dialogRef = inject<MatDialogRef<DecisionDialogComponent, DecisionDialogResult>>(MatDialogRef);
  private readonly service = inject(DecisionService);

  protected readonly statuses = DECISION_STATUSES;
  readonly form = decisionForm(this.data.today, this.data.decision);
  protected readonly submission = serverValidatedForm(this.form);

  errorKey(field: DecisionField): string {
    return decisionErrorKey(this.form.controls[field], field);
  }

  server(field: DecisionField): string | null {
    return serverError(this.form.controls[field]);
  }

  submit(): void {
    const decision = this.data.decision;
    this.submission.submit<() => Observable<Decision>, Decision>({
      value: () => {
        const draft = decisionDraft(this.form);
        return decision
          ? () => this.service.update(updateDecisionInput(decision, draft))
          : () =>
              this.service.create(createDecisionInput(this.data.collaborationId, draft, this.data.groupId));
      },
      request: (write) => write(),
      messages: { CONFLICT: 'decisions.edit.conflict' },
      staysBusy: true,
      succeeded: (saved) => this.dialogRef.close(saved),
    });
  }
}
