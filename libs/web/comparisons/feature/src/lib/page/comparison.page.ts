import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ExportFormat } from '@kraftsamling/shared/exports';
import {
  Comparison,
  ComparisonService,
  ComparisonState,
  NEEDS_BASE,
  NEEDS_DENOMINATOR,
  NORMALISATIONS,
  PEER_KINDS,
  comparisonInput,
  incompleteReason,
  parseState,
  toQueryParams,
} from '@kraftsamling/web/comparisons/data-access';
import {
  ComparisonCell,
  ComparisonChartComponent,
  ComparisonRow,
  ComparisonTableComponent,
  comparisonRows,
  exportComparison,
  rankIndex,
  rankingChartOption,
  rankingHeight,
  tableWindow,
  timeChartOption,
} from '@kraftsamling/web/comparisons/ui';
import { CollaborationService } from '@kraftsamling/web/collaborations/data-access';
import { apiMessage, indicatorName } from '@kraftsamling/web/indicators/data-access';
import { injectLanguage, periodLabel } from '@kraftsamling/web/indicators/ui';
import {
  ComparisonNormalisation,
  LoadState,
  loadOnChange,
  toAppError,
} from '@kraftsamling/web/shared/graphql';
import { TranslatedTitleStrategy, compareSwedish } from '@kraftsamling/web/shared/i18n';
import {
  ErrorStateComponent,
  LoadingStateComponent,
  PageStateComponent,
  downloadTable,
  fileNameOf,
} from '@kraftsamling/web/shared/ui';
import { Observable, Subscription, map } from 'rxjs';
import { cellText, displayUnit, periodOptions } from '../comparison-text';
import { PeerSetsComponent } from '../peer-sets/peer-sets.component';
import { SimilarPanelComponent } from '../similar/similar-panel.component';

/** How many periods the table shows at once; the rest is a step away, and all of it in the exports. */
export const TABLE_COLUMNS = 12;

/** Performance marks around drawing a comparison (tools/benchmarks/comparison-render.mjs reads them). */
export const MARK_DATA = 'comparison:data';
export const MARK_RENDERED = 'comparison:rendered';
export const MEASURE_RENDER = 'comparison:render';

/** Marks a moment for the Performance API, where there is one (not every test environment has it). */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Compare the collaboration's municipalities, a county, all 290, a saved set or any list on
 * one indicator: as published or normalised, ranked, over time; with the set's total, the
 * median and the country. Everything the user chooses is in the address.
 */
@Component({
  selector: 'ks-comparison-page',
  imports: [
    RouterLink,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatHint,
    MatSelect,
    MatOption,
    TranslocoPipe,
    PageStateComponent,
    LoadingStateComponent,
    ErrorStateComponent,
    ComparisonChartComponent,
    ComparisonTableComponent,
    SimilarPanelComponent,
    PeerSetsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comparison.page.html',
  styles: `
    .ks-controls {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      align-items: start;
      gap: 0 1rem;
    }
    .ks-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block: 0.75rem;
    }
    .ks-legend-note {
      font-size: 0.875rem;
    }
  `,
})
export class ComparisonPage {
  readonly slug = input.required<string>();

  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly collaborations = inject(CollaborationService);
  private readonly comparisons = inject(ComparisonService);
  private readonly transloco = inject(TranslocoService);
  private readonly titles = inject(TranslatedTitleStrategy, { optional: true });
  private readonly injector = inject(Injector);
  protected readonly language = injectLanguage();

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  /** The page's whole state, read from the address. */
  readonly state = computed<ComparisonState>(() => {
    const params = this.params();
    const record: Record<string, string | null> = {};
    for (const key of params.keys) record[key] = params.get(key);
    return parseState(record);
  });

  protected readonly page = loadOnChange(
    () => this.slug(),
    (slug) =>
      this.collaborations
        .collaborationAnd(slug, (collaboration) => this.comparisons.context(slug, collaboration))
        .pipe(map(({ data }) => data)),
  );
  readonly context = computed(() => {
    const state = this.page.state();
    return state.status === 'ready' ? state.data : null;
  });

  /** The API's input as a string: the comparison is fetched again only when it changes. */
  private readonly inputKey = computed(() => {
    const context = this.context();
    const periods = this.periods();
    const input = context
      ? comparisonInput(this.state(), context.collaborationId, periods[periods.length - 1] ?? null)
      : null;
    return input ? JSON.stringify(input) : null;
  });
  private readonly comparisonState = signal<LoadState<Comparison> | null>(null);
  readonly comparisonLoad = this.comparisonState.asReadonly();
  private request: Subscription | null = null;

  readonly comparison = computed(() => {
    const state = this.comparisonState();
    return state?.status === 'ready' ? state.data : null;
  });
  readonly comparisonError = computed(() => {
    const state = this.comparisonState();
    return state?.status === 'error' ? state.error : null;
  });
  /** The API's own words for a refused comparison (which field, which periods have values). */
  readonly comparisonErrorDetail = signal<string | null>(null);
  readonly incomplete = computed(() => incompleteReason(this.state()));

  readonly indicator = computed(() => {
    const code = this.state().indicator;
    return this.comparison()?.indicator ?? this.context()?.indicators.find((i) => i.code === code) ?? null;
  });
  readonly indicatorOptions = computed(() => {
    const language = this.language();
    return [...(this.context()?.indicators ?? [])]
      .map((indicator) => ({ code: indicator.code, name: indicatorName(indicator, language) }))
      .sort((a, b) => compareSwedish(a.name, b.name));
  });
  readonly periods = computed(() => periodOptions(this.indicator()?.periodicity ?? 'MONTH'));
  /** The municipality emphasised: chosen in the address, else the user's own. */
  readonly focus = computed(() => this.state().focus ?? this.context()?.ownMunicipality ?? null);
  readonly unit = computed(() =>
    displayUnit(this.state().normalisation, this.indicator()?.unit ?? 'COUNT', this.language()),
  );

  readonly rows = computed(() => {
    const comparison = this.comparison();
    if (!comparison) return null;
    return comparisonRows(comparison, this.focus(), {
      total: this.t('comparisons.reference.total'),
      median: this.t('comparisons.reference.median'),
    });
  });
  readonly rankAt = computed(() => {
    const comparison = this.comparison();
    return comparison ? rankIndex(comparison) : -1;
  });
  readonly window = computed(() => {
    const comparison = this.comparison();
    return comparison
      ? tableWindow(comparison.periods, this.state().columns, this.rankAt(), TABLE_COLUMNS)
      : { start: 0, end: -1 };
  });
  readonly name = computed(() => {
    const indicator = this.indicator();
    return indicator ? indicatorName(indicator, this.language()) : '';
  });
  readonly peersLabel = computed(() => {
    const state = this.state();
    const context = this.context();
    switch (state.peers) {
      case 'COUNTY':
        return context?.counties.find((county) => county.code === state.county)?.name ?? '';
      case 'PEER_SET':
        return context?.peerSets.find((set) => set.id === state.peerSet)?.title ?? '';
      case 'MEMBERS':
        return this.t('comparisons.peers.membersOf', { name: context?.name ?? '' });
      default:
        return this.t(`comparisons.peers.kinds.${state.peers}`);
    }
  });
  readonly caption = computed(() => {
    const comparison = this.comparison();
    if (!comparison) return '';
    return this.t('comparisons.table.caption', {
      name: this.name(),
      peers: this.peersLabel(),
      normalisation: this.t(`comparisons.normalisations.${comparison.normalisation}`),
      count: comparison.areas.length,
    });
  });

  private readonly chartText = computed(() => {
    const language = this.language();
    const unit = this.unit();
    return {
      periodLabel: (period: string) => periodLabel(period, language, true),
      value: (value: number) => cellText({ kind: 'value', value }, unit, language, true),
      cellText: (cell: ComparisonCell) =>
        cell.kind === 'missing' ? this.t('comparisons.value.missing') : cellText(cell, unit, language, true),
      others: this.t('comparisons.chart.others'),
      focusName: (name: string) => this.t('comparisons.chart.focusName', { name }),
      animation: !prefersReducedMotion(),
      medianLabel: this.t('comparisons.reference.median'),
    };
  });
  readonly timeOption = computed(() => {
    const comparison = this.comparison();
    const rows = this.rows();
    return comparison && rows ? timeChartOption(comparison.periods, rows, this.chartText()) : null;
  });
  readonly rankingOption = computed(() => {
    const comparison = this.comparison();
    const rows = this.rows();
    if (!comparison || !rows) return null;
    const index = this.rankAt();
    return rankingChartOption(rows, index, comparison.median[index] ?? null, this.chartText());
  });
  readonly rankingHeight = computed(() =>
    rankingHeight(this.rows()?.areas.filter((row) => row.rank != null).length ?? 0),
  );
  readonly chartLabel = computed(() => {
    const comparison = this.comparison();
    const rows = this.rows();
    if (!comparison || !rows) return '';
    const language = this.language();
    const focus = rows.areas.find((row) => row.focus);
    const period = comparison.periods[this.rankAt()];
    return this.t(`comparisons.chart.label.${this.state().view === 'ranking' ? 'ranking' : 'time'}`, {
      name: this.name(),
      count: comparison.areas.length,
      from: comparison.periods[0] ? periodLabel(comparison.periods[0], language) : '',
      to: comparison.periods.length
        ? periodLabel(comparison.periods[comparison.periods.length - 1]!, language)
        : '',
      period: period ? periodLabel(period, language) : '',
      focus: focus
        ? this.t('comparisons.chart.label.focus', {
            name: focus.areaName,
            rank: focus.rank ?? '–',
            ranked: rows.areas.filter((row) => row.rank != null).length,
          })
        : '',
    });
  });
  readonly tablePeriodLabel = computed(() => {
    const language = this.language();
    return (period: string) => periodLabel(period, language, true);
  });
  readonly tableCellText = computed(() => {
    const language = this.language();
    const unit = this.unit();
    return (cell: ComparisonCell) => cellText(cell, unit, language);
  });
  readonly noteOf = computed(() => {
    const comparison = this.comparison();
    const index = this.rankAt();
    this.language();
    return (row: ComparisonRow): string => {
      switch (row.kind) {
        case 'total':
          return this.t('comparisons.note.total', {
            included: comparison?.total.included[index] ?? 0,
            inScope: comparison?.total.inScope ?? 0,
          });
        case 'median':
          return this.t('comparisons.note.median');
        case 'country':
          return this.t('comparisons.note.country');
        default:
          return row.unranked ? this.t(`comparisons.note.unranked.${row.unranked}`) : '';
      }
    };
  });
  readonly excluded = computed(() => {
    const comparison = this.comparison();
    const context = this.context();
    if (!comparison || !context) return [];
    return comparison.excluded.map((exclusion) => ({
      name: context.municipalities.find((m) => m.code === exclusion.areaCode)?.name ?? exclusion.areaCode,
      reason: exclusion.reason,
    }));
  });

  protected readonly peerKinds = PEER_KINDS;
  protected readonly normalisations = NORMALISATIONS;
  protected readonly needsBase = NEEDS_BASE;
  protected readonly needsDenominator = NEEDS_DENOMINATOR;
  protected readonly chart = viewChild(ComparisonChartComponent);
  /** Set when data arrived and the page has not yet marked it drawn. */
  private awaitingRender = false;
  private chartDrawn = false;
  private tableDrawn = false;

  constructor() {
    effect(() => {
      const key = this.inputKey();
      untracked(() => this.load(key));
    });
    // The title names the indicator compared, or the collaboration until one is chosen.
    effect(() => {
      const detail = this.name() || this.context()?.name;
      if (detail) untracked(() => this.titles?.setDetail(detail));
    });
  }

  private load(key: string | null): void {
    this.request?.unsubscribe();
    if (!key) {
      this.comparisonState.set(null);
      return;
    }
    const silent = this.comparisonState()?.status === 'ready';
    if (!silent) this.comparisonState.set({ status: 'loading' });
    this.request = this.fetch(key).subscribe({
      next: (comparison) => {
        mark(MARK_DATA);
        this.awaitingRender = true;
        this.chartDrawn = this.state().view === 'table';
        this.tableDrawn = false;
        this.comparisonState.set({ status: 'ready', data: comparison });
        afterNextRender(
          () => {
            this.tableDrawn = true;
            this.markRendered();
          },
          { injector: this.injector },
        );
      },
      error: (error: unknown) => {
        this.comparisonErrorDetail.set(
          [apiMessage(error), ...toAppError(error).fields.map((field) => field.message)]
            .filter((text, i, all) => text && all.indexOf(text) === i)
            .join(' ') || null,
        );
        this.comparisonState.set({ status: 'error', error: toAppError(error) });
      },
    });
  }

  private fetch(key: string): Observable<Comparison> {
    return this.comparisons.comparison(JSON.parse(key));
  }

  /** The chart has drawn: with the table in place, the comparison is on screen. */
  chartRendered(): void {
    this.chartDrawn = true;
    this.markRendered();
  }

  private markRendered(): void {
    if (!this.awaitingRender || !this.chartDrawn || !this.tableDrawn) return;
    this.awaitingRender = false;
    mark(MARK_RENDERED);
    if (typeof performance.measure === 'function')
      performance.measure(MEASURE_RENDER, MARK_DATA, MARK_RENDERED);
  }

  retryComparison(): void {
    const key = this.inputKey();
    this.comparisonState.set(null);
    this.load(key);
  }

  /** Changes the state: a new address (Back returns to the previous view). */
  update(patch: Partial<ComparisonState>): void {
    const next = { ...this.state(), ...patch };
    // Switching to a comparison against a base period: start from the first period shown.
    if (patch.normalisation && NEEDS_BASE.has(patch.normalisation) && !next.base) {
      next.base = next.from ?? this.comparison()?.periods[0] ?? null;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams(next) });
  }

  /** Moves the table's window of columns by whole windows. */
  moveColumns(step: number): void {
    const comparison = this.comparison();
    if (!comparison) return;
    const { end } = this.window();
    const last = Math.min(
      comparison.periods.length - 1,
      Math.max(TABLE_COLUMNS - 1, end + step * TABLE_COLUMNS),
    );
    this.update({ columns: comparison.periods[last] ?? null });
  }

  /** Per 1 000 and share-of divide a count: a ratio indicator (already a share) is not offered them. */
  normalisationAllowed(normalisation: ComparisonNormalisation): boolean {
    return !(this.indicator()?.kind === 'RATIO' && NEEDS_DENOMINATOR.has(normalisation));
  }

  label(period: string): string {
    return periodLabel(period, this.language());
  }

  async exportTable(format: ExportFormat): Promise<void> {
    const comparison = this.comparison();
    const rows = this.rows();
    if (!comparison || !rows) return;
    const language = this.language();
    const note = this.noteOf();
    const table = exportComparison(comparison, rows, {
      sheetName: this.t('comparisons.export.sheet'),
      rank: this.t('comparisons.table.rank'),
      quartile: this.t('comparisons.table.quartile'),
      area: this.t('comparisons.table.area'),
      code: this.t('comparisons.export.code'),
      note: this.t('comparisons.table.note'),
      noteOf: note,
      period: (period) => periodLabel(period, language, true),
    });
    await downloadTable(table, format, this.fileName(format));
  }

  savePng(): void {
    this.chart()?.savePng(this.fileName('png'));
  }

  saveSvg(): void {
    void this.chart()?.saveSvg(this.fileName('svg'));
  }

  private fileName(extension: string): string {
    return fileNameOf(`${this.t('comparisons.export.filePrefix')} ${this.name()}`, extension, 'jamforelse');
  }

  /** After a peer set was saved from the similar municipalities: compare with it. */
  peerSetSaved(peerSetId: string): void {
    this.page.reload();
    this.update({ peers: 'PEER_SET', peerSet: peerSetId });
  }

  /** Compare with a list of municipalities (the similar ones found). */
  compareWith(areaCodes: string[]): void {
    this.update({ peers: 'AREAS', areas: areaCodes });
  }

  peerSetsChanged(): void {
    this.page.reload();
  }

  protected t(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(key, params);
  }
}
