import { ChangeDetectionStrategy, Component, inject, input, output, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, Validators } from '@angular/forms';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CollaborationService,
  GROUP_KINDS,
  GroupSummary,
} from '@kraftsamling/web/collaborations/data-access';
import { GroupKind } from '@kraftsamling/web/shared/graphql';
import { FORM_IMPORTS, TEXT_FIELD_IMPORTS, serverError, serverValidatedForm, textErrorKey } from '@kraftsamling/web/shared/forms';

/** Creates a steering or operational group with a name and a focus area. */
@Component({
  selector: 'ks-create-group-form',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS, MatSelect, MatOption],
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
      <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
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
      <button mat-flat-button type="submit" [attr.aria-disabled]="submission.busy()">
        {{ (submission.busy() ? 'common.saving' : 'groups.create.submit') | transloco }}
      </button>
    </form>
  `,
})
export class CreateGroupFormComponent {
  readonly collaborationId = input.required<string>();
  readonly created = output<GroupSummary>();

  private readonly service = inject(CollaborationService);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly kinds = GROUP_KINDS;
  protected readonly server = serverError;

  readonly form = new FormGroup({
    kind: new FormControl<GroupKind>('OPERATIONAL', { nonNullable: true, validators: [Validators.required] }),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    focusArea: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });
  protected readonly submission = serverValidatedForm(this.form);

  protected textErrorKey(field: 'name' | 'focusArea'): string {
    return textErrorKey(this.form.controls[field], { required: 'groups.form.errors.nameRequired' });
  }

  submit(): void {
    this.submission.submit({
      value: () => {
        const { kind, name, focusArea } = this.form.getRawValue();
        // Validators.required lets a name of only spaces through; the API would refuse it.
        if (!name.trim()) this.form.controls.name.setErrors({ required: true });
        if (!kind || !name.trim()) return null;
        return {
          collaborationId: this.collaborationId(),
          kind,
          name: name.trim(),
          focusArea: focusArea.trim() || null,
        };
      },
      request: (group) => this.service.createGroup(group),
      reset: this.formDirective,
      succeeded: (group) => this.created.emit(group),
    });
  }
}
