import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { DIALOG_IMPORTS, FORM_IMPORTS, serverValidatedForm } from '@kraftsamling/web/shared/forms';
import {
  Indicator,
  IndicatorService,
  indicatorName,
  updateLocalIndicatorInput,
} from '@kraftsamling/web/indicators/data-access';
import { injectLanguage } from '@kraftsamling/web/indicators/ui';
import { LocalIndicatorFieldsComponent } from './local-indicator-fields.component';
import { localIndicatorTextControls } from './local-indicator-form';

export interface EditLocalIndicatorDialogData {
  collaborationId: string;
  indicator: Indicator;
}

/**
 * Closes with the changed indicator; with nothing on cancel, or when the user asks to
 * load the latest version after a conflict (the page reloads its list either way).
 */
export type EditLocalIndicatorResult = Indicator | undefined;

/**
 * Edits a local indicator's names, descriptions, theme and direction. Code, unit and
 * periodicity stay: values already entered are read by them. The write carries the
 * version the user saw, so someone else's newer edit is never overwritten.
 */
@Component({
  selector: 'ks-edit-local-indicator-dialog',
  imports: [FORM_IMPORTS, DIALOG_IMPORTS, LocalIndicatorFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'localIndicators.edit.heading' | transloco: { name: name() } }}</h2>
      <mat-dialog-content>
        <p class="ks-muted">
          {{ 'localIndicators.edit.fixed' | transloco: { code: data.indicator.code } }}
        </p>
        <div class="ks-dialog-form">
          <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
          @if (submission.error()?.code === 'CONFLICT') {
            <div>
              <button
                mat-stroked-button
                type="button"
                (click)="dialogRef.close()"
                data-testid="edit-local-indicator-reload"
              >
                {{ 'localIndicators.edit.reload' | transloco }}
              </button>
            </div>
          }
          <ks-local-indicator-fields [group]="form" />
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="dialogRef.close()">
          {{ 'common.cancel' | transloco }}
        </button>
        <button
          mat-flat-button
          type="submit"
          [attr.aria-disabled]="submission.busy()"
          data-testid="edit-local-indicator-submit"
        >
          {{ (submission.busy() ? 'common.saving' : 'common.save') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class EditLocalIndicatorDialogComponent {
  readonly data = inject<EditLocalIndicatorDialogData>(MAT_DIALOG_DATA);
  readonly dialogRef =
    inject<MatDialogRef<EditLocalIndicatorDialogComponent, EditLocalIndicatorResult>>(MatDialogRef);
  private readonly service = inject(IndicatorService);
  private readonly language = injectLanguage();

  protected readonly name = computed(() => indicatorName(this.data.indicator, this.language()));
  readonly form = new FormGroup(
    localIndicatorTextControls({
      nameSv: this.data.indicator.nameSv,
      nameEn: this.data.indicator.nameEn,
      descriptionSv: this.data.indicator.descriptionSv ?? '',
      descriptionEn: this.data.indicator.descriptionEn ?? '',
      theme: this.data.indicator.theme,
      direction: this.data.indicator.direction,
    }),
  );
  protected readonly submission = serverValidatedForm(this.form);

  submit(): void {
    this.submission.submit({
      value: () =>
        updateLocalIndicatorInput(this.data.collaborationId, this.data.indicator, this.form.getRawValue()),
      request: (update) => this.service.updateLocalIndicator(update),
      messages: { CONFLICT: 'localIndicators.edit.conflict' },
      staysBusy: true,
      succeeded: (indicator) => this.dialogRef.close(indicator),
    });
  }
}
