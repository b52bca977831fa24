import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { isRole } from '@kraftsamling/shared/permissions';
import { CollaborationService, MemberRow, memberName } from '@kraftsamling/web/collaborations/data-access';
import { DIALOG_IMPORTS, FORM_IMPORTS, serverValidatedForm } from '@kraftsamling/web/shared/forms';
import { BindingOptions, RoleBindingControls, roleBindingControls } from './role-binding';
import { RoleBindingFieldsComponent } from './role-binding-fields.component';

export interface ChangeRoleDialogData extends BindingOptions {
  collaborationId: string;
  member: MemberRow;
}

/** Changes a member's role and binding; the write carries the version the user saw. */
@Component({
  selector: 'ks-change-role-dialog',
  imports: [FORM_IMPORTS, DIALOG_IMPORTS, RoleBindingFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{ 'members.changeRole.heading' | transloco: { name: memberName(data.member) } }}
      </h2>
      <mat-dialog-content>
        <div class="ks-dialog-form">
          <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
          <ks-role-binding-fields [group]="form" [options]="data" />
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="dialogRef.close(false)">
          {{ 'common.cancel' | transloco }}
        </button>
        <button
          mat-flat-button
          type="submit"
          [attr.aria-disabled]="submission.busy()"
          data-testid="change-role-submit"
        >
          {{ (submission.busy() ? 'common.saving' : 'common.save') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ChangeRoleDialogComponent {
  readonly data = inject<ChangeRoleDialogData>(MAT_DIALOG_DATA);
  readonly dialogRef = inject<MatDialogRef<ChangeRoleDialogComponent, boolean>>(MatDialogRef);
  private readonly service = inject(CollaborationService);
  protected readonly memberName = memberName;

  readonly form = new FormGroup<RoleBindingControls>(
    roleBindingControls(() => this.data, {
      role: this.data.member.role,
      organizationId: this.data.member.organizationId,
      groupId: this.data.member.groupId,
    }),
  );
  protected readonly submission = serverValidatedForm(this.form);

  submit(): void {
    this.submission.submit({
      value: () => {
        const { role, organizationId, groupId } = this.form.getRawValue();
        // Validators.required has refused a missing role already; this narrows the type.
        if (!isRole(role)) return null;
        return {
          collaborationId: this.data.collaborationId,
          membershipId: this.data.member.id,
          expectedVersion: this.data.member.version,
          role,
          organizationId,
          groupId,
        };
      },
      request: (change) => this.service.changeMemberRole(change),
      staysBusy: true,
      succeeded: () => this.dialogRef.close(true),
    });
  }
}
