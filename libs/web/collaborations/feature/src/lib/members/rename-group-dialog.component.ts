import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { CollaborationService, GroupSummary } from '@kraftsamling/web/collaborations/data-access';
import { AppError, toAppError } from '@kraftsamling/web/shared/graphql';
import { FormErrorComponent } from './form-error.component';
import { applyServerErrors, focusFirstInvalid, serverError } from './form-errors';

export interface RenameGroupDialogData {
  collaborationId: string;
  group: GroupSummary;
}

/** Renames a group; the write carries the version the user saw. */
@Component({
  selector: 'ks-rename-group-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslocoPipe,
    FormErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'groups.rename.heading' | transloco: { name: data.group.name } }}</h2>
      <mat-dialog-content>
        <div class="ks-dialog-form">
          <ks-form-error [error]="error()" [unshown]="unshown()" />
          <mat-form-field>
            <mat-label>{{ 'groups.form.name' | transloco }}</mat-label>
            <input matInput formControlName="name" required data-testid="rename-group-name" />
            <mat-error>{{ nameErrorKey() | transloco: { message: server(form.controls.name) } }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="dialogRef.close(false)">
          {{ 'common.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [attr.aria-disabled]="busy()">
          {{ (busy() ? 'common.saving' : 'common.save') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RenameGroupDialogComponent {
  readonly data = inject<RenameGroupDialogData>(MAT_DIALOG_DATA);
  readonly dialogRef = inject<MatDialogRef<RenameGroupDialogComponent, boolean>>(MatDialogRef);
  private readonly service = inject(CollaborationService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly busy = signal(false);
  readonly error = signal<AppError | null>(null);
  readonly unshown = signal<AppError['fields']>([]);
  protected readonly server = serverError;
  readonly form = new FormGroup({
    name: new FormControl(this.data.group.name, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
  });

  protected nameErrorKey(): string {
    const errors = this.form.controls.name.errors;
    if (errors?.['required']) return 'groups.form.errors.nameRequired';
    if (errors?.['maxlength']) return 'members.form.errors.tooLong';
    return 'errors.fieldInvalid';
  }

  submit(): void {
    if (this.busy()) return;
    this.error.set(null);
    this.unshown.set([]);
    this.form.markAllAsTouched();
    const name = this.form.controls.name.value.trim();
    if (this.form.invalid || !name) {
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    this.service
      .renameGroup({
        collaborationId: this.data.collaborationId,
        groupId: this.data.group.id,
        expectedVersion: this.data.group.version,
        name,
      })
      .subscribe({
        next: () => this.dialogRef.close(true),
        error: (error: unknown) => {
          this.busy.set(false);
          const appError = toAppError(error);
          this.unshown.set(applyServerErrors(this.form, appError));
          this.error.set(appError);
        },
      });
  }
}
