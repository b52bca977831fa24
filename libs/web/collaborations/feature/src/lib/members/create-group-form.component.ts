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
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CollaborationService,
  GROUP_KINDS,
  GroupSummary,
} from '@kraftsamling/web/collaborations/data-access';
import { AppError, GroupKind, toAppError } from '@kraftsamling/web/shared/graphql';
import { FormErrorComponent } from './form-error.component';
import { applyServerErrors, focusFirstInvalid, serverError } from './form-errors';

/** Creates a steering or operational group with a name and a focus area. */
@Component({
  selector: 'ks-create-group-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
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
      aria-labelledby="create-group-heading"
      data-testid="create-group-form"
    >
      <h3 id="create-group-heading">{{ 'groups.create.heading' | transloco }}</h3>
      <ks-form-error [error]="error()" [unshown]="unshown()" />
      <div class="ks-form__fields">
        <mat-form-field>
          <mat-label>{{ 'groups.form.kind' | transloco }}</mat-label>
          <mat-select formControlName="kind" required>
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ 'groupKinds.' + kind | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error>{{
            (server(form.controls.kind) ? 'errors.fieldInvalid' : 'groups.form.errors.kindRequired')
              | transloco: { message: server(form.controls.kind) }
          }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'groups.form.name' | transloco }}</mat-label>
          <input matInput formControlName="name" required autocomplete="off" />
          <mat-error>{{
            textErrorKey('name') | transloco: { message: server(form.controls.name) }
          }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'groups.form.focusArea' | transloco }}</mat-label>
          <input matInput formControlName="focusArea" autocomplete="off" />
          <mat-hint>{{ 'groups.form.focusAreaHint' | transloco }}</mat-hint>
          <mat-error>{{
            textErrorKey('focusArea') | transloco: { message: server(form.controls.focusArea) }
          }}</mat-error>
        </mat-form-field>
      </div>
      <button mat-flat-button type="submit" [attr.aria-disabled]="busy()">
        {{ (busy() ? 'common.saving' : 'groups.create.submit') | transloco }}
      </button>
    </form>
  `,
})
export class CreateGroupFormComponent {
  readonly collaborationId = input.required<string>();
  readonly created = output<GroupSummary>();

  private readonly service = inject(CollaborationService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly kinds = GROUP_KINDS;
  protected readonly server = serverError;
  readonly busy = signal(false);
  readonly error = signal<AppError | null>(null);
  readonly unshown = signal<AppError['fields']>([]);

  readonly form = new FormGroup({
    kind: new FormControl<GroupKind>('OPERATIONAL', { nonNullable: true, validators: [Validators.required] }),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    focusArea: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });

  protected textErrorKey(field: 'name' | 'focusArea'): string {
    const errors = this.form.controls[field].errors;
    if (errors?.['required']) return 'groups.form.errors.nameRequired';
    if (errors?.['maxlength']) return 'members.form.errors.tooLong';
    return 'errors.fieldInvalid';
  }

  submit(): void {
    if (this.busy()) return;
    this.error.set(null);
    this.unshown.set([]);
    this.form.markAllAsTouched();
    const { kind, name, focusArea } = this.form.getRawValue();
    if (this.form.invalid || !kind || !name.trim()) {
      if (!name.trim()) this.form.controls.name.setErrors({ required: true });
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    this.service
      .createGroup({
        collaborationId: this.collaborationId(),
        kind,
        name: name.trim(),
        focusArea: focusArea.trim() || null,
      })
      .subscribe({
        next: (group) => {
          this.busy.set(false);
          // resetForm() also clears `submitted`, so the emptied fields do not show errors.
          this.formDirective().resetForm();
          this.created.emit(group);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const appError = toAppError(error);
          this.unshown.set(applyServerErrors(this.form, appError));
          this.error.set(appError);
        },
      });
  }
}
