import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  TemplateRef,
  computed,
  contentChild,
  inject,
  input,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { formatDateTime, periodLabel } from './formatting';
import { indicatorNameLang, injectLanguage } from './language';

/** What the table shows of an indicator (the catalogue's and the local indicators' rows alike). */
export interface IndicatorRow {
  id: string;
  code: string;
  nameSv: string;
  nameEn: string;
  unit: string;
  periodicity: string;
  source: string;
  direction: string;
  descriptionSv?: string | null;
  descriptionEn?: string | null;
  /** What the catalogue tells of its values (the catalogue's rows only). */
  coverage?: number;
  lastPeriod?: string | null;
  lastImportedAt?: string | null;
  lastFetchedAt?: string | null;
  sourceSubject?: string | null;
  sourceUrl?: string | null;
}

/** An optional column after unit and periodicity. */
export type IndicatorColumn = 'source' | 'direction' | 'coverage' | 'lastPeriod' | 'updated';

/** The indicator's name in the language shown, falling back to the other language's. */
export function indicatorRowName(
  indicator: Pick<IndicatorRow, 'nameSv' | 'nameEn'>,
  language: string,
): string {
  return language === 'en' ? indicator.nameEn || indicator.nameSv : indicator.nameSv || indicator.nameEn;
}

/** The context of a row's actions template: the row's indicator and its name as shown. */
export interface IndicatorActionsContext<T extends IndicatorRow> {
  $implicit: T;
  name: string;
}

/**
 * Marks the `<ng-template ksIndicatorActions [ksIndicatorActionsOf]="indicators" let-indicator
 * let-name="name">` whose content fills each row's last cell (buttons acting on that indicator).
 * `ksIndicatorActionsOf` only types `indicator` as the page's own indicator type.
 */
@Directive({ selector: 'ng-template[ksIndicatorActions]' })
export class IndicatorActionsDirective<T extends IndicatorRow = IndicatorRow> {
  readonly template = inject<TemplateRef<IndicatorActionsContext<T>>>(TemplateRef);
  readonly ksIndicatorActionsOf = input<readonly T[]>();

  static ngTemplateContextGuard<T extends IndicatorRow>(
    _directive: IndicatorActionsDirective<T>,
    _context: unknown,
  ): _context is IndicatorActionsContext<T> {
    return true;
  }
}

/**
 * What a catalogue row says of an indicator besides its name: its definition in the language
 * shown (else the other, marked), the latest period and the dates of its last import and fetch.
 */
export function indicatorFactTexts(indicator: IndicatorRow, language: 'sv' | 'en') {
  const own = language === 'en' ? indicator.descriptionEn : indicator.descriptionSv;
  const other = language === 'en' ? indicator.descriptionSv : indicator.descriptionEn;
  return {
    definition: own || other || null,
    definitionLang: !own && other ? (language === 'en' ? 'sv' : 'en') : null,
    lastPeriod: indicator.lastPeriod ? periodLabel(indicator.lastPeriod, language) : '',
    imported: formatDateTime(indicator.lastImportedAt, language),
    fetched: formatDateTime(indicator.lastFetchedAt, language),
  };
}

let nextId = 0;

/**
 * A list of indicators as an accessible table: the name (a link to the indicator's page, in
 * the language shown), code, unit, periodicity, the optional source or direction columns,
 * and an actions column when the page provides an actions template.
 */
@Component({
  selector: 'ks-indicator-table',
  imports: [RouterLink, TranslocoPipe, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ks-definition summary {
      cursor: pointer;
      font-weight: 400;
    }
    .ks-definition p {
      font-weight: 400;
      margin: 0.25rem 0 0;
      max-width: 40rem;
    }
  `,
  template: `
    <div class="ks-table-scroll" role="region" tabindex="0" [attr.aria-labelledby]="captionId">
      <table class="ks-table" [attr.data-testid]="testId()">
        <caption [id]="captionId" class="ks-visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ nameHeadingKey() | transloco }}</th>
            <th scope="col">{{ 'indicators.catalogue.code' | transloco }}</th>
            <th scope="col">{{ 'indicators.catalogue.unit' | transloco }}</th>
            <th scope="col">{{ 'indicators.catalogue.periodicity' | transloco }}</th>
            @for (column of columns(); track column) {
              <th scope="col">{{ columnHeadingKeys[column] | transloco }}</th>
            }
            @if (actions()) {
              <th scope="col">{{ actionsHeadingKey() | transloco }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.indicator.id) {
            <tr>
              <th scope="row">
                <a [routerLink]="['/s', slug(), 'nyckeltal', row.indicator.code]" [attr.lang]="row.lang">{{
                  row.name
                }}</a>
                @if (definitions() && row.definition) {
                  <details class="ks-definition">
                    <summary>{{ 'indicators.catalogue.definition' | transloco }}</summary>
                    <p [attr.lang]="row.definitionLang">{{ row.definition }}</p>
                  </details>
                }
              </th>
              <td>
                <code>{{ row.indicator.code }}</code>
              </td>
              <td>{{ 'indicators.units.' + row.indicator.unit | transloco }}</td>
              <td>{{ 'indicators.periodicities.' + row.indicator.periodicity | transloco }}</td>
              @for (column of columns(); track column) {
                @if (column === 'source') {
                  <td>
                    {{ 'indicators.sources.' + row.indicator.source | transloco }}
                    @if (row.indicator.sourceUrl) {
                      <a
                        [href]="row.indicator.sourceUrl"
                        target="_blank"
                        rel="noopener"
                        data-testid="source-page"
                      >
                        {{ row.indicator.sourceSubject
                        }}<span class="ks-visually-hidden">{{
                          'indicators.catalogue.sourcePage' | transloco
                        }}</span>
                      </a>
                    }
                  </td>
                } @else if (column === 'coverage') {
                  <td [class.ks-num]="row.indicator.coverage" data-testid="coverage">
                    @if (row.indicator.coverage) {
                      {{
                        'indicators.catalogue.coverageCount' | transloco: { count: row.indicator.coverage }
                      }}
                    } @else {
                      {{ 'indicators.catalogue.noValues' | transloco }}
                    }
                  </td>
                } @else if (column === 'lastPeriod') {
                  <td>{{ row.lastPeriod }}</td>
                } @else if (column === 'updated') {
                  <td>
                    @if (row.indicator.lastImportedAt) {
                      {{ 'indicators.catalogue.imported' | transloco: { when: row.imported } }}
                    }
                    @if (row.indicator.lastFetchedAt) {
                      <br />{{ 'indicators.catalogue.fetched' | transloco: { when: row.fetched } }}
                    }
                  </td>
                } @else {
                  <td>{{ 'indicators.directions.' + row.indicator.direction | transloco }}</td>
                }
              }
              @if (actions(); as actions) {
                <td class="ks-actions">
                  <ng-container
                    *ngTemplateOutlet="
                      actions.template;
                      context: { $implicit: row.indicator, name: row.name }
                    "
                  />
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class IndicatorTableComponent<T extends IndicatorRow = IndicatorRow> {
  readonly indicators = input.required<readonly T[]>();
  /** The collaboration's slug, for the links to each indicator's page. */
  readonly slug = input.required<string>();
  /** Read by screen readers as the table's name. */
  readonly caption = input.required<string>();
  readonly columns = input<readonly IndicatorColumn[]>([]);
  readonly nameHeadingKey = input('indicators.catalogue.name');
  readonly actionsHeadingKey = input('localIndicators.list.actions');
  readonly testId = input<string | null>(null);

  protected readonly actions = contentChild<IndicatorActionsDirective<T>>(IndicatorActionsDirective);
  protected readonly captionId = `ks-indicator-table-caption-${nextId++}`;
  protected readonly columnHeadingKeys: Record<IndicatorColumn, string> = {
    source: 'indicators.catalogue.sourceColumn',
    direction: 'indicators.indicator.direction',
    coverage: 'indicators.catalogue.coverage',
    lastPeriod: 'indicators.catalogue.lastPeriod',
    updated: 'indicators.catalogue.updated',
  };
  /** Whether each name has its definition (the description) to unfold beneath it. */
  readonly definitions = input(false);

  readonly #language = injectLanguage();
  protected readonly rows = computed(() => {
    const language = this.#language();
    return this.indicators().map((indicator) => ({
      indicator,
      name: indicatorRowName(indicator, language),
      lang: indicatorNameLang(indicator, language),
      ...indicatorFactTexts(indicator, language),
    }));
  });
}
