import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { CollaborationService, GroupSummary } from '@kraftsamling/web/collaborations/data-access';
import { DIALOG_IMPORTS, FORM_IMPORTS, TEXT_FIELD_IMPORTS, serverError, serverValidatedForm, textErrorKey } from '@kraftsamling/web/shared/forms';

export interface RenameGroupDialogData {
  collaborationId: string;
  group: GroupSummary;
}

/** Renames a group; the write carries the version the user saw. */
@Component({
  selector: 'ks-rename-group-dialog',
  imports: [FORM_IMPORTS, DIALOG_IMPORTS, TEXT_FIELD_IMPORTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'groups.rename.heading' | transloco: { name: data.group.name } }}</h2>
      <mat-dialog-content>
        <div class="ks-dialog-form">
          <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
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
        <button mat-flat-button type="submit" [attr.aria-disabled]="submission.busy()">
          {{ (submission.busy() ? 'common.saving' : 'common.save') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RenameGroupDialogComponent {
  readonly data = inject<RenameGroupDialogData>(MAT_DIALOG_DATA);
  readonly dialogRef = inject<MatDialogRef<RenameGroupDialogComponent, boolean>>(MatDialogRef);
  private readonly service = inject(CollaborationService);

  protected readonly server = serverError;
  readonly form = new FormGroup({
    name: new FormControl(this.data.group.name, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
  });
  protected readonly submission = serverValidatedForm(this.form);

  protected nameErrorKey(): string {
    return textErrorKey(this.form.controls.name, { required: 'groups.form.errors.nameRequired' });
  }

  submit(): void {
    this.submission.submit({
      value: () => {
        const name = this.form.controls.name.value.trim();
        if (!name) return null;
        return {
          collaborationId: this.data.collaborationId,
          groupId: this.data.group.id,
          expectedVersion: this.data.group.version,
          name,
        };
      },
      request: (rename) => this.service.renameGroup(rename),
      staysBusy: true,
      succeeded: () => this.dialogRef.close(true),
    });
  }
}
