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
import { FormControl, FormGroup, FormRecord, Validators } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import { labelPeriod, periodOfDate } from '@kraftsamling/shared/periods';
import {
  ActionDetail,
  ActionOutcome,
  ActionService,
  OUTCOME_MEASURES,
  OutcomeMeasure,
  OutcomePeriodKind,
  countProblems,
  countsOf,
  isOutcomePeriod,
} from '@kraftsamling/web/actions/data-access';
import { FORM_IMPORTS, TEXT_FIELD_IMPORTS, serverValidatedForm } from '@kraftsamling/web/shared/forms';

type CountControls = Record<OutcomeMeasure, FormControl<number | null>>;

const countControl = () =>
  new FormControl<number | null>(0, [Validators.required, Validators.min(0), Validators.pattern(/^\d+$/)]);

/**
 * Records one period's outcomes of an action for the municipalities the user may record
 * (all of the action's for its group and the coordinator, their own for a municipal editor).
 * The figures already recorded fill the form; each row carries the version it showed, so
 * someone else's newer figures are never overwritten unseen: the API refuses, the newer
 * figures are shown, and a second save is a deliberate choice.
 */
@Component({
  selector: 'ks-outcome-form',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      class="ks-outcome-form"
      data-testid="outcome-form"
    >
      <h3>{{ 'actions.outcomes.record' | transloco }}</h3>
      <p class="ks-muted">{{ 'actions.outcomes.recordHint' | transloco }}</p>
      <ks-form-error [error]="submission.error()" [unshown]="submission.unshown()" />
      @if (newer().length) {
        <div class="ks-conflict" data-testid="outcome-conflict">
          <p>{{ 'actions.outcomes.newer' | transloco }}</p>
          <ul>
            @for (row of newer(); track row.municipalityCode) {
              <li>
                {{ name(row.municipalityCode) }} ({{ row.recordedByName ?? '' }}):
                @for (m of measures; track m; let last = $last) {
                  {{ 'actions.measures.' + m | transloco }} {{ row.counts[m] }}{{ last ? '' : ', ' }}
                }
              </li>
            }
          </ul>
        </div>
      }
      <mat-form-field>
        <mat-label>{{
          (periodKind() === 'WEEK' ? 'actions.outcomes.week' : 'actions.outcomes.month') | transloco
        }}</mat-label>
        <input
          matInput
          [type]="periodKind() === 'WEEK' ? 'week' : 'month'"
          formControlName="period"
          required
          data-testid="outcome-period"
        />
        <mat-hint>{{
          (periodKind() === 'WEEK' ? 'actions.outcomes.weekHint' : 'actions.outcomes.monthHint') | transloco
        }}</mat-hint>
        <mat-error>{{ 'actions.outcomes.periodError' | transloco }}</mat-error>
      </mat-form-field>
      <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="outcome-form-caption">
        <table class="ks-table ks-outcome-entry" formGroupName="rows">
          <caption id="outcome-form-caption" class="ks-visually-hidden">
            {{
              'actions.outcomes.formCaption' | transloco: { period: periodLabel() }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="ks-sticky">{{ 'actions.outcomes.municipality' | transloco }}</th>
              @for (m of measures; track m) {
                <th scope="col" [id]="'outcome-col-' + m">{{ 'actions.measures.' + m | transloco }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (code of codes(); track code) {
              <tr [formGroupName]="code" data-testid="outcome-row" [attr.data-municipality]="code">
                <th scope="row" class="ks-sticky" [id]="'outcome-row-' + code">{{ name(code) }}</th>
                @for (m of measures; track m) {
                  <td>
                    <input
                      type="number"
                      inputmode="numeric"
                      min="0"
                      step="1"
                      class="ks-count-input"
                      [formControlName]="m"
                      [attr.aria-labelledby]="'outcome-row-' + code + ' outcome-col-' + m"
                      [attr.aria-invalid]="!!problem(code, m)"
                      [attr.aria-describedby]="problem(code, m) ? 'outcome-problem-' + code + '-' + m : null"
                      [attr.data-testid]="'outcome-' + code + '-' + m"
                    />
                    @if (problem(code, m); as key) {
                      <span class="ks-cell-error" [id]="'outcome-problem-' + code + '-' + m">{{
                        key | transloco
                      }}</span>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (unchanged()) {
        <p role="alert" data-testid="outcome-unchanged">{{ 'actions.outcomes.unchanged' | transloco }}</p>
      }
      <button
        mat-flat-button
        type="submit"
        [attr.aria-disabled]="submission.busy()"
        data-testid="outcome-submit"
      >
        {{ (submission.busy() ? 'common.saving' : 'actions.outcomes.save') | transloco }}
      </button>
    </form>
  `,
  styles: `
    .ks-outcome-form {
      margin-top: 1.5rem;
    }
    .ks-count-input {
      width: 5.5rem;
      padding: 0.375rem;
      font: inherit;
      text-align: end;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
    }
    .ks-count-input[aria-invalid='true'] {
      border: 2px solid var(--mat-sys-error);
    }
    .ks-cell-error {
      display: block;
      max-width: 8rem;
      font-size: 0.8125rem;
      color: var(--mat-sys-error);
    }
    .ks-sticky {
      position: sticky;
      inset-inline-start: 0;
      background: var(--mat-sys-surface);
      z-index: 1;
    }
    .ks-conflict {
      padding: 0.5rem 1rem;
      border-inline-start: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      margin-bottom: 1rem;
    }
  `,
})
export class OutcomeFormComponent {
  readonly collaborationId = input.required<string>();
  readonly action = input.required<ActionDetail>();
  readonly periodKind = input.required<OutcomePeriodKind>();
  /** After a save: the page shows the new figures. */
  readonly saved = output<void>();
  /** After a conflict: the page loads the newer figures, which this form then shows. */
  readonly reload = output<void>();

  private readonly service = inject(ActionService);
  private readonly transloco = inject(TranslocoService);
  protected readonly measures = OUTCOME_MEASURES;

  readonly form = new FormGroup({
    period: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    rows: new FormRecord<FormGroup<CountControls>>({}),
  });
  protected readonly submission = serverValidatedForm(this.form);

  /** The municipalities this user may record, in the action's order. */
  readonly codes = computed(() => {
    const allowed = new Set(this.action().viewerCanRecordFor);
    return this.action()
      .municipalities.map((m) => m.code)
      .filter((code) => allowed.has(code));
  });
  private readonly period = signal('');
  /** The rows someone else saved since the form was filled, shown after a conflict. */
  readonly newer = signal<ActionOutcome[]>([]);
  /** The version of each municipality's row for the period, as the form showed it (null: none yet). */
  private readonly versions = new Map<string, number | null>();
  /** The counts the form was filled with: a row the user left as it was is not sent. */
  private readonly shown = new Map<string, Record<OutcomeMeasure, number>>();
  /** The last save found nothing changed (nothing was sent). */
  readonly unchanged = signal(false);
  /** A save was refused as stale: the next action that arrives carries the newer figures. */
  private awaitingNewer = false;

  constructor() {
    const kind = () => (this.periodKind() === 'WEEK' ? 'WEEK' : 'MONTH');
    // The current period is the sensible default: outcomes are recorded as they happen.
    effect(() => {
      const current = periodOfDate(new Date(), kind());
      untracked(() => {
        if (!this.form.controls.period.value) this.form.controls.period.setValue(current);
      });
    });
    this.form.controls.period.valueChanges.subscribe((value) => this.period.set(value));
    // A refused save because someone else recorded first: load their figures to show them.
    effect(() => {
      if (this.submission.error()?.code !== 'CONFLICT') return;
      untracked(() => {
        this.awaitingNewer = true;
        this.reload.emit();
      });
    });
    // Fill the rows with what is recorded for the chosen period, whenever the period or the
    // action (after a save or a reload) changes.
    effect(() => {
      const action = this.action();
      const period = this.period() || this.form.controls.period.value;
      const codes = this.codes();
      untracked(() => this.fill(action, period, codes));
    });
  }

  private fill(action: ActionDetail, period: string, codes: readonly string[]): void {
    const rows = this.form.controls.rows;
    const afterConflict = this.awaitingNewer;
    this.awaitingNewer = false;
    const newer: ActionOutcome[] = [];
    for (const code of Object.keys(rows.controls)) if (!codes.includes(code)) rows.removeControl(code);
    for (const code of codes) {
      const outcome = action.outcomes.find((o) => o.municipalityCode === code && o.period === period);
      const counts = countsOf(outcome);
      if (afterConflict && (outcome?.version ?? null) !== (this.versions.get(code) ?? null) && outcome)
        newer.push(outcome);
      this.versions.set(code, outcome?.version ?? null);
      let group = rows.controls[code];
      if (!group) {
        group = new FormGroup(
          Object.fromEntries(OUTCOME_MEASURES.map((m) => [m, countControl()])) as unknown as CountControls,
        );
        rows.addControl(code, group);
      }
      // After a conflict the user's own entries stay, beside the newer figures, to compare
      // and save again; otherwise the form shows what is recorded.
      if (!afterConflict) {
        this.shown.set(code, counts);
        group.reset(counts);
      }
    }
    this.newer.set(newer);
  }

  name(code: string): string {
    return this.action().municipalities.find((m) => m.code === code)?.name ?? code;
  }

  periodLabel(): string {
    const period = this.period();
    return period && isOutcomePeriod(period, this.periodKind())
      ? labelPeriod(period, this.transloco.getActiveLang() === 'en' ? 'en' : 'sv')
      : '';
  }

  /** The translation key of what is wrong with a cell, if anything. */
  problem(code: string, measure: OutcomeMeasure): string | null {
    const control = this.form.controls.rows.controls[code]?.controls[measure];
    if (!control || !(control.touched || control.dirty)) return null;
    if (control.invalid) return 'actions.outcomes.problems.count';
    const problems = countProblems(this.countsIn(code));
    const problem = problems[measure];
    return problem ? `actions.outcomes.problems.${problem}` : null;
  }

  private countsIn(code: string): Record<OutcomeMeasure, number> {
    const value = this.form.controls.rows.controls[code]?.getRawValue() ?? {};
    return Object.fromEntries(OUTCOME_MEASURES.map((m) => [m, Number(value[m] ?? 0)])) as Record<
      OutcomeMeasure,
      number
    >;
  }

  submit(): void {
    const period = this.form.controls.period.value;
    this.submission.submit({
      value: () => {
        if (!isOutcomePeriod(period, this.periodKind())) {
          this.form.controls.period.setErrors({ period: true });
          return null;
        }
        const codes = this.codes();
        if (codes.some((code) => Object.keys(countProblems(this.countsIn(code))).length)) return null;
        // Only what changed is sent: an untouched row of zeros records nothing.
        const rows = codes
          .map((code) => ({ code, counts: this.countsIn(code) }))
          .filter(({ code, counts }) => OUTCOME_MEASURES.some((m) => counts[m] !== this.shown.get(code)?.[m]))
          .map(({ code, counts }) => ({
            municipalityCode: code,
            period,
            counts,
            version: this.versions.get(code) ?? null,
          }));
        this.unchanged.set(!rows.length);
        return rows.length ? rows : null;
      },
      request: (rows) =>
        this.service.recordOutcomes({
          collaborationId: this.collaborationId(),
          actionId: this.action().id,
          rows,
        }),
      messages: { CONFLICT: 'actions.outcomes.conflict' },
      succeeded: () => {
        this.newer.set([]);
        this.saved.emit();
      },
    });
  }
}
