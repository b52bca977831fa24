import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { isRole } from '@kraftsamling/shared/permissions';
import { CollaborationService, MemberRow } from '@kraftsamling/web/collaborations/data-access';
import { AppError, toAppError } from '@kraftsamling/web/shared/graphql';
import { FormErrorComponent } from './form-error.component';
import { applyServerErrors, focusFirstInvalid } from './form-errors';
import { BindingOptions, RoleBindingControls, roleBindingControls } from './role-binding';
import { RoleBindingFieldsComponent } from './role-binding-fields.component';

export interface ChangeRoleDialogData extends BindingOptions {
  collaborationId: string;
  member: MemberRow;
}

/** Changes a member's role and binding; the write carries the version the user saw. */
@Component({
  selector: 'ks-change-role-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    TranslocoPipe,
    RoleBindingFieldsComponent,
    FormErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{ 'members.changeRole.heading' | transloco: { name: data.member.user.name } }}
      </h2>
      <mat-dialog-content>
        <div class="ks-dialog-form">
          <ks-form-error [error]="error()" [unshown]="unshown()" />
          <ks-role-binding-fields [group]="form" [options]="data" />
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="dialogRef.close(false)">
          {{ 'common.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [attr.aria-disabled]="busy()" data-testid="change-role-submit">
          {{ (busy() ? 'common.saving' : 'common.save') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ChangeRoleDialogComponent {
  readonly data = inject<ChangeRoleDialogData>(MAT_DIALOG_DATA);
  readonly dialogRef = inject<MatDialogRef<ChangeRoleDialogComponent, boolean>>(MatDialogRef);
  private readonly service = inject(CollaborationService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly busy = signal(false);
  readonly error = signal<AppError | null>(null);
  readonly unshown = signal<AppError['fields']>([]);
  readonly form = new FormGroup<RoleBindingControls>(
    roleBindingControls(() => this.data, {
      role: this.data.member.role,
      organizationId: this.data.member.organizationId,
      groupId: this.data.member.groupId,
    }),
  );

  submit(): void {
    if (this.busy()) return;
    this.error.set(null);
    this.unshown.set([]);
    this.form.markAllAsTouched();
    const { role, organizationId, groupId } = this.form.getRawValue();
    if (this.form.invalid || !isRole(role)) {
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    this.service
      .changeMemberRole({
        collaborationId: this.data.collaborationId,
        membershipId: this.data.member.id,
        expectedVersion: this.data.member.version,
        role,
        organizationId,
        groupId,
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
