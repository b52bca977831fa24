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
}

/** An optional column after unit and periodicity. */
export type IndicatorColumn = 'source' | 'direction';

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
              </th>
              <td>
                <code>{{ row.indicator.code }}</code>
              </td>
              <td>{{ 'indicators.units.' + row.indicator.unit | transloco }}</td>
              <td>{{ 'indicators.periodicities.' + row.indicator.periodicity | transloco }}</td>
              @for (column of columns(); track column) {
                @if (column === 'source') {
                  <td>{{ 'indicators.sources.' + row.indicator.source | transloco }}</td>
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
  };

  readonly #language = injectLanguage();
  protected readonly rows = computed(() => {
    const language = this.#language();
    return this.indicators().map((indicator) => ({
      indicator,
      name: indicatorRowName(indicator, language),
      lang: indicatorNameLang(indicator, language),
    }));
  });
}
