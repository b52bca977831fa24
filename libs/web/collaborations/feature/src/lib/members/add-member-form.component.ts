import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { CollaborationService, MemberRow } from '@kraftsamling/web/collaborations/data-access';
import { AppError, toAppError } from '@kraftsamling/web/shared/graphql';
import { applyServerErrors, emailAddress, focusFirstInvalid, serverError } from './form-errors';
import { BindingOptions, RoleBindingControls, roleBindingControls } from './role-binding';
import { RoleBindingFieldsComponent } from './role-binding-fields.component';
import { FormErrorComponent } from './form-error.component';

export interface AddMemberFormValue {
  email: string;
  name: string;
  binding: { role: string | null; organizationId: string | null; groupId: string | null };
}

/** Adds a person to the collaboration by e-mail, with a role and the binding the role needs. */
@Component({
  selector: 'ks-add-member-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    TranslocoPipe,
    RoleBindingFieldsComponent,
    FormErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      class="ks-form"
      aria-labelledby="add-member-heading"
      data-testid="add-member-form"
    >
      <h3 id="add-member-heading">{{ 'members.add.heading' | transloco }}</h3>
      <ks-form-error [error]="error()" [unshown]="unshown()" />
      <div class="ks-form__fields">
        <mat-form-field>
          <mat-label>{{ 'members.form.email' | transloco }}</mat-label>
          <input
            matInput
            type="email"
            formControlName="email"
            autocomplete="off"
            required
            data-testid="member-email"
          />
          <mat-hint>{{ 'members.form.emailHint' | transloco }}</mat-hint>
          <mat-error>{{ emailErrorKey() | transloco: { message: server(form.controls.email) } }}</mat-error>
        </mat-form-field>

        <mat-form-field>
          <mat-label>{{ 'members.form.name' | transloco }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="member-name" />
          <mat-hint>{{ 'members.form.nameHint' | transloco }}</mat-hint>
          <mat-error>{{
            'errors.fieldInvalid' | transloco: { message: server(form.controls.name) }
          }}</mat-error>
        </mat-form-field>

        <ks-role-binding-fields [group]="form.controls.binding" [options]="options()" />
      </div>
      <button mat-flat-button type="submit" [attr.aria-disabled]="busy()" data-testid="add-member-submit">
        {{ (busy() ? 'members.add.busy' : 'members.add.submit') | transloco }}
      </button>
    </form>
  `,
})
export class AddMemberFormComponent {
  readonly collaborationId = input.required<string>();
  readonly organizations = input.required<BindingOptions['organizations']>();
  readonly groups = input.required<BindingOptions['groups']>();
  /** Emits the new membership once the API has added it. */
  readonly added = output<MemberRow>();

  private readonly service = inject(CollaborationService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  readonly options = computed<BindingOptions>(() => ({
    organizations: this.organizations(),
    groups: this.groups(),
  }));
  readonly busy = signal(false);
  readonly error = signal<AppError | null>(null);
  readonly unshown = signal<AppError['fields']>([]);
  protected readonly server = serverError;

  readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(254), emailAddress],
    }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    binding: new FormGroup<RoleBindingControls>(roleBindingControls(() => this.options())),
  });

  protected emailErrorKey(): string {
    const errors = this.form.controls.email.errors;
    if (errors?.['required']) return 'members.form.errors.emailRequired';
    if (errors?.['email']) return 'members.form.errors.emailInvalid';
    if (errors?.['maxlength']) return 'members.form.errors.tooLong';
    return 'errors.fieldInvalid';
  }

  submit(): void {
    if (this.busy()) return;
    this.error.set(null);
    this.unshown.set([]);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(this.host);
      return;
    }
    const { email, name, binding } = this.form.getRawValue();
    if (!binding.role) return;
    this.busy.set(true);
    this.service
      .addMember({
        collaborationId: this.collaborationId(),
        email: email.trim(),
        name: name.trim() || null,
        role: binding.role,
        organizationId: binding.organizationId,
        groupId: binding.groupId,
      })
      .subscribe({
        next: (member) => {
          this.busy.set(false);
          // resetForm() also clears `submitted`, so the emptied fields do not show errors.
          this.formDirective().resetForm();
          this.added.emit(member);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const appError = toAppError(error, { CONFLICT: 'members.add.errors.conflict' });
          this.unshown.set(applyServerErrors(this.form, appError));
          this.error.set(appError);
          focusFirstInvalid(this.host);
        },
      });
  }
}
