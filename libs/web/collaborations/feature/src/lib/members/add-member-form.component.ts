import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, Validators } from '@angular/forms';
import { CollaborationService, MemberRow } from '@kraftsamling/web/collaborations/data-access';
import { FORM_IMPORTS, TEXT_FIELD_IMPORTS, emailAddress, serverError, serverValidatedForm, textErrorKey } from '@kraftsamling/web/shared/forms';
import { BindingOptions, RoleBindingControls, roleBindingControls } from './role-binding';
import { RoleBindingFieldsComponent } from './role-binding-fields.component';

export interface AddMemberFormValue {
  email: string;
  name: string;
  binding: { role: string | null; organizationId: string | null; groupId: string | null };
}

/** Adds a person to the collaboration by e-mail, with a role and the binding the role needs. */
@Component({
  selector: 'ks-add-member-form',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS, RoleBindingFieldsComponent],
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
      <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
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
      <button
        mat-flat-button
        type="submit"
        [attr.aria-disabled]="submission.busy()"
        data-testid="add-member-submit"
      >
        {{ (submission.busy() ? 'members.add.busy' : 'members.add.submit') | transloco }}
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
  private readonly formDirective = viewChild.required(FormGroupDirective);

  readonly options = computed<BindingOptions>(() => ({
    organizations: this.organizations(),
    groups: this.groups(),
  }));
  protected readonly server = serverError;

  readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(254), emailAddress],
    }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    binding: new FormGroup<RoleBindingControls>(roleBindingControls(() => this.options())),
  });
  protected readonly submission = serverValidatedForm(this.form);

  protected emailErrorKey(): string {
    return textErrorKey(this.form.controls.email, {
      required: 'members.form.errors.emailRequired',
      email: 'members.form.errors.emailInvalid',
    });
  }

  submit(): void {
    this.submission.submit({
      value: () => {
        const { email, name, binding } = this.form.getRawValue();
        const { role, organizationId, groupId } = binding;
        // Validators.required has refused a missing role already; this narrows the type.
        if (!role) return null;
        return {
          collaborationId: this.collaborationId(),
          email: email.trim(),
          name: name.trim() || null,
          role,
          organizationId,
          groupId,
        };
      },
      request: (member) => this.service.addMember(member),
      messages: { CONFLICT: 'members.add.errors.conflict' },
      reset: this.formDirective,
      succeeded: (member) => this.added.emit(member),
    });
  }
}
