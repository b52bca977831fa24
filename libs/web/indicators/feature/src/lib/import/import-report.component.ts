import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ImportProblem, ImportReport, ProblemLocation } from '@kraftsamling/web/indicators/data-access';
import { formatValue, injectLanguage } from '@kraftsamling/web/indicators/ui';
import { labelPeriod } from '@kraftsamling/shared/periods';
import { locationParts } from './problem-location';

/** How many problems show before "show all": enough to see the pattern, few enough to read. */
export const PROBLEMS_SHOWN_FIRST = 100;

/**
 * An import's report: the counts, every problem with where it is in the file, and the
 * series the file holds that no indicator reads.
 */
@Component({
  selector: 'ks-import-report',
  imports: [MatButton, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = report();
    <dl class="ks-counts">
      <div>
        <dt>{{ 'imports.report.inserted' | transloco }}</dt>
        <dd>{{ count(r.inserted) }}</dd>
      </div>
      <div>
        <dt>{{ 'imports.report.changed' | transloco }}</dt>
        <dd>{{ count(r.changed) }}</dd>
      </div>
      <div>
        <dt>{{ 'imports.report.unchanged' | transloco }}</dt>
        <dd>{{ count(r.unchanged) }}</dd>
      </div>
      @if (r.format) {
        <div>
          <dt>{{ 'imports.report.format' | transloco }}</dt>
          <dd>{{ 'imports.formats.' + r.format | transloco }}</dd>
        </div>
      }
    </dl>

    @if (r.manualOverwrites.length) {
      <section class="ks-section" aria-labelledby="import-manual-heading">
        <h3 id="import-manual-heading">
          {{ 'imports.report.manualHeading' | transloco: { count: r.manualOverwrites.length } }}
        </h3>
        <p>{{ 'imports.report.manualLead' | transloco }}</p>
        <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="import-manual-caption">
          <table class="ks-table" data-testid="import-manual-overwrites">
            <caption id="import-manual-caption" class="ks-visually-hidden">
              {{
                'imports.report.manualCaption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'imports.report.indicator' | transloco }}</th>
                <th scope="col">{{ 'imports.report.area' | transloco }}</th>
                <th scope="col">{{ 'imports.report.period' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'imports.report.current' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'imports.report.new' | transloco }}</th>
                <th scope="col">{{ 'imports.report.enteredBy' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (value of r.manualOverwrites; track $index) {
                <tr>
                  <th
                    scope="row"
                    [attr.lang]="
                      language() === 'en' && value.indicatorNameEn === value.indicatorNameSv ? 'sv' : null
                    "
                  >
                    {{ language() === 'en' ? value.indicatorNameEn : value.indicatorNameSv }}
                  </th>
                  <td>{{ value.areaName }}</td>
                  <td>{{ period(value.period) }}</td>
                  <td class="ks-num">{{ number(value.value) }}</td>
                  <td class="ks-num">{{ number(value.newValue) }}</td>
                  <td>{{ value.enteredBy }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    }

    @if (r.problems.length) {
      <section class="ks-section" aria-labelledby="import-problems-heading">
        <h3 id="import-problems-heading">
          {{ 'imports.report.problemsHeading' | transloco: { count: r.problems.length } }}
        </h3>
        <p>{{ 'imports.report.problemsLead' | transloco }}</p>
        <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="import-problems-caption">
          <table class="ks-table" data-testid="import-problems">
            <caption id="import-problems-caption" class="ks-visually-hidden">
              {{
                'imports.report.problemsCaption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'imports.report.location' | transloco }}</th>
                <th scope="col">{{ 'imports.report.message' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (problem of shownProblems(); track $index) {
                <tr>
                  <th scope="row">{{ where(problem.location) }}</th>
                  @if (said(problem); as text) {
                    <td>{{ text }}</td>
                  } @else {
                    <!-- The API's own words, in English, for a problem this version cannot name. -->
                    <td lang="en">{{ problem.message }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (r.problems.length > shownProblems().length) {
          <button mat-stroked-button type="button" (click)="showAll.set(true)">
            {{ 'imports.report.showAll' | transloco: { count: r.problems.length } }}
          </button>
        }
      </section>
    }

    @if (r.unmappedSeries.length) {
      <section class="ks-section" aria-labelledby="import-unmapped-heading">
        <h3 id="import-unmapped-heading">
          {{ 'imports.report.unmappedHeading' | transloco: { count: r.unmappedSeries.length } }}
        </h3>
        <p>{{ 'imports.report.unmappedLead' | transloco }}</p>
        <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="import-unmapped-caption">
          <table class="ks-table" data-testid="import-unmapped">
            <caption id="import-unmapped-caption" class="ks-visually-hidden">
              {{
                'imports.report.unmappedCaption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'imports.report.series' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'imports.report.values' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (series of r.unmappedSeries; track series.series) {
                <tr>
                  <th scope="row">
                    <code>{{ series.series }}</code>
                  </th>
                  <td class="ks-num">{{ count(series.values) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    }
  `,
  styles: `
    .ks-counts {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem 2rem;
      margin: 0 0 1rem;
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        font: var(--mat-sys-title-large);
        font-variant-numeric: tabular-nums;
      }
    }
    .ks-num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    h3 {
      margin-top: 1rem;
    }
  `,
})
export class ImportReportComponent {
  readonly report = input.required<ImportReport>();
  readonly showAll = signal(false);
  readonly shownProblems = computed(() => {
    const problems = this.report().problems;
    return this.showAll() ? problems : problems.slice(0, PROBLEMS_SHOWN_FIRST);
  });
  private readonly transloco = inject(TranslocoService);
  protected readonly language = injectLanguage();

  /** "blad Data, cell C12", or "Hela filen" for a problem with no location. */
  where(location: ProblemLocation): string {
    this.language(); // translated again when the language changes
    const parts = locationParts(location).map((part) =>
      this.transloco.translate(`imports.location.${part.key}`, { value: part.value }),
    );
    return parts.length ? parts.join(', ') : this.transloco.translate('imports.report.wholeFile');
  }

  /**
   * A problem in the user's language, from its code and parameters; null when the API gave
   * no code this version knows (then its English message is shown, marked as English).
   */
  said(problem: ImportProblem): string | null {
    this.language(); // translated again when the language changes
    if (!problem.code || !/^[A-Z_]+$/.test(problem.code)) return null;
    const params: Record<string, string | number> = { ...problem.params };
    if (typeof params['periodicity'] === 'string')
      params['periodicityName'] = this.transloco.translate(
        `imports.problems.periodicity.${params['periodicity']}`,
      );
    const more = typeof params['more'] === 'number' && params['more'] > 0;
    for (const key of more
      ? [`imports.problems.${problem.code}_MORE`, `imports.problems.${problem.code}`]
      : [`imports.problems.${problem.code}`]) {
      const text = this.transloco.translate(key, params);
      if (text !== key) return text;
    }
    return null;
  }

  /** "september 2024", as the user's language writes it. */
  period(code: string): string {
    return labelPeriod(code, this.language());
  }

  count(value: number): string {
    return formatValue(value, 'COUNT', this.language());
  }

  /** A value as the user writes it ("12,5" in Swedish); an empty cell for no value. */
  number(value: number | null): string {
    return value === null ? '' : formatValue(value, 'OTHER', this.language());
  }
}
