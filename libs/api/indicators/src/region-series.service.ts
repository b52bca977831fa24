import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { badInput } from '@kraftsamling/api/core/errors';
import {
  observed,
  ratioSeries,
  sumSeries,
  type Aggregate,
  type AreaRatioSeries,
  type AreaSeriesValues,
  type Observed,
} from '@kraftsamling/shared/metrics';
import { isPeriodCode } from '@kraftsamling/shared/periods';
import { IndicatorQueryService, type CatalogueScope } from './indicator-query.service';
import type { IndicatorModel } from './models';

interface RawValue {
  indicatorId: string;
  area: string;
  period: string;
  value: number | null;
  lowerBound: boolean;
  upperBound: number | null;
}

export interface PeriodRange {
  from?: string | null;
  to?: string | null;
}

/** Per area and period, the values an aggregate is built from (a ratio's two parts). */
export interface AreaParts {
  indicator: IndicatorModel;
  periods: string[];
  /** the measured values, or the ratio's numerators */
  values: Map<string, Observed[]>;
  /** a ratio's denominators; null for a measured indicator */
  denominators: Map<string, Observed[]> | null;
  factor: number;
}

export interface RegionSeries {
  indicator: IndicatorModel;
  areaCodes: string[];
  periods: string[];
  aggregates: Aggregate[];
}

/**
 * Series of a set of areas (a collaboration's members, a goal's members, a county, any
 * list) from summed counts: a count sums, a ratio is Σ numerators ÷ Σ denominators × factor
 * over the areas with both parts (shared/metrics). A member without a value marks the
 * period incomplete; a bounded part makes the figure a bound.
 */
@Injectable()
export class RegionSeriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorQueryService,
  ) {}

  async series(
    scope: CatalogueScope,
    code: string,
    areaCodes: string[],
    range: PeriodRange,
  ): Promise<RegionSeries> {
    const parts = await this.parts(scope, code, areaCodes, range);
    return {
      indicator: parts.indicator,
      areaCodes,
      periods: parts.periods,
      aggregates: aggregate(parts, areaCodes),
    };
  }

  /** The areas of a county (its municipalities), for a county's series. */
  async countyMunicipalities(countyCode: string): Promise<string[]> {
    if (!/^[0-9]{2}$/.test(countyCode))
      throw badInput([{ field: 'countyCode', message: 'a county code has 2 digits' }]);
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM municipality WHERE county_code = $1 ORDER BY code`,
      [countyCode],
    );
    if (!rows.length)
      throw badInput([{ field: 'countyCode', message: `${countyCode} is not a county code` }]);
    return rows.map((row) => row.code);
  }

  /** The stored values behind an aggregate, by area, aligned with the periods found. */
  async parts(
    scope: CatalogueScope,
    code: string,
    areaCodes: string[],
    range: PeriodRange,
  ): Promise<AreaParts> {
    for (const [field, period] of [
      ['from', range.from],
      ['to', range.to],
    ] as const) {
      if (period && !isPeriodCode(period))
        throw badInput([{ field, message: `${period} is not a period code` }]);
    }
    const bad = areaCodes.filter((area) => !/^[0-9]{4}$/.test(area));
    if (bad.length)
      throw badInput([{ field: 'areaCodes', message: `${bad.join(', ')}: area codes have 4 digits` }]);
    const indicator = await this.indicators.byCode(scope, code);
    const isRatio = indicator.kind === 'RATIO';
    const ids = isRatio ? [indicator.numeratorId!, indicator.denominatorId!] : [indicator.id];
    const rows: RawValue[] = await this.dataSource.query(
      `SELECT indicator_id AS "indicatorId", area_code AS area, period, value::float8 AS value,
              lower_bound AS "lowerBound", upper_bound::float8 AS "upperBound"
         FROM indicator_value
        WHERE indicator_id = ANY($1) AND area_code = ANY($2)
          AND ($3::text IS NULL OR period >= $3) AND ($4::text IS NULL OR period <= $4)`,
      [ids, areaCodes, range.from ?? null, range.to ?? null],
    );
    const periods = [...new Set(rows.map((row) => row.period))].sort();
    const index = new Map(periods.map((period, i) => [period, i]));
    const grid = () => new Map(areaCodes.map((area) => [area, periods.map((): Observed => null)]));
    const values = grid();
    const denominators = isRatio ? grid() : null;
    for (const row of rows) {
      const target = row.indicatorId === ids[0] ? values : denominators;
      const line = target?.get(row.area);
      if (line) line[index.get(row.period)!] = observed(row.value, row.lowerBound, row.upperBound);
    }
    const { numeratorId: _n, denominatorId: _d, ...model } = indicator;
    return { indicator: model, periods, values, denominators, factor: indicator.factor ?? 1 };
  }
}

/** The aggregate of each period over `areaCodes` (a subset of the parts' areas). */
export function aggregate(parts: AreaParts, areaCodes: readonly string[]): Aggregate[] {
  if (parts.denominators) {
    const areas: AreaRatioSeries[] = areaCodes.map((area) => ({
      area,
      numerators: parts.values.get(area) ?? [],
      denominators: parts.denominators!.get(area) ?? [],
    }));
    return ratioSeries(parts.periods, areas, parts.factor);
  }
  const areas: AreaSeriesValues[] = areaCodes.map((area) => ({ area, values: parts.values.get(area) ?? [] }));
  return sumSeries(parts.periods, areas);
}
