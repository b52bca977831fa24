import { Injectable, inject } from '@angular/core';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import {
  CreateLocalIndicatorInput,
  DefineScbIndicatorInput,
  EnterValuesInput,
  FetchSourceInput,
  IndicatorSource,
  UndoImportInput,
  ReadAhead,
  UpdateLocalIndicatorInput,
} from '@kraftsamling/web/shared/graphql';
import {
  CreateLocalIndicatorGQL,
  DefineScbIndicatorGQL,
  EnterValuesGQL,
  FetchSourceGQL,
  ImportBatchesGQL,
  IndicatorSeriesGQL,
  IndicatorsGQL,
  OfficialImportBatchesGQL,
  RegionSeriesGQL,
  ScbTableGQL,
  SourceFetchesGQL,
  UndoImportGQL,
  UndoOfficialImportGQL,
  UpdateLocalIndicatorGQL,
} from '@kraftsamling/web/shared/graphql/indicators';
import { MeStore } from '@kraftsamling/web/collaborations/data-access';
import { Observable, map } from 'rxjs';
import type { CatalogueFilter } from './catalogue-filter';
import {
  EnterValuesResult,
  ImportBatch,
  Indicator,
  IndicatorSeries,
  RegionSeries,
  ScbTable,
  SourceFetch,
} from './models';

function required<T>(value: T | null | undefined): T {
  if (value == null) throw new Error('The API answered without data');
  return value;
}

export interface SeriesOptions {
  /** Default: the collaboration's member municipalities. */
  areaCodes?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
}

/** Every area of the collaboration and every period: what an indicator page reads first. */
function isDefault(options: SeriesOptions): boolean {
  return !options.areaCodes && !options.from && !options.to;
}

/**
 * The API's own message for a failed operation (e.g. which later import to undo first),
 * to show next to the translated one; null when there is none.
 */
export function apiMessage(error: unknown): string | null {
  if (CombinedGraphQLErrors.is(error)) return error.errors.find((e) => e.message)?.message ?? null;
  return null;
}

/**
 * Reads the indicator catalogue and values, lists and undoes imports, enters local figures,
 * adds and edits the collaboration's local indicators.
 */
@Injectable({ providedIn: 'root' })
export class IndicatorService {
  private readonly indicatorsQuery = inject(IndicatorsGQL);
  private readonly seriesQuery = inject(IndicatorSeriesGQL);
  private readonly regionSeriesQuery = inject(RegionSeriesGQL);
  private readonly batchesQuery = inject(ImportBatchesGQL);
  private readonly officialBatchesQuery = inject(OfficialImportBatchesGQL);
  private readonly sourceFetchesQuery = inject(SourceFetchesGQL);
  private readonly undoImportMutation = inject(UndoImportGQL);
  private readonly undoOfficialImportMutation = inject(UndoOfficialImportGQL);
  private readonly enterValuesMutation = inject(EnterValuesGQL);
  private readonly createLocalIndicatorMutation = inject(CreateLocalIndicatorGQL);
  private readonly updateLocalIndicatorMutation = inject(UpdateLocalIndicatorGQL);
  private readonly fetchSourceMutation = inject(FetchSourceGQL);
  private readonly scbTableQuery = inject(ScbTableGQL);
  private readonly defineScbIndicatorMutation = inject(DefineScbIndicatorGQL);

  /**
   * The catalogue: official indicators and the collaboration's local ones. `collaboration`:
   * its id, or its slug (so that a page opening can ask before `me` has named the id), as for
   * `series` and `regionSeries`.
   */
  indicators(collaboration: string, source: IndicatorSource | null = null): Observable<Indicator[]> {
    return this.indicatorsQuery
      .fetch({ variables: { collaborationId: collaboration, source }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.indicators)));
  }

  /**
   * The catalogue filtered by the API: a search comes back most relevant first (full-text
   * search with stems, diacritics and compounds forgiven), superseded series only with `all`.
   */
  search(collaborationId: string, filter: CatalogueFilter): Observable<Indicator[]> {
    return this.indicatorsQuery
      .fetch({
        variables: {
          collaborationId,
          search: filter.search.trim() || null,
          theme: filter.theme,
          source: filter.source,
          includeSuperseded: filter.all,
        },
        fetchPolicy: 'no-cache',
      })
      .pipe(map((result) => required(result.data?.indicators)));
  }

  private readonly ahead = new ReadAhead();
  private readonly meStore = inject(MeStore);

  /**
   * A read's key: the collaboration by its slug (a read ahead names it so, from the address;
   * the page asks by the id once `me` has answered) and the indicator.
   */
  private aheadKey(collaboration: string, code: string): string {
    const slug = this.meStore.access().find((access) => access.collaborationId === collaboration)?.slug;
    return `${slug ?? collaboration}|${code}`;
  }

  /**
   * An indicator page's series and region asked for as the application starts on a page load
   * (before the page exists); the page's first `series` and `regionSeries` of the same
   * collaboration and code, with the default options, take these answers.
   */
  readIndicatorPageAhead(collaboration: string, code: string): void {
    const key = this.aheadKey(collaboration, code);
    this.ahead.start('series', key, this.readSeries(collaboration, code, {}));
    this.ahead.start('region', key, this.readRegionSeries(collaboration, code, {}));
  }

  /** One indicator over time for several areas, with each value's provenance. */
  series(collaboration: string, code: string, options: SeriesOptions = {}): Observable<IndicatorSeries> {
    const key = isDefault(options) ? this.aheadKey(collaboration, code) : '';
    return this.ahead.take('series', key, () => this.readSeries(collaboration, code, options));
  }

  private readSeries(
    collaboration: string,
    code: string,
    options: SeriesOptions,
  ): Observable<IndicatorSeries> {
    return this.seriesQuery
      .fetch({
        variables: {
          collaborationId: collaboration,
          code,
          areaCodes: options.areaCodes ? [...options.areaCodes] : null,
          from: options.from ?? null,
          to: options.to ?? null,
        },
        fetchPolicy: 'no-cache',
      })
      .pipe(map((result) => required(result.data?.indicatorSeries)));
  }

  /**
   * The same indicator for the collaboration's member municipalities taken together: counts
   * summed, a ratio recomputed from summed numerators and denominators, each period with how
   * many members it covers and whether a part was only a range ("<5").
   */
  regionSeries(
    collaboration: string,
    code: string,
    options: Pick<SeriesOptions, 'from' | 'to'> = {},
  ): Observable<RegionSeries> {
    const key = isDefault(options) ? this.aheadKey(collaboration, code) : '';
    return this.ahead.take('region', key, () => this.readRegionSeries(collaboration, code, options));
  }

  private readRegionSeries(
    collaboration: string,
    code: string,
    options: Pick<SeriesOptions, 'from' | 'to'>,
  ): Observable<RegionSeries> {
    return this.regionSeriesQuery
      .fetch({
        variables: {
          collaborationId: collaboration,
          code,
          from: options.from ?? null,
          to: options.to ?? null,
        },
        fetchPolicy: 'no-cache',
      })
      .pipe(map((result) => required(result.data?.regionSeries)));
  }

  /** Import batches, newest first: `limit` of them after the newest `offset`. */
  importBatches(collaborationId: string, limit = 100, offset = 0): Observable<ImportBatch[]> {
    return this.batchesQuery
      .fetch({ variables: { collaborationId, limit, offset }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.importBatches)));
  }

  /** Official import batches alone, for a statistics steward without import rights in the collaboration. */
  officialImportBatches(limit = 100, offset = 0): Observable<ImportBatch[]> {
    return this.officialBatchesQuery
      .fetch({ variables: { limit, offset }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.officialImportBatches)));
  }

  /** The fetches of official data from the sources' APIs, newest first (statistics stewards). */
  sourceFetches(limit = 200): Observable<SourceFetch[]> {
    return this.sourceFetchesQuery
      .fetch({ variables: { limit }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.sourceFetches)));
  }

  /** Undoes an official batch (statistics stewards only; the API checks). */
  undoOfficialImport(batchId: string): Observable<ImportBatch> {
    return this.undoOfficialImportMutation
      .mutate({ variables: { input: { batchId } } })
      .pipe(map((result) => required(result.data?.undoOfficialImport)));
  }

  undoImport(input: UndoImportInput): Observable<ImportBatch> {
    return this.undoImportMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.undoImport)));
  }

  enterValues(input: EnterValuesInput): Observable<EnterValuesResult> {
    return this.enterValuesMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.enterValues)));
  }

  /** Adds an indicator only this collaboration sees. */
  createLocalIndicator(input: CreateLocalIndicatorInput): Observable<Indicator> {
    return this.createLocalIndicatorMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.createLocalIndicator)));
  }

  /** Changes a local indicator's names, descriptions, theme or direction; CONFLICT when someone else changed it first. */
  updateLocalIndicator(input: UpdateLocalIndicatorInput): Observable<Indicator> {
    return this.updateLocalIndicatorMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.updateLocalIndicator)));
  }

  /**
   * Fetches a Kolada key figure, an SCB table or an AF workbook from the source's API and
   * imports what is new (statistics stewards). A failed fetch is an answer, not an error:
   * its status is FAILED and its message says why.
   */
  fetchSource(input: FetchSourceInput): Observable<SourceFetch> {
    return this.fetchSourceMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.fetchSource)));
  }

  /** An SCB table's dimensions and classes, read from SCB's metadata (statistics stewards). */
  scbTable(id: string): Observable<ScbTable> {
    return this.scbTableQuery
      .fetch({ variables: { id }, fetchPolicy: 'no-cache' })
      .pipe(map((result) => required(result.data?.scbTable)));
  }

  /** Defines an official indicator from an SCB table's metadata (statistics stewards). */
  defineScbIndicator(input: DefineScbIndicatorInput): Observable<Indicator> {
    return this.defineScbIndicatorMutation
      .mutate({ variables: { input } })
      .pipe(map((result) => required(result.data?.defineScbIndicator)));
  }
}
