import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { TranslocoPipe, translateSignal } from '@jsverse/transloco';

/** Where to report accessibility problems. */
export const ACCESSIBILITY_CONTACT = 'tillganglighet@kraftsamling.example';
/** DIGG's form for reporting public digital services that are not accessible. */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';
/** Date of the last assessment and of this statement (ISO 8601). */
export const STATEMENT_DATE = '2026-11-23';

/**
 * The accessibility statement (tillgänglighetsredogörelse), structured like the model
 * published by Myndigheten för digital förvaltning (DIGG) for Swedish public-sector services.
 */
@Component({
  selector: 'ks-accessibility-statement-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="ks-prose" aria-labelledby="a11y-heading">
      <h1 id="a11y-heading">{{ 'a11y.heading' | transloco }}</h1>
      <p class="ks-lead">{{ 'a11y.intro' | transloco }}</p>

      <h2>{{ 'a11y.status.heading' | transloco }}</h2>
      <p data-testid="a11y-compliance">{{ 'a11y.status.text' | transloco }}</p>

      <h2>{{ 'a11y.cannotUse.heading' | transloco }}</h2>
      <p>{{ 'a11y.cannotUse.text' | transloco }}</p>
      <ul>
        <li>
          {{ 'a11y.cannotUse.email' | transloco }}
          <a [href]="'mailto:' + contact">{{ contact }}</a>
        </li>
      </ul>
      <p>{{ 'a11y.cannotUse.responseTime' | transloco }}</p>

      <h2>{{ 'a11y.report.heading' | transloco }}</h2>
      <p>{{ 'a11y.report.text' | transloco }}</p>
      <p>
        <a [href]="reportHref()" data-testid="a11y-report-link">
          {{ 'a11y.report.link' | transloco }}
        </a>
      </p>
      <p>{{ 'a11y.report.responseTime' | transloco }}</p>

      <h2>{{ 'a11y.enforcement.heading' | transloco }}</h2>
      <p>{{ 'a11y.enforcement.text' | transloco }}</p>
      <p>
        <a [href]="diggUrl" rel="noopener">{{ 'a11y.enforcement.link' | transloco }}</a>
      </p>

      <h2>{{ 'a11y.technical.heading' | transloco }}</h2>
      <p>{{ 'a11y.technical.text' | transloco }}</p>

      <h2>{{ 'a11y.shortcomings.heading' | transloco }}</h2>
      <p>{{ 'a11y.shortcomings.text' | transloco }}</p>
      <p>{{ 'a11y.shortcomings.charts' | transloco }}</p>

      <h2>{{ 'a11y.method.heading' | transloco }}</h2>
      <p>{{ 'a11y.method.text' | transloco }}</p>
      <p>
        {{ 'a11y.method.assessed' | transloco }}
        <time [attr.datetime]="date">{{ date }}</time>.
      </p>
      <p>
        {{ 'a11y.method.updated' | transloco }}
        <time [attr.datetime]="date">{{ date }}</time>.
      </p>
    </article>
  `,
})
export class AccessibilityStatementPage {
  protected readonly contact = ACCESSIBILITY_CONTACT;
  protected readonly diggUrl = DIGG_REPORT_URL;
  protected readonly date = STATEMENT_DATE;
  private readonly subject = translateSignal('a11y.report.subject');
  /** A mailto link with a subject in the user's language, so the report is easy to route. */
  readonly reportHref = computed(
    () => `mailto:${ACCESSIBILITY_CONTACT}?subject=${encodeURIComponent(this.subject())}`,
  );
}
