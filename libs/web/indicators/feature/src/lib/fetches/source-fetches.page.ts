import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { FETCH_SOURCES, IndicatorService, SourceFetch } from '@kraftsamling/web/indicators/data-access';
import type { FetchSource } from '@kraftsamling/web/shared/graphql';
import { SourceFetchFormComponent } from './source-fetch-form.component';
import { formatDateTime, formatValue, injectLanguage } from '@kraftsamling/web/indicators/ui';
import { loadOnChange } from '@kraftsamling/web/shared/graphql';
import { PageStateComponent } from '@kraftsamling/web/shared/ui';
import { compareSwedish } from '@kraftsamling/web/shared/i18n';

/** How a fetch ended, as an icon beside its words (never colour alone). */
const STATUS_ICONS: Record<SourceFetch['status'], string> = {
  IMPORTED: '✔',
  NOTHING_NEW: '–',
  FAILED: '✖',
  RUNNING: '…',
};

/**
 * The statistics stewards' view of the fetches of official data: the latest fetch of each
 * source's subject first (with its error, if it failed), then every fetch, newest first.
 */
@Component({
  selector: 'ks-source-fetches-page',
  imports: [RouterLink, TranslocoPipe, PageStateComponent, SourceFetchFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ks-page-state
      [state]="page.state()"
      headingKey="sourceFetches.heading"
      loadingKey="sourceFetches.loading"
      (retry)="page.reload(false)"
    />
    @if (fetches(); as fetches) {
      <div class="ks-page-header">
        <h1 tabindex="-1">{{ 'sourceFetches.heading' | transloco }}</h1>
        <p class="ks-lead">{{ 'sourceFetches.lead' | transloco }}</p>
        <p>
          <a [routerLink]="['/s', slug(), 'import', 'historik']">{{
            'sourceFetches.historyLink' | transloco
          }}</a>
          ·
          <a [routerLink]="['/s', slug(), 'import', 'scb-tabell']" data-testid="define-scb-link">{{
            'sourceFetches.defineScbLink' | transloco
          }}</a>
        </p>
      </div>
      <ks-source-fetch-form
        [initialSource]="initialSource()"
        [initialSubject]="subject() ?? ''"
        (fetched)="page.reload()"
      />
      @if (!fetches.length) {
        <p data-testid="source-fetches-empty">{{ 'sourceFetches.none' | transloco }}</p>
      } @else {
        <h2>{{ 'sourceFetches.latestHeading' | transloco }}</h2>
        <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="source-fetches-latest">
          <table class="ks-table" data-testid="source-fetches-latest">
            <caption id="source-fetches-latest" class="ks-visually-hidden">
              {{
                'sourceFetches.latestCaption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'sourceFetches.subject' | transloco }}</th>
                <th scope="col">{{ 'sourceFetches.status' | transloco }}</th>
                <th scope="col">{{ 'sourceFetches.finishedAt' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'sourceFetches.inserted' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'sourceFetches.changed' | transloco }}</th>
                <th scope="col">{{ 'sourceFetches.message' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (fetch of latest(); track fetch.id) {
                <tr>
                  <th scope="row">{{ 'imports.sources.' + fetch.source | transloco }} {{ fetch.subject }}</th>
                  <td>
                    <span aria-hidden="true">{{ icon(fetch) }}</span>
                    {{ 'sourceFetches.statuses.' + fetch.status | transloco }}
                  </td>
                  <td>{{ when(fetch.finishedAt ?? fetch.startedAt) }}</td>
                  <td class="ks-num">{{ count(fetch.inserted) }}</td>
                  <td class="ks-num">{{ count(fetch.changed) }}</td>
                  <td>{{ fetch.message ?? '' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <h2>{{ 'sourceFetches.allHeading' | transloco: { count: fetches.length } }}</h2>
        <div class="ks-table-scroll" role="region" tabindex="0" aria-labelledby="source-fetches-all">
          <table class="ks-table" data-testid="source-fetches-all">
            <caption id="source-fetches-all" class="ks-visually-hidden">
              {{
                'sourceFetches.allCaption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'sourceFetches.startedAt' | transloco }}</th>
                <th scope="col">{{ 'sourceFetches.subject' | transloco }}</th>
                <th scope="col">{{ 'sourceFetches.trigger' | transloco }}</th>
                <th scope="col">{{ 'sourceFetches.status' | transloco }}</th>
                <th scope="col" class="ks-num">{{ 'sourceFetches.inserted' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (fetch of fetches; track fetch.id) {
                <tr>
                  <td>{{ when(fetch.startedAt) }}</td>
                  <th scope="row">{{ 'imports.sources.' + fetch.source | transloco }} {{ fetch.subject }}</th>
                  <td>{{ 'sourceFetches.triggers.' + fetch.trigger | transloco }}</td>
                  <td>
                    <span aria-hidden="true">{{ icon(fetch) }}</span>
                    {{ 'sourceFetches.statuses.' + fetch.status | transloco }}
                  </td>
                  <td class="ks-num">{{ count(fetch.inserted) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
})
export class SourceFetchesPage {
  readonly slug = input.required<string>();
  /** What to fetch, from the address (the catalogue links here with an indicator's source and id). */
  readonly source = input<string | null>(null);
  readonly subject = input<string | null>(null);
  protected readonly initialSource = computed<FetchSource>(() => {
    const source = this.source();
    return FETCH_SOURCES.find((known) => known === source) ?? 'KOLADA';
  });
  private readonly indicators = inject(IndicatorService);
  private readonly language = injectLanguage();
  protected readonly transloco = inject(TranslocoService);

  protected readonly page = loadOnChange(this.slug, () => this.indicators.sourceFetches());
  readonly fetches = computed(() => {
    const state = this.page.state();
    return state.status === 'ready' ? state.data : null;
  });
  /** The newest fetch of each source's subject, failures first: what needs a steward's eye. */
  readonly latest = computed(() => {
    const seen = new Map<string, SourceFetch>();
    for (const fetch of this.fetches() ?? []) {
      const key = `${fetch.source}|${fetch.subject}`;
      if (!seen.has(key)) seen.set(key, fetch);
    }
    return [...seen.values()].sort(
      (a, b) =>
        Number(b.status === 'FAILED') - Number(a.status === 'FAILED') || compareSwedish(a.subject, b.subject),
    );
  });

  icon(fetch: SourceFetch): string {
    return STATUS_ICONS[fetch.status];
  }

  when(iso: string | null | undefined): string {
    return formatDateTime(iso, this.language());
  }

  count(value: number): string {
    return formatValue(value, 'COUNT', this.language());
  }
}
