import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ComparisonContext,
  ComparisonService,
  SimilarMunicipalities,
} from '@kraftsamling/web/comparisons/data-access';
import { indicatorName } from '@kraftsamling/web/indicators/data-access';
import { formatValue, injectLanguage, periodLabel } from '@kraftsamling/web/indicators/ui';
import { AppError, toAppError } from '@kraftsamling/web/shared/graphql';
import { ErrorStateComponent } from '@kraftsamling/web/shared/ui';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

/** Most indicators a similarity search weighs at once. */
export const MAX_SIMILAR_INDICATORS = 8;

/**
 * Finds the municipalities most like one on indicators the user picks, with a weight each:
 * lists them with the distance and each indicator's share of it, and saves them as a peer
 * set (private or shared with the collaboration) or compares with them at once.
 */
@Component({
  selector: 'ks-similar-panel',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoPipe,
    ErrorStateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ks-section" aria-labelledby="similar-heading">
      <h2 id="similar-heading">{{ 'comparisons.similar.heading' | transloco }}</h2>
      <p>{{ 'comparisons.similar.text' | transloco }}</p>
      <form [formGroup]="form" (ngSubmit)="search()" [attr.aria-labelledby]="'similar-heading'">
        <div class="ks-fields">
          <mat-form-field>
            <mat-label>{{ 'comparisons.similar.municipality' | transloco }}</mat-label>
            <mat-select formControlName="areaCode" data-testid="similar-municipality">
              @for (municipality of context().municipalities; track municipality.code) {
                <mat-option [value]="municipality.code">{{ municipality.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ 'comparisons.similar.municipalityRequired' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'comparisons.similar.indicators' | transloco }}</mat-label>
            <mat-select multiple formControlName="indicators" data-testid="similar-indicators">
              @for (option of indicatorOptions(); track option.code) {
                <mat-option [value]="option.code">{{ option.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'comparisons.similar.indicatorsHint' | transloco: { max: max } }}</mat-hint>
            <mat-error>{{ 'comparisons.similar.indicatorsRequired' | transloco: { max: max } }}</mat-error>
          </mat-form-field>
        </div>
        @if (chosen().length) {
          <fieldset class="ks-weights">
            <legend>{{ 'comparisons.similar.weights' | transloco }}</legend>
            @for (code of chosen(); track code) {
              <mat-form-field>
                <mat-label>{{
                  'comparisons.similar.weightOf' | transloco: { name: nameOf(code) }
                }}</mat-label>
                <input
                  matInput
                  type="number"
                  min="0"
                  max="10"
                  step="0.5"
                  [value]="weightOf(code)"
                  (input)="setWeight(code, $any($event.target).value)"
                />
              </mat-form-field>
            }
            @if (weightProblem()) {
              <p class="ks-error" role="alert">{{ 'comparisons.similar.weightProblem' | transloco }}</p>
            }
          </fieldset>
        }
        <button mat-flat-button type="submit" data-testid="similar-search" [disabled]="busy()">
          {{ 'comparisons.similar.search' | transloco }}
        </button>
      </form>

      @if (error(); as failure) {
        <ks-error-state
          [messageKey]="failure.messageKey"
          [retryable]="true"
          [homeLink]="false"
          (retry)="search()"
        />
      }

      @if (result(); as found) {
        <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="similar-caption">
          <table class="ks-table" data-testid="similar-table">
            <caption id="similar-caption">
              {{
                'comparisons.similar.caption' | transloco: { name: areaName(found.areaCode) }
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="ks-num">#</th>
                <th scope="col">{{ 'comparisons.similar.area' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'comparisons.similar.distance' | transloco }}</th>
                @for (code of found.indicatorCodes; track code; let i = $index) {
                  <th scope="col" class="ks-num">
                    {{ nameOf(code) }}
                    <span class="ks-sub">{{
                      'comparisons.similar.weightShort' | transloco: { weight: number(found.weights[i]!) }
                    }}</span>
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              <tr class="ks-origin-row">
                <td class="ks-num"></td>
                <th scope="row">
                  {{ areaName(found.areaCode) }} ({{ 'comparisons.similar.origin' | transloco }})
                </th>
                <td class="ks-num">0</td>
                @for (value of found.values; track $index) {
                  <td class="ks-num">{{ value == null ? '–' : number(value) }}</td>
                }
              </tr>
              @for (item of found.similar; track item.areaCode; let n = $index) {
                <tr>
                  <td class="ks-num">{{ n + 1 }}</td>
                  <th scope="row">{{ item.areaName }}</th>
                  <td class="ks-num">{{ number(item.distance, 2) }}</td>
                  @for (value of item.values; track $index; let i = $index) {
                    <td class="ks-num">
                      {{ value == null ? '–' : number(value) }}
                      <span class="ks-sub">{{
                        'comparisons.similar.share'
                          | transloco: { share: percent(shareOf(item.contributions, i)) }
                      }}</span>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p class="ks-hint">
          {{ 'comparisons.similar.periods' | transloco: { periods: periodsText(found) } }}
          {{ 'comparisons.similar.explain' | transloco }}
        </p>
        @if (found.similar.length) {
          <div class="ks-actions">
            <button
              mat-stroked-button
              type="button"
              data-testid="similar-compare"
              (click)="compareWithFound(found)"
            >
              {{ 'comparisons.similar.compare' | transloco }}
            </button>
          </div>
          <form [formGroup]="saveForm" (ngSubmit)="save(found)" aria-labelledby="similar-save-heading">
            <h3 id="similar-save-heading">{{ 'comparisons.similar.saveHeading' | transloco }}</h3>
            <mat-form-field>
              <mat-label>{{ 'comparisons.peerSets.title' | transloco }}</mat-label>
              <input matInput formControlName="title" maxlength="200" data-testid="similar-save-title" />
              <mat-error>{{ 'comparisons.peerSets.titleRequired' | transloco }}</mat-error>
            </mat-form-field>
            <mat-checkbox formControlName="shared">{{
              'comparisons.peerSets.shared' | transloco
            }}</mat-checkbox>
            <div class="ks-actions">
              <button mat-flat-button type="submit" data-testid="similar-save" [disabled]="saving()">
                {{ 'comparisons.similar.save' | transloco }}
              </button>
            </div>
            @if (saveError(); as failure) {
              <p class="ks-error" role="alert">{{ failure.messageKey | transloco }}</p>
            }
          </form>
        }
      }
    </section>
  `,
  styles: `
    .ks-fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 0 1rem;
    }
    .ks-weights {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      border: 1px solid var(--mat-sys-outline-variant, #c4c6d0);
      border-radius: 4px;
      margin: 0 0 1rem;
      padding: 0.5rem 1rem;
    }
    .ks-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block: 0.75rem;
    }
    .ks-sub {
      display: block;
      font-size: 0.8125rem;
      font-weight: 400;
    }
    .ks-origin-row {
      font-weight: 700;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.5rem;
    }
  `,
})
export class SimilarPanelComponent {
  readonly context = input.required<ComparisonContext>();
  /** The indicator compared on the page: preselected. */
  readonly indicatorCode = input<string | null>(null);
  /** The focus municipality: preselected. */
  readonly focus = input<string | null>(null);
  /** Compare with the municipality and those found. */
  readonly compare = output<string[]>();
  /** A peer set was saved: its id. */
  readonly saved = output<string>();

  private readonly comparisons = inject(ComparisonService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = injectLanguage();
  protected readonly max = MAX_SIMILAR_INDICATORS;

  readonly form = new FormGroup({
    areaCode: new FormControl<string | null>(null, Validators.required),
    indicators: new FormControl<string[]>([], {
      nonNullable: true,
      validators: [
        Validators.required,
        (control) => (control.value.length > MAX_SIMILAR_INDICATORS ? { max: true } : null),
      ],
    }),
  });
  readonly saveForm = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/)],
    }),
    shared: new FormControl(false, { nonNullable: true }),
  });

  readonly chosen = signal<string[]>([]);
  private readonly weights = signal<Record<string, number | null>>({});
  readonly weightProblem = computed(() =>
    this.chosen().some((code) => !this.validWeight(this.weights()[code] ?? 1)),
  );
  readonly busy = signal(false);
  readonly error = signal<AppError | null>(null);
  readonly result = signal<SimilarMunicipalities | null>(null);
  readonly saving = signal(false);
  readonly saveError = signal<AppError | null>(null);

  readonly indicatorOptions = computed(() => {
    const language = this.language();
    return this.context()
      .indicators.filter((indicator) => !indicator.collaborationId)
      .map((indicator) => ({ code: indicator.code, name: indicatorName(indicator, language) }))
      .sort((a, b) => compareSwedish(a.name, b.name));
  });

  constructor() {
    this.form.controls.indicators.valueChanges.subscribe((codes) => this.chosen.set(codes));
    // Start from what the page compares: the focus municipality and the indicator.
    effect(() => {
      const focus = this.focus();
      const code = this.indicatorCode();
      untracked(() => {
        if (focus && !this.form.controls.areaCode.value) this.form.controls.areaCode.setValue(focus);
        const official = this.context().indicators.some((i) => i.code === code && !i.collaborationId);
        if (code && official && !this.form.controls.indicators.value.length)
          this.form.controls.indicators.setValue([code]);
      });
    });
  }

  nameOf(code: string): string {
    const indicator = this.context().indicators.find((i) => i.code === code);
    return indicator ? indicatorName(indicator, this.language()) : code;
  }

  areaName(code: string): string {
    return this.context().municipalities.find((m) => m.code === code)?.name ?? code;
  }

  weightOf(code: string): number | null {
    return this.weights()[code] ?? 1;
  }

  setWeight(code: string, value: string): void {
    const weight = value === '' ? null : Number(value);
    this.weights.update((weights) => ({ ...weights, [code]: weight }));
  }

  private validWeight(weight: number | null): boolean {
    return weight != null && Number.isFinite(weight) && weight >= 0 && weight <= 10;
  }

  number(value: number, decimals = 1): string {
    return formatValue(value, decimals === 1 ? 'PERCENT' : 'COUNT', this.language());
  }

  /**
   * Each indicator's share of the distance: the API sends each indicator's term of the
   * squared distance (w · Δz² / Σw, summing to distance²), which the table shows as a share.
   */
  shareOf(terms: readonly number[], index: number): number {
    const total = terms.reduce((sum, term) => sum + term, 0);
    return total > 0 ? (terms[index] ?? 0) / total : 0;
  }

  percent(share: number): string {
    return `${formatValue(share * 100, 'CURRENCY', this.language())}\u00a0%`;
  }

  periodsText(found: SimilarMunicipalities): string {
    return found.indicatorCodes
      .map((code, i) => `${this.nameOf(code)}: ${periodLabel(found.periods[i] ?? '', this.language())}`)
      .join('; ');
  }

  search(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.weightProblem() || this.busy()) return;
    const { areaCode, indicators } = this.form.getRawValue();
    if (!areaCode) return;
    this.busy.set(true);
    this.error.set(null);
    this.comparisons
      .similar({
        collaborationId: this.context().collaborationId,
        areaCode,
        indicatorCodes: indicators,
        weights: indicators.map((code) => this.weights()[code] ?? 1),
        limit: 10,
      })
      .subscribe({
        next: (found) => {
          this.busy.set(false);
          this.result.set(found);
          if (!this.saveForm.controls.title.value)
            this.saveForm.controls.title.setValue(
              this.transloco.translate('comparisons.similar.defaultTitle', {
                name: this.areaName(found.areaCode),
              }),
            );
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(toAppError(error));
        },
      });
  }

  /** The municipality itself and those like it. */
  private areasOf(found: SimilarMunicipalities): string[] {
    return [found.areaCode, ...found.similar.map((item) => item.areaCode)];
  }

  compareWithFound(found: SimilarMunicipalities): void {
    this.compare.emit(this.areasOf(found));
  }

  save(found: SimilarMunicipalities): void {
    this.saveForm.markAllAsTouched();
    if (this.saveForm.invalid || this.saving()) return;
    const { title, shared } = this.saveForm.getRawValue();
    this.saving.set(true);
    this.saveError.set(null);
    this.comparisons
      .savePeerSet({
        collaborationId: this.context().collaborationId,
        title: title.trim(),
        areaCodes: this.areasOf(found),
        shared,
      })
      .subscribe({
        next: (set) => {
          this.saving.set(false);
          this.saved.emit(set.id);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.saveError.set(toAppError(error));
        },
      });
  }
}
