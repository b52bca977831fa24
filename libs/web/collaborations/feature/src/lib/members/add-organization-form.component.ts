import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CollaborationService,
  OrganizationSummary,
  PARTNER_ORGANIZATION_KINDS,
} from '@kraftsamling/web/collaborations/data-access';
import { AppError, OrganizationKind, toAppError } from '@kraftsamling/web/shared/graphql';
import { FormErrorComponent } from './form-error.component';
import { applyServerErrors, focusFirstInvalid, serverError } from './form-errors';

/** Adds a partner organisation: the employment agency, a university, a folk high school, a business network… */
@Component({
  selector: 'ks-add-organization-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    TranslocoPipe,
    FormErrorComponent,
  ],
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
      <ks-form-error [error]="error()" [unshown]="unshown()" />
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
      <button mat-flat-button type="submit" [attr.aria-disabled]="busy()">
        {{ (busy() ? 'common.saving' : 'organizations.add.submit') | transloco }}
      </button>
    </form>
  `,
})
export class AddOrganizationFormComponent {
  readonly collaborationId = input.required<string>();
  readonly added = output<OrganizationSummary>();

  private readonly service = inject(CollaborationService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly kinds = PARTNER_ORGANIZATION_KINDS;
  protected readonly server = serverError;
  readonly busy = signal(false);
  readonly error = signal<AppError | null>(null);
  readonly unshown = signal<AppError['fields']>([]);

  readonly form = new FormGroup({
    kind: new FormControl<OrganizationKind | null>(null, { validators: [Validators.required] }),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
  });

  protected nameErrorKey(): string {
    const errors = this.form.controls.name.errors;
    if (errors?.['required']) return 'organizations.form.errors.nameRequired';
    if (errors?.['maxlength']) return 'members.form.errors.tooLong';
    return 'errors.fieldInvalid';
  }

  submit(): void {
    if (this.busy()) return;
    this.error.set(null);
    this.unshown.set([]);
    this.form.markAllAsTouched();
    const { kind, name } = this.form.getRawValue();
    if (this.form.invalid || !kind || !name.trim()) {
      if (!name.trim()) this.form.controls.name.setErrors({ required: true });
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    this.service
      .addPartnerOrganization({ collaborationId: this.collaborationId(), kind, name: name.trim() })
      .subscribe({
        next: (organization) => {
          this.busy.set(false);
          // resetForm() also clears `submitted`, so the emptied fields do not show errors.
          this.formDirective().resetForm();
          this.added.emit(organization);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const appError = toAppError(error, { CONFLICT: 'organizations.add.errors.conflict' });
          this.unshown.set(applyServerErrors(this.form, appError));
          this.error.set(appError);
        },
      });
  }
}
