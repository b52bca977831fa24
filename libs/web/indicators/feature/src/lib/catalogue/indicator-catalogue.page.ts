import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import {
  IndicatorService,
  filterIndicators,
  isKnownTheme,
  sourcesOf,
  themesOf,
} from '@kraftsamling/web/indicators/data-access';
import { IndicatorTableComponent, injectLanguage } from '@kraftsamling/web/indicators/ui';
import { IndicatorSource, loadOnChange } from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy } from '@kraftsamling/web/shared/i18n';
import { PageStateComponent } from '@kraftsamling/web/shared/ui';
import { debounceTime, map, switchMap } from 'rxjs';
import { IndicatorLinksComponent } from '../shared/indicator-links.component';

/** How long the search waits after the last key press before filtering (ms). */
export const SEARCH_DEBOUNCE_MS = 250;

/** The indicator catalogue: search, filter by theme and source, and a link to each indicator. */
@Component({
  selector: 'ks-indicator-catalogue-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoPipe,
    PageStateComponent,
    IndicatorTableComponent,
    IndicatorLinksComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <ks-page-state
      [state]="current"
      headingKey="indicators.catalogue.heading"
      loadingKey="indicators.catalogue.loading"
      (retry)="page.reload(false)"
    >
      @if (current.status === 'ready') {
        @let data = current.data;
        <div class="ks-page-header">
          <h1>{{ 'indicators.catalogue.heading' | transloco }}</h1>
          <p class="ks-lead">{{ 'indicators.catalogue.lead' | transloco }}</p>
          <ks-indicator-links
            [slug]="data.collaboration.slug"
            [permissions]="data.collaboration.myPermissions"
          />
        </div>

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
            <mat-form-field>
              <mat-label>{{ 'indicators.catalogue.theme' | transloco }}</mat-label>
              <mat-select [formControl]="themeControl" data-testid="theme-filter">
                <mat-option [value]="null">{{ 'indicators.catalogue.allThemes' | transloco }}</mat-option>
                @for (theme of themes(); track theme) {
                  <mat-option [value]="theme">
                    @if (knownTheme(theme)) {
                      {{ 'indicators.themes.' + theme | transloco }}
                    } @else {
                      {{ theme }}
                    }
                  </mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'indicators.catalogue.source' | transloco }}</mat-label>
              <mat-select [formControl]="sourceControl" data-testid="source-filter">
                <mat-option [value]="null">{{ 'indicators.catalogue.allSources' | transloco }}</mat-option>
                @for (source of sources(); track source) {
                  <mat-option [value]="source">{{ 'indicators.sources.' + source | transloco }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </form>
          <p role="status" class="ks-muted">
            {{
              'indicators.catalogue.count'
                | transloco: { shown: filtered().length, total: data.indicators.length }
            }}
          </p>
        </section>

        @if (filtered().length) {
          <ks-indicator-table
            [indicators]="filtered()"
            [slug]="data.collaboration.slug"
            [caption]="'indicators.catalogue.caption' | transloco: { collaboration: data.collaboration.name }"
            [columns]="['source']"
          />
        } @else {
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
    .ks-filters {
      display: grid;
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: 0.75rem 1rem;
    }
    .ks-filters__search {
      grid-column: span 2;
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
        .collaboration(slug, true)
        .pipe(
          switchMap((collaboration) =>
            this.indicators
              .indicators(collaboration.id)
              .pipe(map((indicators) => ({ collaboration, indicators }))),
          ),
        ),
    (data) => this.titles?.setDetail(data.collaboration.name),
  );
  readonly state = this.page.state;

  readonly searchControl = new FormControl('', { nonNullable: true });
  readonly themeControl = new FormControl<string | null>(null);
  readonly sourceControl = new FormControl<IndicatorSource | null>(null);
  private readonly search = toSignal(this.searchControl.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS)), {
    initialValue: '',
  });
  private readonly theme = toSignal(this.themeControl.valueChanges, { initialValue: null });
  private readonly source = toSignal(this.sourceControl.valueChanges, { initialValue: null });

  private readonly all = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data.indicators : [];
  });
  readonly themes = computed(() => themesOf(this.all()));
  readonly sources = computed(() => sourcesOf(this.all()));
  readonly filtered = computed(() =>
    filterIndicators(
      this.all(),
      { search: this.search(), theme: this.theme(), source: this.source() },
      this.language(),
    ),
  );
  protected readonly knownTheme = isKnownTheme;

  clearFilters(): void {
    this.searchControl.setValue('');
    this.themeControl.setValue(null);
    this.sourceControl.setValue(null);
  }
}
