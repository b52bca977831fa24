import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  FETCH_SOURCES,
  FetchFormValue,
  IndicatorService,
  SourceFetch,
  apiMessage,
  fetchOutcome,
  fetchSourceInput,
} from '@kraftsamling/web/indicators/data-access';
import { AppError, toAppError } from '@kraftsamling/web/shared/errors';
import { FORM_IMPORTS, TEXT_FIELD_IMPORTS, focusFirstInvalid, serverError } from '@kraftsamling/web/shared/forms';
import type { FetchSource } from '@kraftsamling/web/shared/graphql';

/**
 * A statistics steward's fetch of official data: a Kolada key figure by id (from a year), an
 * SCB table by id, or an AF workbook by address. Says that it runs while it runs (a fetch
 * can take a while: every page, SCB's rate limit) and then how it went, in words.
 */
@Component({
  selector: 'ks-source-fetch-form',
  imports: [FORM_IMPORTS, TEXT_FIELD_IMPORTS, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      class="ks-form"
      aria-labelledby="source-fetch-heading"
      data-testid="source-fetch-form"
    >
      <h2 id="source-fetch-heading">{{ 'fetchForm.heading' | transloco }}</h2>
      <p>{{ 'fetchForm.lead' | transloco }}</p>
      <div class="ks-form__fields">
        <mat-form-field>
          <mat-label>{{ 'fetchForm.source' | transloco }}</mat-label>
          <mat-select formControlName="source" data-testid="fetch-source">
            @for (source of sources; track source) {
              <mat-option [value]="source">{{ 'fetchForm.sources.' + source | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'fetchForm.subject.' + source() | transloco }}</mat-label>
          <input
            matInput
            formControlName="subject"
            required
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            data-testid="fetch-subject"
          />
          <mat-hint>{{ 'fetchForm.subjectHint.' + source() | transloco }}</mat-hint>
          <mat-error>{{ subjectError() | transloco: { message: server('subject') } }}</mat-error>
        </mat-form-field>
        @if (source() !== 'AF') {
          <mat-form-field>
            <mat-label>{{ 'fetchForm.from' | transloco }}</mat-label>
            <input matInput formControlName="from" inputmode="numeric" autocomplete="off" data-testid="fetch-from" />
            <mat-hint>{{ 'fetchForm.fromHint' | transloco }}</mat-hint>
            <mat-error>{{ 'fetchForm.problems.fromYear' | transloco }}</mat-error>
          </mat-form-field>
        }
      </div>
      <button mat-flat-button type="submit" [attr.aria-disabled]="busy()" data-testid="fetch-submit">
        {{ (busy() ? 'fetchForm.running' : 'fetchForm.submit') | transloco }}
      </button>
      <div aria-live="polite" role="status" class="ks-fetch-status" data-testid="fetch-status">
        @if (busy()) {
          <p>{{ 'fetchForm.progress' | transloco: { source: ('fetchForm.sources.' + running()?.source | transloco), subject: running()?.subject } }}</p>
        } @else if (result(); as result) {
          <p [class.ks-fetch-failed]="result.status === 'FAILED'" data-testid="fetch-outcome">
            <span aria-hidden="true">{{ result.status === 'FAILED' ? '✖' : '✔' }}</span>
            {{ outcome().key | transloco: outcome().params }}
          </p>
        } @else if (error(); as error) {
          <p class="ks-fetch-failed" data-testid="fetch-error">
            {{ error.messageKey | transloco }}
            @if (errorText(); as text) {
              {{ text }}
            }
          </p>
        }
      </div>
    </form>
  `,
  styles: `
    .ks-fetch-status p {
      margin: 1rem 0 0;
    }
    .ks-fetch-failed {
      border-inline-start: 4px solid var(--mat-sys-error);
      padding-inline-start: 0.75rem;
    }
  `,
})
export class SourceFetchFormComponent {
  /** What to fetch, filled in (e.g. from an indicator of the catalogue without values). */
  readonly initialSource = input<FetchSource>('KOLADA');
  readonly initialSubject = input<string>('');
  /** A fetch ended (imported, nothing new or failed): the page refreshes what it shows. */
  readonly fetched = output<SourceFetch>();

  private readonly service = inject(IndicatorService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly sources = FETCH_SOURCES;

  readonly form = new FormGroup({
    source: new FormControl<FetchSource>('KOLADA', { nonNullable: true }),
    subject: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
  });
  protected readonly source = toSignal(this.form.controls.source.valueChanges, {
    initialValue: this.form.controls.source.value,
  });
  readonly busy = signal(false);
  protected readonly running = signal<{ source: FetchSource; subject: string } | null>(null);
  readonly result = signal<SourceFetch | null>(null);
  readonly error = signal<AppError | null>(null);
  protected readonly errorText = signal<string | null>(null);
  protected readonly outcome = computed(() => {
    const result = this.result();
    return result ? fetchOutcome(result) : { key: '', params: {} };
  });
  private readonly problem = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.form.controls.source.setValue(this.initialSource());
      this.form.controls.subject.setValue(this.initialSubject());
    });
  }

  protected subjectError(): string {
    if (this.server('subject')) return 'errors.fieldInvalid';
    return `fetchForm.problems.${this.problem() ?? 'subjectRequired'}`;
  }

  protected server(field: 'subject'): string | null {
    return serverError(this.form.controls[field]);
  }

  submit(): void {
    if (this.busy()) return;
    this.form.markAllAsTouched();
    this.result.set(null);
    this.error.set(null);
    const checked = fetchSourceInput(this.form.getRawValue() satisfies FetchFormValue);
    if ('problem' in checked) {
      if (checked.field === 'subject') this.problem.set(checked.problem);
      this.form.controls[checked.field].setErrors({ [checked.problem]: true });
      focusFirstInvalid(this.host);
      return;
    }
    this.busy.set(true);
    this.running.set({ source: checked.input.source, subject: checked.input.subject });
    this.service.fetchSource(checked.input).subscribe({
      next: (fetch) => {
        this.busy.set(false);
        this.result.set(fetch);
        this.fetched.emit(fetch);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const appError = toAppError(error);
        const subjectProblem = appError.fields.find((field) => field.field === 'subject');
        if (subjectProblem) this.form.controls.subject.setErrors({ server: subjectProblem.message });
        this.errorText.set(apiMessage(error));
        this.error.set(appError);
      },
    });
  }
}
