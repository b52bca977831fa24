import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { AbstractControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { TEXT_FIELD_IMPORTS, serverError } from '@kraftsamling/web/shared/forms';
import { INDICATOR_DIRECTIONS } from '@kraftsamling/web/indicators/data-access';
import {
  LocalIndicatorField,
  LocalIndicatorTextControls,
  NewLocalIndicatorControls,
  localIndicatorErrorKey,
} from './local-indicator-form';

/**
 * What a coordinator can say about a local indicator, when adding it and later: names in
 * Swedish and English, direction, theme and descriptions. Fields of the enclosing form
 * can be projected between the names and the rest. The host takes no box of its own, so
 * the fields sit in the enclosing form's grid.
 */
@Component({
  selector: 'ks-local-indicator-fields',
  imports: [ReactiveFormsModule, TEXT_FIELD_IMPORTS, MatSelect, MatOption, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container [formGroup]="group()">
      <mat-form-field>
        <mat-label>{{ 'localIndicators.form.nameSv' | transloco }}</mat-label>
        <input matInput formControlName="nameSv" required autocomplete="off" lang="sv" />
        <mat-error>{{ errorKey('nameSv') | transloco: { message: server('nameSv') } }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'localIndicators.form.nameEn' | transloco }}</mat-label>
        <input matInput formControlName="nameEn" required autocomplete="off" lang="en" />
        <mat-error>{{ errorKey('nameEn') | transloco: { message: server('nameEn') } }}</mat-error>
      </mat-form-field>
      <ng-content />
      <mat-form-field>
        <mat-label>{{ 'localIndicators.form.direction' | transloco }}</mat-label>
        <mat-select formControlName="direction" required>
          @for (direction of directions; track direction) {
            <mat-option [value]="direction">{{
              'indicators.directions.' + direction | transloco
            }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{ 'localIndicators.form.directionHint' | transloco }}</mat-hint>
        <mat-error>{{ errorKey('direction') | transloco: { message: server('direction') } }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'localIndicators.form.theme' | transloco }}</mat-label>
        <input matInput formControlName="theme" autocomplete="off" />
        <mat-hint>{{ 'localIndicators.form.themeHint' | transloco }}</mat-hint>
        <mat-error>{{ errorKey('theme') | transloco: { message: server('theme') } }}</mat-error>
      </mat-form-field>
      <mat-form-field class="ks-wide-field">
        <mat-label>{{ 'localIndicators.form.descriptionSv' | transloco }}</mat-label>
        <textarea matInput formControlName="descriptionSv" rows="3" lang="sv"></textarea>
        <mat-hint>{{ 'localIndicators.form.descriptionHint' | transloco }}</mat-hint>
        <mat-error>{{
          errorKey('descriptionSv') | transloco: { message: server('descriptionSv') }
        }}</mat-error>
      </mat-form-field>
      <mat-form-field class="ks-wide-field">
        <mat-label>{{ 'localIndicators.form.descriptionEn' | transloco }}</mat-label>
        <textarea matInput formControlName="descriptionEn" rows="3" lang="en"></textarea>
        <mat-hint>{{ 'localIndicators.form.descriptionHint' | transloco }}</mat-hint>
        <mat-error>{{
          errorKey('descriptionEn') | transloco: { message: server('descriptionEn') }
        }}</mat-error>
      </mat-form-field>
    </ng-container>
  `,
  styles: `
    :host {
      display: contents;
    }
    .ks-wide-field {
      grid-column: 1 / -1;
    }
  `,
})
export class LocalIndicatorFieldsComponent {
  /** The edit dialog's form, or the whole form of a new indicator (which has these controls too). */
  readonly group = input.required<
    FormGroup<LocalIndicatorTextControls> | FormGroup<NewLocalIndicatorControls>
  >();
  protected readonly directions = INDICATOR_DIRECTIONS;

  private control(field: keyof LocalIndicatorTextControls): AbstractControl {
    return this.group().controls[field];
  }

  protected errorKey(field: keyof LocalIndicatorTextControls & LocalIndicatorField): string {
    return localIndicatorErrorKey(field, this.control(field));
  }

  protected server(field: keyof LocalIndicatorTextControls): string | null {
    return serverError(this.control(field));
  }
}
