import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import {
  IndicatorService,
  indicatorDescription,
  indicatorName,
  isKnownTheme,
} from '@kraftsamling/web/indicators/data-access';
import {
  IndicatorChartComponent,
  LatestValuesComponent,
  SeriesTableComponent,
  indicatorNameLang,
  injectLanguage,
  latestValues,
  periodLabel,
  seriesTable,
} from '@kraftsamling/web/indicators/ui';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { NativeOptionsDirective, PageStateComponent, drawnInNextTask } from '@kraftsamling/web/shared/ui';
import { forkJoin, map } from 'rxjs';

/** How many periods the page shows at first: two years of months, a year of weeks… */
export const DEFAULT_PERIODS: Readonly<Record<string, number>> = {
  WEEK: 52,
  MONTH: 24,
  QUARTER: 12,
  YEAR: 10,
};

/**
 * One indicator for the collaboration's member municipalities over time: what it is, a
 * line chart, and the same data as a table with each value's provenance; the members taken
 * together ("the region") as one more line and column.
 */
@Component({
  selector: 'ks-indicator-page',
  imports: [
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    TranslocoPipe,
    PageStateComponent,
    NativeOptionsDirective,
    IndicatorChartComponent,
    LatestValuesComponent,
    SeriesTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      headingKey="titles.indicator"
      loadingKey="indicators.indicator.loading"
      (retry)="page.reload(false)"
    >
      <p ksPageError>
        <a [routerLink]="['/s', slug(), 'nyckeltal']">{{ 'indicators.indicator.back' | transloco }}</a>
      </p>
      @if (current.status === 'ready') {
        @let indicator = current.data.series.indicator;
        <div class="ks-page-header">
          <p>
            <a [routerLink]="['/s', slug(), 'nyckeltal']">{{ 'indicators.indicator.back' | transloco }}</a>
          </p>
          <h1 [attr.lang]="nameLang()">{{ name() }}</h1>
          @if (description(); as text) {
            <p class="ks-lead">{{ text }}</p>
          }
          <p>
            <!-- The comparison page, linked by address only (features do not import each other). -->
            <a
              [routerLink]="['/s', slug(), 'jamfor']"
              [queryParams]="{ indicator: indicator.code }"
              data-testid="indicator-compare-link"
              >{{ 'comparisons.link' | transloco }}</a
            >
          </p>
        </div>

        <section class="ks-section" aria-labelledby="indicator-facts-heading">
          <h2 id="indicator-facts-heading" class="ks-visually-hidden">
            {{ 'indicators.indicator.facts' | transloco }}
          </h2>
          <dl class="ks-facts">
            <div>
              <dt>{{ 'indicators.indicator.unit' | transloco }}</dt>
              <dd>{{ 'indicators.units.' + indicator.unit | transloco }}</dd>
            </div>
            <div>
              <dt>{{ 'indicators.indicator.periodicity' | transloco }}</dt>
              <dd>{{ 'indicators.periodicities.' + indicator.periodicity | transloco }}</dd>
            </div>
            <div>
              <dt>{{ 'indicators.indicator.source' | transloco }}</dt>
              <dd>{{ 'indicators.sources.' + indicator.source | transloco }}</dd>
            </div>
            <div>
              <dt>{{ 'indicators.indicator.direction' | transloco }}</dt>
              <dd>{{ 'indicators.directions.' + indicator.direction | transloco }}</dd>
            </div>
            <div>
              <dt>{{ 'indicators.indicator.theme' | transloco }}</dt>
              <dd>
                @if (knownTheme(indicator.theme)) {
                  {{ 'indicators.themes.' + indicator.theme | transloco }}
                } @else {
                  {{ indicator.theme }}
                }
              </dd>
            </div>
            <div>
              <dt>{{ 'indicators.indicator.code' | transloco }}</dt>
              <dd>
                <code>{{ indicator.code }}</code>
              </dd>
            </div>
          </dl>
          @if (indicator.kind === 'RATIO') {
            <p data-testid="indicator-ratio">
              {{
                'indicators.indicator.ratio'
                  | transloco
                    : {
                        numerator: indicator.numeratorCode,
                        denominator: indicator.denominatorCode,
                        factor: indicator.factor ?? 1,
                      }
              }}
            </p>
          }
        </section>

        @if (!current.data.series.areas.length) {
          <p class="ks-card">{{ 'indicators.indicator.noAreas' | transloco }}</p>
        } @else if (!periods().length) {
          <p class="ks-card" data-testid="indicator-no-values">
            {{ 'indicators.indicator.noValues' | transloco }}
          </p>
        } @else {
          <!-- Every municipality's latest figure, one to a line: what a phone shows without
               scrolling sideways (the table of periods scrolls in its own region below). -->
          <section class="ks-section" aria-labelledby="indicator-latest-heading">
            <h2 id="indicator-latest-heading">{{ 'indicators.indicator.latestHeading' | transloco }}</h2>
            <p class="ks-muted">{{ 'indicators.indicator.latestHint' | transloco }}</p>
            <ks-latest-values [values]="latest()" [unit]="indicator.unit" [names]="properNames()" />
          </section>

          <!-- The period lists, the chart and the table in the task after the rest (below it on
               a phone, and a period list has an option per month): two shorter drawings. -->
          @if (restDrawn()) {
            <!-- The browser's own lists: a phone opens its native picker, and two hundred months
               cost no component each (Material's list made one per period on every draw) nor a
               view each (ksNativeOptions makes the options as plain elements). -->
            <section class="ks-section" aria-labelledby="indicator-range-heading">
              <h2 id="indicator-range-heading">{{ 'indicators.indicator.range' | transloco }}</h2>
              <div class="ks-range">
                <mat-form-field>
                  <mat-label>{{ 'indicators.indicator.from' | transloco }}</mat-label>
                  <select
                    matNativeControl
                    [ksNativeOptions]="fromOptions()"
                    [ksSelected]="from()"
                    (change)="from.set(selected($event))"
                    data-testid="range-from"
                  ></select>
                </mat-form-field>
                <mat-form-field>
                  <mat-label>{{ 'indicators.indicator.to' | transloco }}</mat-label>
                  <select
                    matNativeControl
                    [ksNativeOptions]="toOptions()"
                    [ksSelected]="to()"
                    (change)="to.set(selected($event))"
                    data-testid="range-to"
                  ></select>
                  <mat-hint>{{ 'indicators.indicator.rangeHint' | transloco }}</mat-hint>
                </mat-form-field>
              </div>
            </section>

            <section class="ks-section" aria-labelledby="indicator-chart-heading">
              <h2 id="indicator-chart-heading">{{ 'indicators.indicator.chartHeading' | transloco }}</h2>
              <!-- Drawn when it comes into view: the chart library is the heaviest script of the
                 app (a second of a phone's main thread), and a phone shows the latest values first. -->
              @defer (on viewport) {
                <ks-indicator-chart [table]="chartTable()" [unit]="indicator.unit" [indicatorName]="name()" />
              } @placeholder {
                <div class="ks-deferred ks-deferred--chart" data-testid="chart-placeholder"></div>
              }
            </section>

            <section class="ks-section" aria-labelledby="indicator-table-heading">
              <h2 id="indicator-table-heading">{{ 'indicators.indicator.tableHeading' | transloco }}</h2>
              <!-- Likewise the table: a value's provenance on each of its cells. -->
              @defer (on viewport) {
                <ks-series-table
                  [table]="table()"
                  [caption]="caption()"
                  [unit]="indicator.unit"
                  [ratio]="indicator.kind === 'RATIO'"
                />
              } @placeholder {
                <div class="ks-deferred ks-deferred--table" data-testid="table-placeholder"></div>
              }
            </section>
          }
        }
      }
    </ks-page-state>
  `,
  styles: `
    /* Room for what is drawn when it comes into view, so the page does not jump. */
    .ks-deferred--chart {
      min-height: 22rem;
    }
    .ks-deferred--table {
      min-height: 16rem;
    }
    .ks-facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
      gap: 0.75rem 1.5rem;
      margin: 0;
      dt {
        font-weight: 600;
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
      }
    }
    .ks-range {
      display: flex;
      align-items: flex-start;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
    }
    code {
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
  `,
})
export class IndicatorPage {
  readonly slug = input.required<string>();
  readonly code = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly indicators = inject(IndicatorService);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly language = injectLanguage();

  readonly from = signal<string | null>(null);
  readonly to = signal<string | null>(null);
  protected readonly page = loadOnChange(
    () => ({ slug: this.slug(), code: this.code() }),
    ({ slug, code }) =>
      this.collaborations
        // The collaboration's id, or on a page load its slug: the series are asked for beside `me`.
        .collaborationAnd(slug, (collaboration) =>
          forkJoin({
            series: this.indicators.series(collaboration, code),
            // The member municipalities taken together, for the "region" line and column.
            region: this.indicators.regionSeries(collaboration, code),
          }),
        )
        .pipe(map(({ collaboration, data }) => ({ collaboration, ...data }))),
    (data) => {
      const periods = [...data.series.periods].sort();
      const shown = DEFAULT_PERIODS[data.series.indicator.periodicity] ?? 24;
      this.from.set(periods[Math.max(0, periods.length - shown)] ?? null);
      this.to.set(periods[periods.length - 1] ?? null);
    },
  );
  readonly state = this.page.state;
  protected readonly restDrawn = drawnInNextTask(() => this.state().status);

  private readonly series = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data.series : null;
  });
  readonly name = computed(() => {
    const series = this.series();
    return series ? indicatorName(series.indicator, this.language()) : '';
  });
  /** "sv" when the English page shows a name that exists only in Swedish. */
  readonly nameLang = computed(() => {
    const series = this.series();
    return series ? indicatorNameLang(series.indicator, this.language()) : null;
  });
  readonly description = computed(() => {
    const series = this.series();
    return series ? indicatorDescription(series.indicator, this.language()) : null;
  });
  /** The periods that have data, oldest first. */
  readonly periods = computed(() => [...(this.series()?.periods ?? [])].sort());
  /** Each period with its label, for the period lists. */
  private readonly periodOptions = computed(() => {
    const language = this.language();
    return this.periods().map((period) => ({ value: period, label: periodLabel(period, language) }));
  });
  readonly fromOptions = computed(() =>
    this.periodOptions().filter(({ value }) => !this.to() || value <= this.to()!),
  );
  readonly toOptions = computed(() =>
    this.periodOptions().filter(({ value }) => !this.from() || value >= this.from()!),
  );
  private readonly region = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data.region : null;
  });
  readonly table = computed(() => {
    const series = this.series();
    return series
      ? seriesTable(series, {
          from: this.from(),
          to: this.to(),
          order: 'newestFirst',
          // No region of one area or none: it would only repeat that area's column.
          region: series.areas.length > 1 ? this.region() : null,
        })
      : { areas: [], rows: [] };
  });
  /** Each member's latest figure, over all periods (not only the range the table shows). */
  readonly latest = computed(() => {
    const series = this.series();
    return series ? latestValues(series) : [];
  });
  /** The municipalities' proper names ("Helsingborgs stad"), by code: the list has room for them. */
  readonly properNames = computed(() => {
    const state = this.state();
    if (state.status !== 'ready') return {};
    return Object.fromEntries(
      state.data.collaboration.organizations.flatMap((organization) =>
        organization.municipalityCode ? [[organization.municipalityCode, organization.properName]] : [],
      ),
    );
  });
  readonly chartTable = computed(() => {
    const table = this.table();
    return { ...table, rows: [...table.rows].reverse() };
  });
  readonly caption = computed(() => {
    const series = this.series();
    if (!series) return '';
    const language = this.language();
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    return t('indicators.indicator.caption', {
      name: this.name(),
      period: t(`indicators.periodNouns.${series.indicator.periodicity}`),
      from: this.from() ? periodLabel(this.from()!, language) : '',
      to: this.to() ? periodLabel(this.to()!, language) : '',
      unit: t(`indicators.units.${series.indicator.unit}`),
    });
  });
  protected readonly knownTheme = isKnownTheme;

  constructor() {
    // The title names the indicator, in the language shown.
    effect(() => {
      const name = this.name();
      if (name) untracked(() => this.titles?.setDetail(name));
    });
  }

  /** The period a native list was set to. */
  protected selected(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }
}
