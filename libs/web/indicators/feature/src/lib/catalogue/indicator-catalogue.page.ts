import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  linkedSignal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PlatformPermission } from '@kraftsamling/shared/permissions';
import { CollaborationService, MeStore } from '@kraftsamling/web/collaborations/data-access';
import {
  CatalogueFilter,
  Indicator,
  IndicatorService,
  catalogueFilterFromParams,
  catalogueParams,
  defaultCatalogue,
  indicatorName,
  isDefaultFilter,
  isKnownTheme,
  sourcesOf,
  themesOf,
} from '@kraftsamling/web/indicators/data-access';
import {
  IndicatorActionsDirective,
  IndicatorTableComponent,
  indicatorFactTexts,
  indicatorNameLang,
  injectLanguage,
} from '@kraftsamling/web/indicators/ui';
import { IndicatorSource, LoadState, loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy, compareSwedish } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent, drawInSlices, drawnInNextTask } from '@kraftsamling/web/shared/ui';
import { Observable, debounceTime, map, merge, of } from 'rxjs';
import { IndicatorLinksComponent } from '../shared/indicator-links.component';

/** How long the search waits after the last key press before filtering (ms). */
export const SEARCH_DEBOUNCE_MS = 250;

/** How many indicators the catalogue draws at first, and how many more on each request. */
export const CATALOGUE_PAGE = 30;
/**
 * The same on a phone, where a card is most of a screen: drawing 30 cards was most of the
 * page's work on a phone's main thread, before anyone could scroll to the tenth.
 */
export const CATALOGUE_PHONE_PAGE = 15;

/** Below this width (a phone) the catalogue is a list of cards, not a table. */
export const CARD_LAYOUT_QUERY = '(max-width: 40rem)';

/**
 * The indicator catalogue: search (by the API, most relevant first), filter by theme and
 * source, and a link to each indicator. The search and the filters live in the address, so
 * Back from an indicator and a reload find them again. Register-based series are folded
 * under their BAS successor unless the user asks for them.
 */
@Component({
  selector: 'ks-indicator-catalogue-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    TranslocoPipe,
    PageStateComponent,
    IndicatorTableComponent,
    IndicatorActionsDirective,
    IndicatorLinksComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <!-- The heading and the introduction need no data: shown while the catalogue loads. -->
    <div class="ks-page-header">
      <h1>{{ 'indicators.catalogue.heading' | transloco }}</h1>
      <p class="ks-lead">{{ 'indicators.catalogue.lead' | transloco }}</p>
      @if (current.status === 'ready') {
        <ks-indicator-links
          [slug]="current.data.collaboration.slug"
          [permissions]="current.data.collaboration.myPermissions"
        />
      }
    </div>
    <ks-page-state [state]="current" loadingKey="indicators.catalogue.loading" (retry)="page.reload(false)">
      @if (current.status === 'ready') {
        @let data = current.data;

        @if (filtersDrawn()) {
          <section class="ks-section" aria-labelledby="catalogue-filters-heading">
            <h2 id="catalogue-filters-heading" class="ks-visually-hidden">
              {{ 'indicators.catalogue.filters' | transloco }}
            </h2>
            <form role="search" class="ks-filters" (submit)="$event.preventDefault()">
              <mat-form-field class="ks-filters__search">
                <mat-label>{{ 'indicators.catalogue.search' | transloco }}</mat-label>
                <input matInput type="search" [formControl]="searchControl" autocomplete="off" />
                <mat-hint>{{ 'indicators.catalogue.searchHint' | transloco }}</mat-hint>
              </mat-form-field>
              <!-- The browser's own lists: a phone opens its native picker, and drawing them is a
                 fraction of Material's selects with a component per option. -->
              <mat-form-field>
                <mat-label>{{ 'indicators.catalogue.theme' | transloco }}</mat-label>
                <select matNativeControl [formControl]="themeControl" data-testid="theme-filter">
                  <option [ngValue]="null">{{ 'indicators.catalogue.allThemes' | transloco }}</option>
                  @for (theme of themes(); track theme) {
                    <option [ngValue]="theme">
                      @if (knownTheme(theme)) {
                        {{ 'indicators.themes.' + theme | transloco }}
                      } @else {
                        {{ theme }}
                      }
                    </option>
                  }
                </select>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'indicators.catalogue.source' | transloco }}</mat-label>
                <select matNativeControl [formControl]="sourceControl" data-testid="source-filter">
                  <option [ngValue]="null">{{ 'indicators.catalogue.allSources' | transloco }}</option>
                  @for (source of sources(); track source) {
                    <option [ngValue]="source">{{ 'indicators.sources.' + source | transloco }}</option>
                  }
                </select>
              </mat-form-field>
              <mat-checkbox [formControl]="allControl" class="ks-filters__all" data-testid="all-series">
                {{ 'indicators.catalogue.all' | transloco }}
              </mat-checkbox>
            </form>
            <p role="status" class="ks-muted" data-testid="catalogue-count">
              @switch (results.state().status) {
                @case ('loading') {
                  {{ 'indicators.catalogue.searching' | transloco }}
                }
                @case ('error') {
                  {{ 'indicators.catalogue.searchFailed' | transloco }}
                }
                @default {
                  {{
                    (filter().search.trim()
                      ? 'indicators.catalogue.countRanked'
                      : 'indicators.catalogue.count'
                    ) | transloco: { shown: shown().length, total: data.indicators.length }
                  }}
                }
              }
            </p>
          </section>
        }

        @if (results.state().status === 'error') {
          <div class="ks-card">
            <button mat-stroked-button type="button" (click)="results.reload(false)">
              {{ 'indicators.catalogue.retry' | transloco }}
            </button>
          </div>
        } @else if (shown().length) {
          @if (cards()) {
            <ul
              class="ks-indicator-cards"
              data-testid="catalogue-cards"
              [attr.aria-label]="
                'indicators.catalogue.caption' | transloco: { collaboration: data.collaboration.name }
              "
            >
              @for (indicator of drawn(); track indicator.id) {
                <li class="ks-card">
                  <a
                    class="ks-indicator-cards__name"
                    [routerLink]="['/s', data.collaboration.slug, 'nyckeltal', indicator.code]"
                    [attr.lang]="nameLang(indicator)"
                    >{{ name(indicator) }}</a
                  >
                  <p class="ks-muted">
                    {{ 'indicators.units.' + indicator.unit | transloco }} ·
                    {{ 'indicators.periodicities.' + indicator.periodicity | transloco }} ·
                    {{ 'indicators.sources.' + indicator.source | transloco }}
                  </p>
                  <p class="ks-indicator-cards__code">
                    <code>{{ indicator.code }}</code>
                  </p>
                  @let facts = factTexts(indicator);
                  <p data-testid="coverage">
                    @if (indicator.coverage) {
                      {{ 'indicators.catalogue.coverageCount' | transloco: { count: indicator.coverage } }}
                      · {{ 'indicators.catalogue.lastPeriod' | transloco }}: {{ facts.lastPeriod }}
                    } @else {
                      {{ 'indicators.catalogue.noValues' | transloco }}
                    }
                  </p>
                  @if (indicator.lastImportedAt || indicator.lastFetchedAt) {
                    <p class="ks-muted">
                      @if (indicator.lastImportedAt) {
                        {{ 'indicators.catalogue.imported' | transloco: { when: facts.imported } }}
                      }
                      @if (indicator.lastFetchedAt) {
                        {{ 'indicators.catalogue.fetched' | transloco: { when: facts.fetched } }}
                      }
                    </p>
                  }
                  @if (indicator.sourceUrl) {
                    <p>
                      <a [href]="indicator.sourceUrl" target="_blank" rel="noopener">{{
                        'indicators.catalogue.sourcePageLink'
                          | transloco
                            : {
                                source: ('indicators.sources.' + indicator.source | transloco),
                                subject: indicator.sourceSubject,
                              }
                      }}</a>
                    </p>
                  }
                  @if (facts.definition) {
                    <details class="ks-indicator-cards__definition">
                      <summary>{{ 'indicators.catalogue.definition' | transloco }}</summary>
                      <p [attr.lang]="facts.definitionLang">{{ facts.definition }}</p>
                    </details>
                  }
                  @if (canFetch(indicator)) {
                    <p>
                      <a
                        [routerLink]="['/s', data.collaboration.slug, 'import', 'hamtningar']"
                        [queryParams]="{ source: indicator.source, subject: indicator.sourceSubject }"
                        data-testid="fetch-values"
                        >{{ 'indicators.catalogue.fetchValues' | transloco }}</a
                      >
                    </p>
                  }
                  @if (indicator.supersedesCode && !filter().all) {
                    <p>
                      <a
                        [routerLink]="['/s', data.collaboration.slug, 'nyckeltal', indicator.supersedesCode]"
                        >{{ 'indicators.catalogue.supersedes' | transloco }}</a
                      >
                    </p>
                  }
                </li>
              }
            </ul>
          } @else {
            <ks-indicator-table
              [indicators]="drawn()"
              [slug]="data.collaboration.slug"
              [caption]="
                'indicators.catalogue.caption' | transloco: { collaboration: data.collaboration.name }
              "
              [columns]="['source', 'coverage', 'lastPeriod', 'updated']"
              [definitions]="true"
              actionsHeadingKey="indicators.catalogue.fetchColumn"
            >
              @if (steward()) {
                <ng-template
                  ksIndicatorActions
                  [ksIndicatorActionsOf]="drawn()"
                  let-indicator
                  let-name="name"
                >
                  @if (canFetch(indicator)) {
                    <a
                      [routerLink]="['/s', data.collaboration.slug, 'import', 'hamtningar']"
                      [queryParams]="{ source: indicator.source, subject: indicator.sourceSubject }"
                      data-testid="fetch-values"
                      >{{ 'indicators.catalogue.fetchValues' | transloco
                      }}<span class="ks-visually-hidden">: {{ name }}</span></a
                    >
                  }
                </ng-template>
              }
            </ks-indicator-table>
          }
          <!-- Once the first entries are drawn (before, each slice would push it down), and from
               then on also while more are drawn: it keeps the keyboard's focus. -->
          @if (listDrawn() && shown().length > visible().length) {
            <p class="ks-more">
              <button mat-stroked-button type="button" (click)="showMore()" data-testid="catalogue-more">
                {{
                  'indicators.catalogue.showMore'
                    | transloco: { count: nextCount(), remaining: shown().length - visible().length }
                }}
              </button>
            </p>
          }
        } @else if (results.state().status === 'ready') {
          <div class="ks-card" data-testid="catalogue-empty">
            @if (data.indicators.length) {
              <p>{{ 'indicators.catalogue.empty' | transloco }}</p>
              <button mat-stroked-button type="button" (click)="clearFilters()">
                {{ 'indicators.catalogue.clear' | transloco }}
              </button>
            } @else {
              <p>{{ 'indicators.catalogue.none' | transloco }}</p>
            }
          </div>
        }
      }
    </ks-page-state>
  `,
  styles: `
    .ks-more {
      margin-block: 1rem;
    }
    .ks-filters {
      display: grid;
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: 0.75rem 1rem;
    }
    .ks-filters__search {
      grid-column: span 2;
    }
    .ks-filters__all {
      align-self: center;
    }
    .ks-indicator-cards {
      list-style: none;
      padding: 0;
      margin: 0 0 1.5rem;
      display: grid;
      gap: 0.75rem;
    }
    .ks-indicator-cards p {
      margin: 0.25rem 0 0;
    }
    .ks-indicator-cards__name {
      font-weight: 600;
    }
    .ks-indicator-cards__code code {
      white-space: normal;
      overflow-wrap: anywhere;
    }
    @media (max-width: 40rem) {
      .ks-filters__search {
        grid-column: auto;
      }
    }
    code {
      font-size: 0.875em;
      white-space: nowrap;
    }
  `,
})
export class IndicatorCataloguePage {
  readonly slug = input.required<string>();

  private readonly collaborations = inject(CollaborationService);
  private readonly indicators = inject(IndicatorService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly language = injectLanguage();

  protected readonly page = loadOnChange(
    this.slug,
    (slug) =>
      this.collaborations
        // The collaboration's id, or on a page load its slug: the catalogue is asked for beside `me`.
        .collaborationAnd(slug, (collaboration) => this.indicators.indicators(collaboration))
        .pipe(map(({ collaboration, data }) => ({ collaboration, indicators: data }))),
    (data) => this.titles?.setDetail(data.collaboration.name),
  );
  readonly state = this.page.state;

  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** The filter as the address names it: the one source of truth, so Back and reload restore it. */
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  readonly filter = computed(() => catalogueFilterFromParams((name) => this.params().get(name)));

  readonly searchControl = new FormControl(this.filter().search, { nonNullable: true });
  readonly themeControl = new FormControl<string | null>(this.filter().theme);
  readonly sourceControl = new FormControl<IndicatorSource | null>(this.filter().source);
  readonly allControl = new FormControl(this.filter().all, { nonNullable: true });

  readonly cards = toSignal(
    inject(BreakpointObserver)
      .observe(CARD_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  private readonly all = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data.indicators : [];
  });
  readonly themes = computed(() => themesOf(this.all()));
  readonly sources = computed(() => sourcesOf(this.all()));

  /** The filtered catalogue: from the API when filtered (a search is ranked there), else the page's list. */
  readonly results = loadOnChange(
    () => {
      const state = this.state();
      return state.status === 'ready' ? JSON.stringify([state.data.collaboration.id, this.filter()]) : null;
    },
    (key): Observable<Indicator[] | null> => {
      if (key === null) return of(null);
      const [collaborationId, filter] = JSON.parse(key) as [string, CatalogueFilter];
      return isDefaultFilter(filter) ? of(null) : this.indicators.search(collaborationId, filter);
    },
  );
  readonly shown = computed(() => {
    const results = this.results.state() as LoadState<Indicator[] | null>;
    if (results.status !== 'ready') return [];
    return results.data ?? defaultCatalogue(this.all(), this.language(), compareSwedish);
  });
  /**
   * How many of the shown indicators are drawn: the first page, more on request, back to the
   * first page when the list changes. Drawing all 211 cards at once was a second of a phone's
   * main thread (Lighthouse); a search puts what is sought among the first anyway.
   */
  private readonly pageSize = computed(() => (this.cards() ? CATALOGUE_PHONE_PAGE : CATALOGUE_PAGE));
  private readonly listed = linkedSignal<number>(() => {
    this.shown();
    return this.pageSize();
  });
  readonly visible = computed(() => this.shown().slice(0, this.listed()));
  // The heading first, the filters in the task after it, then the entries five at a time:
  // each a short task on a phone (heading and filters together were a long one).
  // Keyed by the status, not the data: a reload in the background must not redraw the filters
  // (the search field would lose focus while someone types).
  protected readonly filtersDrawn = drawnInNextTask(() => this.state().status);
  private readonly drawnCount = drawInSlices(
    () => (this.filtersDrawn() ? this.visible().length : 0),
    () => this.shown(),
    { first: 0, step: 5 },
  );
  /** The visible ones drawn so far: a few at once, the rest in the tasks after. */
  protected readonly drawn = computed(() => this.visible().slice(0, this.drawnCount()));
  /** True once this list's first entries were all drawn, until the list changes. */
  protected readonly listDrawn = linkedSignal<{ list: readonly Indicator[]; complete: boolean }, boolean>({
    source: () => ({ list: this.shown(), complete: this.drawn().length === this.visible().length }),
    computation: (source, previous) =>
      source.complete || (previous?.source.list === source.list && previous.value),
  });
  protected readonly nextCount = computed(() =>
    Math.min(this.pageSize(), this.shown().length - this.listed()),
  );
  protected readonly knownTheme = isKnownTheme;

  showMore(): void {
    this.listed.update((count) => count + this.pageSize());
  }

  constructor() {
    // Typing updates the address (replacing the entry: Back leaves the page, not each letter).
    merge(
      this.searchControl.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS)),
      this.themeControl.valueChanges,
      this.sourceControl.valueChanges,
      this.allControl.valueChanges,
    )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.navigate());
    // The address changed by Back or Forward: the fields follow it.
    effect(() => {
      const filter = this.filter();
      if (filter.search.trim() !== this.searchControl.value.trim())
        this.searchControl.setValue(filter.search, { emitEvent: false });
      if (filter.theme !== this.themeControl.value)
        this.themeControl.setValue(filter.theme, { emitEvent: false });
      if (filter.source !== this.sourceControl.value)
        this.sourceControl.setValue(filter.source, { emitEvent: false });
      if (filter.all !== this.allControl.value) this.allControl.setValue(filter.all, { emitEvent: false });
    });
  }

  private readonly meStore = inject(MeStore);
  /** A statistics steward may fetch an indicator's values from its source (the API checks again). */
  readonly steward = computed(() => this.meStore.canOnPlatform(PlatformPermission.OfficialImport));

  /** An indicator without values whose source can be fetched by its id: the steward is offered to. */
  protected canFetch(indicator: Indicator): boolean {
    return (
      this.steward() &&
      !indicator.coverage &&
      !!indicator.sourceSubject &&
      (indicator.source === 'KOLADA' || indicator.source === 'SCB')
    );
  }

  protected factTexts(indicator: Indicator) {
    return indicatorFactTexts(indicator, this.language());
  }

  protected name(indicator: Indicator): string {
    return indicatorName(indicator, this.language());
  }

  protected nameLang(indicator: Indicator): 'sv' | null {
    return indicatorNameLang(indicator, this.language());
  }

  private navigate(): void {
    const filter: CatalogueFilter = {
      search: this.searchControl.value,
      theme: this.themeControl.value,
      source: this.sourceControl.value,
      all: this.allControl.value,
    };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: catalogueParams(filter),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  clearFilters(): void {
    this.searchControl.setValue('', { emitEvent: false });
    this.themeControl.setValue(null, { emitEvent: false });
    this.sourceControl.setValue(null, { emitEvent: false });
    this.allControl.setValue(false, { emitEvent: false });
    this.navigate();
  }
}
