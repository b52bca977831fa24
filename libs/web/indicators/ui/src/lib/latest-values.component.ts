import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { formatRange, formatValueWithUnit, periodLabel, rangeWords } from './formatting';
import { injectLanguage } from './language';
import { LatestValue } from './series-table';

interface LatestView {
  areaCode: string;
  name: string;
  shown: string;
  /** what a screen reader says instead of the symbols ("fewer than 5", "missing") */
  spoken: string | null;
  preliminary: boolean;
  period: string | null;
}

/**
 * Each area's latest figure as a list, one area to a line: readable on a phone without
 * scrolling sideways (the table of every period is wider than the screen), and the
 * answer to "where are we now?" at a glance on any screen.
 */
@Component({
  selector: 'ks-latest-values',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="ks-latest" role="list" data-testid="latest-values">
      @for (item of items(); track item.areaCode) {
        <li class="ks-latest__item" data-testid="latest-value" [attr.data-area]="item.areaCode">
          <span class="ks-latest__name">{{ item.name }}</span>
          <span class="ks-latest__value">
            @if (item.spoken) {
              <span aria-hidden="true">{{ item.shown }}</span>
              <span class="ks-visually-hidden">{{ item.spoken }}</span>
            } @else {
              {{ item.shown }}
            }
            @if (item.preliminary) {
              <span class="ks-muted"> ({{ 'indicators.value.preliminary' | transloco }}) </span>
            }
          </span>
          <span class="ks-latest__period ks-muted">
            @if (item.period) {
              {{ item.period }}
            } @else {
              {{ 'indicators.latest.none' | transloco }}
            }
          </span>
        </li>
      }
    </ul>
  `,
  styles: `
    .ks-latest {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      column-gap: 1.5rem;
    }
    /* Name and period on the left, the figure on the right (it never wraps; the name may). */
    .ks-latest__item {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      column-gap: 0.75rem;
      align-items: baseline;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .ks-latest__name {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .ks-latest__value {
      grid-row: 1 / span 2;
      grid-column: 2;
      text-align: end;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .ks-latest__period {
      grid-column: 1;
      font-size: 0.875rem;
    }
  `,
})
export class LatestValuesComponent {
  readonly values = input.required<readonly LatestValue[]>();
  readonly unit = input.required<string>();
  /** the areas' names to show, by area code (the proper names); else the series' own */
  readonly names = input<Readonly<Record<string, string>>>({});

  private readonly transloco = inject(TranslocoService);
  private readonly language = injectLanguage();

  readonly items = computed<LatestView[]>(() => {
    const language = this.language();
    const unit = this.unit();
    const names = this.names();
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    return this.values().map((latest) => {
      const base = {
        areaCode: latest.areaCode,
        name: names[latest.areaCode] ?? latest.areaName,
        preliminary: latest.preliminary,
        period: latest.period ? periodLabel(latest.period, language) : null,
      };
      switch (latest.value.kind) {
        case 'value':
          return { ...base, shown: formatValueWithUnit(latest.value.value, unit, language), spoken: null };
        case 'range':
          return {
            ...base,
            shown: formatRange(latest.value, unit, language),
            spoken: rangeWords(latest.value, unit, language, t),
          };
        case 'missing':
          return { ...base, shown: '–', spoken: t('indicators.value.missing') };
      }
    });
  });
}
