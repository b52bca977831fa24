import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, Validators } from '@angular/forms';
import { ActionService, ActionType } from '@kraftsamling/web/actions/data-access';
import {
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  serverError,
  serverValidatedForm,
  textErrorKey,
} from '@kraftsamling/web/shared/forms';

/** The coordinator extends the list of action types: a name in Swedish and in English. */
@Component({
  selector: 'ks-action-type-form',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      class="ks-type-form"
      data-testid="action-type-form"
    >
      <h2>{{ 'actions.types.heading' | transloco }}</h2>
      <p class="ks-muted">{{ 'actions.types.hint' | transloco }}</p>
      <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
      <p role="status" class="ks-type-status">
        @if (lastAdded()) {
          {{ 'actions.types.added' | transloco: { name: lastAdded() } }}
        }
      </p>
      <div class="ks-type-fields">
        <mat-form-field>
          <mat-label>{{ 'actions.types.nameSv' | transloco }}</mat-label>
          <input matInput formControlName="nameSv" required lang="sv" data-testid="action-type-sv" />
          <mat-error>{{ errorKey('nameSv') | transloco: { message: server('nameSv') } }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'actions.types.nameEn' | transloco }}</mat-label>
          <input matInput formControlName="nameEn" required lang="en" data-testid="action-type-en" />
          <mat-error>{{ errorKey('nameEn') | transloco: { message: server('nameEn') } }}</mat-error>
        </mat-form-field>
      </div>
      <button
        mat-stroked-button
        type="submit"
        [attr.aria-disabled]="submission.busy()"
        data-testid="action-type-submit"
      >
        {{ (submission.busy() ? 'common.saving' : 'actions.types.add') | transloco }}
      </button>
    </form>
  `,
  styles: `
    .ks-type-form {
      max-width: 60rem;
      margin-top: 2rem;
      padding-top: 1rem;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .ks-type-form h2 {
      font-size: 1.125rem;
    }
    .ks-type-status:empty {
      margin: 0;
    }
    .ks-type-fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
  `,
})
export class ActionTypeFormComponent {
  readonly collaborationId = input.required<string>();
  /** The name of the type just added, announced. */
  readonly lastAdded = signal('');
  readonly added = output<ActionType>();

  private readonly service = inject(ActionService);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  readonly form = new FormGroup({
    nameSv: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
    nameEn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
  });
  protected readonly submission = serverValidatedForm(this.form);

  errorKey(field: 'nameSv' | 'nameEn'): string {
    return textErrorKey(this.form.controls[field], { required: 'actions.types.required' });
  }

  server(field: 'nameSv' | 'nameEn'): string | null {
    return serverError(this.form.controls[field]);
  }

  submit(): void {
    this.submission.submit({
      value: () => {
        const { nameSv, nameEn } = this.form.getRawValue();
        return nameSv.trim() && nameEn.trim()
          ? { collaborationId: this.collaborationId(), nameSv: nameSv.trim(), nameEn: nameEn.trim() }
          : null;
      },
      request: (input) => this.service.createType(input),
      messages: { CONFLICT: 'actions.types.exists' },
      reset: () => this.formDirective(),
      succeeded: (type) => {
        this.lastAdded.set(type.name);
        this.added.emit(type);
      },
    });
  }
}
