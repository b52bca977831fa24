import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, FormRecord, Validators } from '@angular/forms';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { PERIODICITIES } from '@kraftsamling/shared/periods';
import {
  INDICATOR_UNITS,
  Indicator,
  IndicatorService,
  ScbDimension,
  ScbTable,
  SCB_TABLE_PATTERN,
  apiMessage,
  choosableDimensions,
  classErrorsByDimension,
  contentsCodes,
  defineScbIndicatorInput,
  indicatorName,
} from '@kraftsamling/web/indicators/data-access';
import { injectLanguage } from '@kraftsamling/web/indicators/ui';
import { AppError, toAppError } from '@kraftsamling/web/shared/errors';
import {
  FORM_IMPORTS,
  TEXT_FIELD_IMPORTS,
  serverError,
  serverValidatedForm,
  textErrorKey,
} from '@kraftsamling/web/shared/forms';
import type { IndicatorDirection, IndicatorUnit, Periodicity } from '@kraftsamling/web/shared/graphql';
import { catchError, throwError } from 'rxjs';

export const DIRECTIONS: readonly IndicatorDirection[] = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'];

type DefinitionField = 'contentsCode' | 'nameSv' | 'nameEn' | 'unit' | 'periodicity' | 'direction';

/**
 * A statistics steward defines an official indicator from an SCB table: reads the table's
 * metadata by its id, chooses one contents code and the classes of the other dimensions
 * (several classes of one dimension: their sum; none of a dimension SCB can leave out: its
 * total), names it and saves. Its answers then import without code.
 */
@Component({
  selector: 'ks-scb-definition-page',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS, MatSelect, MatOption, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ks-page-header">
      <h1 tabindex="-1">{{ 'scbDefinition.heading' | transloco }}</h1>
      <p class="ks-lead">{{ 'scbDefinition.lead' | transloco }}</p>
      <p>
        <a [routerLink]="['/s', slug(), 'import', 'hamtningar']">{{ 'scbDefinition.fetchesLink' | transloco }}</a>
      </p>
    </div>
    <form [formGroup]="tableForm" (ngSubmit)="readTable()" novalidate class="ks-form" aria-labelledby="scb-table-heading">
      <h2 id="scb-table-heading">{{ 'scbDefinition.tableHeading' | transloco }}</h2>
      <div class="ks-form__fields">
        <mat-form-field>
          <mat-label>{{ 'scbDefinition.table' | transloco }}</mat-label>
          <input
            matInput
            formControlName="table"
            required
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            data-testid="scb-table-id"
          />
          <mat-hint>{{ 'scbDefinition.tableHint' | transloco }}</mat-hint>
          <mat-error>{{ 'scbDefinition.tableInvalid' | transloco }}</mat-error>
        </mat-form-field>
      </div>
      <button mat-flat-button type="submit" [attr.aria-disabled]="reading()" data-testid="scb-table-read">
        {{ (reading() ? 'scbDefinition.reading' : 'scbDefinition.read') | transloco }}
      </button>
      <div role="status" aria-live="polite">
        @if (reading()) {
          <p>{{ 'scbDefinition.reading' | transloco }}</p>
        } @else if (tableError(); as error) {
          <p class="ks-form-error" data-testid="scb-table-error">
            {{ error.messageKey | transloco }} {{ tableErrorText() ?? '' }}
          </p>
        }
      </div>
    </form>

    @if (table(); as table) {
      <form
        [formGroup]="form"
        (ngSubmit)="save(table)"
        novalidate
        class="ks-form"
        aria-labelledby="scb-definition-heading"
        data-testid="scb-definition-form"
      >
        <h2 id="scb-definition-heading">{{ table.id }}: {{ table.label }}</h2>
        <p>
          <a [href]="table.url" rel="noopener" target="_blank">{{ 'scbDefinition.tablePage' | transloco }}</a>
          @if (table.preliminary) {
            · {{ 'scbDefinition.preliminary' | transloco }}
          }
        </p>
        @if (table.definedCodes.length) {
          <p data-testid="scb-defined">{{ 'scbDefinition.defined' | transloco: { codes: table.definedCodes.join(', ') } }}</p>
        }
        <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
        <div class="ks-form__fields">
          <mat-form-field class="ks-wide">
            <mat-label>{{ 'scbDefinition.contentsCode' | transloco }}</mat-label>
            <mat-select formControlName="contentsCode" required data-testid="scb-contents">
              @for (content of contents(); track content.code) {
                <mat-option [value]="content.code">
                  {{ content.label }} ({{ content.code }}{{ content.unit ? ', ' + content.unit : '' }})
                </mat-option>
              }
            </mat-select>
            <mat-error>{{ errorKey('contentsCode') | transloco: { message: server('contentsCode') } }}</mat-error>
          </mat-form-field>
          <ng-container formGroupName="classes">
            @for (dimension of dimensions(); track dimension.code) {
              <mat-form-field class="ks-wide">
                <mat-label>{{ dimension.label }} ({{ dimension.code }})</mat-label>
                <mat-select
                  [formControlName]="dimension.code"
                  multiple
                  [required]="!dimension.elimination"
                  [attr.data-testid]="'scb-classes-' + dimension.code"
                >
                  @for (option of dimension.classes; track option.code) {
                    <mat-option [value]="option.code">{{ option.label }} ({{ option.code }})</mat-option>
                  }
                </mat-select>
                <mat-hint>{{
                  (dimension.elimination ? 'scbDefinition.classesHintTotal' : 'scbDefinition.classesHint') | transloco
                }}</mat-hint>
                <mat-error>{{ classErrorKey(dimension) | transloco: { message: classServerError(dimension) } }}</mat-error>
              </mat-form-field>
            }
          </ng-container>
          <mat-form-field>
            <mat-label>{{ 'scbDefinition.nameSv' | transloco }}</mat-label>
            <input matInput formControlName="nameSv" required lang="sv" autocomplete="off" data-testid="scb-name-sv" />
            <mat-error>{{ errorKey('nameSv') | transloco: { message: server('nameSv') } }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'scbDefinition.nameEn' | transloco }}</mat-label>
            <input matInput formControlName="nameEn" required lang="en" autocomplete="off" data-testid="scb-name-en" />
            <mat-error>{{ errorKey('nameEn') | transloco: { message: server('nameEn') } }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'scbDefinition.unit' | transloco }}</mat-label>
            <mat-select formControlName="unit" required data-testid="scb-unit">
              @for (unit of units; track unit) {
                <mat-option [value]="unit">{{ 'indicators.units.' + unit | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorKey('unit') | transloco: { message: server('unit') } }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'scbDefinition.periodicity' | transloco }}</mat-label>
            <mat-select formControlName="periodicity" required data-testid="scb-periodicity">
              @for (periodicity of periodicities; track periodicity) {
                <mat-option [value]="periodicity">{{ 'indicators.periodicities.' + periodicity | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorKey('periodicity') | transloco: { message: server('periodicity') } }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'scbDefinition.direction' | transloco }}</mat-label>
            <mat-select formControlName="direction" required data-testid="scb-direction">
              @for (direction of directions; track direction) {
                <mat-option [value]="direction">{{ 'indicators.directions.' + direction | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorKey('direction') | transloco: { message: server('direction') } }}</mat-error>
          </mat-form-field>
        </div>
        <button mat-flat-button type="submit" [attr.aria-disabled]="submission.busy()" data-testid="scb-define-submit">
          {{ (submission.busy() ? 'common.saving' : 'scbDefinition.save') | transloco }}
        </button>
      </form>
    }
    <div role="status" aria-live="polite">
      @if (saved(); as saved) {
        <div class="ks-form" data-testid="scb-defined-result">
          <p>{{ 'scbDefinition.saved' | transloco: { name: savedName(), code: saved.code } }}</p>
          <p>
            <a [routerLink]="['/s', slug(), 'import', 'hamtningar']" [queryParams]="{ source: 'SCB', subject: savedTable() }">{{
              'scbDefinition.fetchNow' | transloco: { table: savedTable() }
            }}</a>
            ·
            <a [routerLink]="['/s', slug(), 'nyckeltal', saved.code]">{{ 'scbDefinition.toIndicator' | transloco }}</a>
          </p>
        </div>
      }
    </div>
  `,
  styles: `
    .ks-wide {
      grid-column: 1 / -1;
    }
  `,
})
export class ScbDefinitionPage {
  readonly slug = input.required<string>();
  /** A table id from the address (the import page's "nothing matched" links here with it). */
  readonly tabell = input<string | null>(null);

  private readonly service = inject(IndicatorService);
  private readonly language = injectLanguage();
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly units = INDICATOR_UNITS;
  protected readonly periodicities = PERIODICITIES;
  protected readonly directions = DIRECTIONS;

  readonly tableForm = new FormGroup({
    table: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(SCB_TABLE_PATTERN)] }),
  });
  readonly reading = signal(false);
  readonly table = signal<ScbTable | null>(null);
  readonly tableError = signal<AppError | null>(null);
  protected readonly tableErrorText = signal<string | null>(null);
  readonly dimensions = computed(() => {
    const table = this.table();
    return table ? choosableDimensions(table) : [];
  });
  readonly contents = computed(() => {
    const table = this.table();
    return table ? contentsCodes(table) : [];
  });

  readonly form = new FormGroup({
    contentsCode: new FormControl('', { nonNullable: true, validators: Validators.required }),
    classes: new FormRecord<FormControl<string[]>>({}),
    nameSv: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    nameEn: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    unit: new FormControl<IndicatorUnit | null>(null, Validators.required),
    periodicity: new FormControl<Periodicity | null>('YEAR', Validators.required),
    direction: new FormControl<IndicatorDirection | null>('HIGHER_IS_BETTER', Validators.required),
  });
  protected readonly submission = serverValidatedForm(this.form);
  readonly saved = signal<Indicator | null>(null);
  protected readonly savedTable = signal('');
  protected readonly savedName = computed(() => {
    const saved = this.saved();
    return saved ? indicatorName(saved, this.language()) : '';
  });

  constructor() {
    // Only the address drives this effect: reading the table reads and sets `reading`, which
    // tracked here would read the table again each time an answer arrives, without end.
    effect(() => {
      const id = this.tabell()?.trim();
      if (!id) return;
      untracked(() => {
        this.tableForm.controls.table.setValue(id);
        this.readTable();
      });
    });
  }

  readTable(): void {
    if (this.reading()) return;
    this.tableForm.markAllAsTouched();
    if (this.tableForm.invalid) return;
    this.reading.set(true);
    this.tableError.set(null);
    this.saved.set(null);
    this.service.scbTable(this.tableForm.controls.table.value.trim().toUpperCase()).subscribe({
      next: (table) => {
        this.reading.set(false);
        this.useTable(table);
      },
      error: (error: unknown) => {
        this.reading.set(false);
        this.table.set(null);
        this.tableErrorText.set(apiMessage(error));
        this.tableError.set(toAppError(error));
      },
    });
  }

  private useTable(table: ScbTable): void {
    const classes = this.form.controls.classes;
    for (const name of Object.keys(classes.controls)) classes.removeControl(name);
    for (const dimension of choosableDimensions(table))
      classes.addControl(
        dimension.code,
        new FormControl<string[]>([], {
          nonNullable: true,
          validators: dimension.elimination ? [] : Validators.required,
        }),
      );
    const contents = contentsCodes(table);
    this.form.controls.contentsCode.setValue(contents.length === 1 ? contents[0].code : '');
    this.table.set(table);
  }

  protected errorKey(field: DefinitionField): string {
    const control = this.form.controls[field];
    if (control.errors?.['required']) return `scbDefinition.required.${field}`;
    return textErrorKey(control);
  }

  protected server(field: DefinitionField): string | null {
    return serverError(this.form.controls[field]);
  }

  protected classErrorKey(dimension: ScbDimension): string {
    const control = this.form.controls.classes.controls[dimension.code];
    return control?.errors?.['required'] ? 'scbDefinition.required.classes' : 'errors.fieldInvalid';
  }

  protected classServerError(dimension: ScbDimension): string | null {
    const control = this.form.controls.classes.controls[dimension.code];
    return control ? serverError(control) : null;
  }

  save(table: ScbTable): void {
    this.submission.submit({
      value: () => {
        const value = this.form.getRawValue();
        if (!value.unit || !value.periodicity || !value.direction) return null;
        return defineScbIndicatorInput(table, {
          contentsCode: value.contentsCode,
          classes: value.classes,
          nameSv: value.nameSv,
          nameEn: value.nameEn,
          unit: value.unit,
          periodicity: value.periodicity,
          direction: value.direction,
        });
      },
      request: ({ input, classDimensions }) =>
        this.service
          .defineScbIndicator(input)
          .pipe(catchError((error: unknown) => throwError(() => classErrorsByDimension(toAppError(error), classDimensions)))),
      succeeded: (indicator) => {
        this.savedTable.set(table.id);
        this.saved.set(indicator);
        this.table.set(null);
        this.formDirective()?.resetForm({ periodicity: 'YEAR', direction: 'HIGHER_IS_BETTER' });
      },
    });
  }
}
