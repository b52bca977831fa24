import { ChangeDetectionStrategy, Component, inject, input, output, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, Validators } from '@angular/forms';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CollaborationService,
  OrganizationSummary,
  PARTNER_ORGANIZATION_KINDS,
} from '@kraftsamling/web/collaborations/data-access';
import { OrganizationKind } from '@kraftsamling/web/shared/graphql';
import { FORM_IMPORTS, TEXT_FIELD_IMPORTS, serverError, serverValidatedForm, textErrorKey } from '@kraftsamling/web/shared/forms';

/** Adds a partner organisation: the employment agency, a university, a folk high school, a business network… */
@Component({
  selector: 'ks-add-organization-form',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      class="ks-form"
      aria-labelledby="add-organization-heading"
      data-testid="add-organization-form"
    >
      <h3 id="add-organization-heading">{{ 'organizations.add.heading' | transloco }}</h3>
      <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
      <div class="ks-form__fields">
        <mat-form-field>
          <mat-label>{{ 'organizations.form.kind' | transloco }}</mat-label>
          <mat-select formControlName="kind" required>
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ 'organizationKinds.' + kind | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error>{{
            (server(form.controls.kind) ? 'errors.fieldInvalid' : 'organizations.form.errors.kindRequired')
              | transloco: { message: server(form.controls.kind) }
          }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'organizations.form.name' | transloco }}</mat-label>
          <input matInput formControlName="name" required autocomplete="organization" />
          <mat-error>{{ nameErrorKey() | transloco: { message: server(form.controls.name) } }}</mat-error>
        </mat-form-field>
      </div>
      <button mat-flat-button type="submit" [attr.aria-disabled]="submission.busy()">
        {{ (submission.busy() ? 'common.saving' : 'organizations.add.submit') | transloco }}
      </button>
    </form>
  `,
})
export class AddOrganizationFormComponent {
  readonly collaborationId = input.required<string>();
  readonly added = output<OrganizationSummary>();

  private readonly service = inject(CollaborationService);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly kinds = PARTNER_ORGANIZATION_KINDS;
  protected readonly server = serverError;

  readonly form = new FormGroup({
    kind: new FormControl<OrganizationKind | null>(null, { validators: [Validators.required] }),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
  });
  protected readonly submission = serverValidatedForm(this.form);

  protected nameErrorKey(): string {
    return textErrorKey(this.form.controls.name, { required: 'organizations.form.errors.nameRequired' });
  }

  submit(): void {
    this.submission.submit({
      value: () => {
        const { kind, name } = this.form.getRawValue();
        // Validators.required lets a name of only spaces through; the API would refuse it.
        if (!name.trim()) this.form.controls.name.setErrors({ required: true });
        if (!kind || !name.trim()) return null;
        return { collaborationId: this.collaborationId(), kind, name: name.trim() };
      },
      request: (organization) => this.service.addPartnerOrganization(organization),
      messages: { CONFLICT: 'organizations.add.errors.conflict' },
      reset: this.formDirective,
      succeeded: (organization) => this.added.emit(organization),
    });
  }
}
