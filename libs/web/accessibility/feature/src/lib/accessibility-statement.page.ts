import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe, translateSignal } from '@jsverse/transloco';
import { startWith } from 'rxjs';
import { DIGG_REPORT_URL, PLATFORM_OPERATOR, STATEMENT_PUBLISHED, STATEMENT_REVIEWED } from './statement-config';

/** The known shortcomings, each a translation under a11y.shortcomings.items. */
export const KNOWN_SHORTCOMINGS = ['charts', 'reflow', 'import', 'language', 'exports', 'login'] as const;

/**
 * The accessibility statement (tillgänglighetsredogörelse), structured like the model
 * statement of Myndigheten för digital förvaltning (DIGG): who stands behind the service,
 * how accessible it is (partially compliant), what to do when something cannot be used,
 * how to report a problem, enforcement, the known shortcomings and how the service was
 * tested, with the dates. Public: it opens without signing in.
 */
@Component({
  selector: 'ks-accessibility-statement-page',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="ks-prose" aria-labelledby="a11y-heading">
      <h1 id="a11y-heading">{{ 'a11y.heading' | transloco }}</h1>
      <p class="ks-lead" data-testid="a11y-operator">{{ 'a11y.intro' | transloco: { operator: operator.name } }}</p>

      <h2>{{ 'a11y.status.heading' | transloco }}</h2>
      <p data-testid="a11y-compliance">{{ 'a11y.status.text' | transloco }}</p>

      <h2>{{ 'a11y.cannotUse.heading' | transloco }}</h2>
      <p>{{ 'a11y.cannotUse.text' | transloco }}</p>
      <ul>
        <li>
          {{ 'a11y.cannotUse.email' | transloco }}
          <a [href]="'mailto:' + operator.accessibilityEmail">{{ operator.accessibilityEmail }}</a>
        </li>
      </ul>
      <p>{{ 'a11y.cannotUse.responseTime' | transloco }}</p>

      <h2 id="a11y-report-heading">{{ 'a11y.report.heading' | transloco }}</h2>
      <p>{{ 'a11y.report.text' | transloco }}</p>
      <form
        class="ks-form"
        [formGroup]="report"
        (ngSubmit)="send()"
        aria-labelledby="a11y-report-heading"
        data-testid="a11y-report-form"
        novalidate
      >
        <div class="ks-dialog-form">
          <mat-form-field>
            <mat-label>{{ 'a11y.report.description' | transloco }}</mat-label>
            <textarea matInput formControlName="description" rows="5" required></textarea>
            <mat-hint>{{ 'a11y.report.descriptionHint' | transloco }}</mat-hint>
            <mat-error>{{ 'a11y.report.descriptionRequired' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'a11y.report.page' | transloco }}</mat-label>
            <input matInput formControlName="page" type="text" autocomplete="off" />
            <mat-hint>{{ 'a11y.report.pageHint' | transloco }}</mat-hint>
          </mat-form-field>
        </div>
        <button mat-flat-button type="submit" data-testid="a11y-report-send">
          {{ 'a11y.report.send' | transloco }}
        </button>
        <p class="ks-muted">
          {{ 'a11y.report.how' | transloco: { email: operator.accessibilityEmail } }}
          <a [href]="reportHref()" data-testid="a11y-report-link">{{ 'a11y.report.link' | transloco }}</a>
        </p>
        @if (sent()) {
          <p role="status" data-testid="a11y-report-sent">{{ 'a11y.report.sent' | transloco }}</p>
        }
      </form>
      <p>{{ 'a11y.report.responseTime' | transloco }}</p>

      <h2>{{ 'a11y.enforcement.heading' | transloco }}</h2>
      <p>{{ 'a11y.enforcement.text' | transloco }}</p>
      <p>
        <a [href]="diggUrl" rel="noopener">{{ 'a11y.enforcement.link' | transloco }}</a>
      </p>

      <h2>{{ 'a11y.technical.heading' | transloco }}</h2>
      <p>{{ 'a11y.technical.text' | transloco: { operator: operator.name } }}</p>

      <h2>{{ 'a11y.shortcomings.heading' | transloco }}</h2>
      <p>{{ 'a11y.shortcomings.text' | transloco }}</p>
      <h3>{{ 'a11y.shortcomings.nonCompliance' | transloco }}</h3>
      <ul data-testid="a11y-shortcomings">
        @for (item of shortcomings; track item) {
          <li>{{ 'a11y.shortcomings.items.' + item | transloco }}</li>
        }
      </ul>

      <h2>{{ 'a11y.method.heading' | transloco }}</h2>
      <p>{{ 'a11y.method.text' | transloco }}</p>
      <p>
        {{ 'a11y.method.published' | transloco }}
        <time [attr.datetime]="published" data-testid="a11y-published">{{ published }}</time>.
      </p>
      <p>
        {{ 'a11y.method.reviewed' | transloco }}
        <time [attr.datetime]="reviewed" data-testid="a11y-reviewed">{{ reviewed }}</time>.
      </p>
    </article>
  `,
})
export class AccessibilityStatementPage {
  protected readonly operator = PLATFORM_OPERATOR;
  protected readonly diggUrl = DIGG_REPORT_URL;
  protected readonly published = STATEMENT_PUBLISHED;
  protected readonly reviewed = STATEMENT_REVIEWED;
  protected readonly shortcomings = KNOWN_SHORTCOMINGS;

  readonly report = new FormGroup({
    description: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    page: new FormControl('', { nonNullable: true }),
  });
  readonly sent = signal(false);

  private readonly subject = translateSignal('a11y.report.subject');
  private readonly pageLabel = translateSignal('a11y.report.page');
  private readonly values = toSignal(this.report.valueChanges.pipe(startWith(this.report.value)), {
    requireSync: true,
  });

  /**
   * The report as an e-mail to the operator: subject in the user's language, the description
   * and the page in the body. Works with any mail program and needs no account here.
   */
  readonly reportHref = computed(() => {
    const { description = '', page = '' } = this.values();
    const body = [description.trim(), page.trim() ? `${this.pageLabel()}: ${page.trim()}` : '']
      .filter(Boolean)
      .join('\n\n');
    const query = [`subject=${encodeURIComponent(this.subject())}`, ...(body ? [`body=${encodeURIComponent(body)}`] : [])];
    return `mailto:${PLATFORM_OPERATOR.accessibilityEmail}?${query.join('&')}`;
  });

  send(): void {
    if (this.report.invalid) {
      this.report.markAllAsTouched();
      return;
    }
    window.location.href = this.reportHref();
    this.sent.set(true);
  }
}
