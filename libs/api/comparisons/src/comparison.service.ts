import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { badInput, notFound } from '@kraftsamling/api/core/errors';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { IndicatorQueryService, RegionSeriesService, type AreaParts } from '@kraftsamling/api/indicators';
import {
  compare,
  isBounded,
  NEEDS_BASE_PERIOD,
  NEEDS_COUNT,
  ratio,
  similarAreas,
  upperEnd,
  type Aggregate,
  type Observed,
} from '@kraftsamling/shared/metrics';
import { isPeriodCode } from '@kraftsamling/shared/periods';
import type { ComparisonInput, PeersInput, SimilarMunicipalitiesInput } from './inputs';
import type {
  ComparedAreaModel,
  ComparisonModel,
  SimilarMunicipalitiesModel,
  ValueBoundModel,
} from './models';

/** The whole country, as the sources code it. */
export const COUNTRY = '0000';
/** Inhabitants, for PER_THOUSAND unless another population (an age band) is named. */
export const DEFAULT_POPULATION = 'scb.population';

/**
 * Seven significant digits (a relative error below 5 · 10⁻⁸): finer than any count or share
 * a source publishes, and it drops the binary noise of division (330 / 7 500 × 100 is
 * 4.3999999999999995 in floating point), which made a 290 × 120 answer twice the size.
 */
export const significant = (value: number): number => Number(value.toPrecision(7));

/** A value per period as the answer carries it: a number, or null with the range in `bounds`. */
export function compact(values: readonly Observed[]): {
  values: (number | null)[];
  bounds: ValueBoundModel[];
} {
  const bounds: ValueBoundModel[] = [];
  const numbers = values.map((value, index) => {
    if (value === null) return null;
    if (!isBounded(value)) return significant(value.lo);
    const high = upperEnd(value);
    bounds.push({ index, low: significant(value.lo), high: high === null ? null : significant(high) });
    return null;
  });
  return { values: numbers, bounds };
}

function compactTotal(total: readonly Aggregate[], inScope: number) {
  return {
    ...compact(total.map((t) => t.value)),
    included: total.map((t) => t.included),
    inScope,
  };
}

/** Per area, the values aligned with other periods (a dividing indicator read for the same areas). */
function aligned(parts: AreaParts, periods: readonly string[]): Map<string, Observed[]> {
  const index = new Map(parts.periods.map((period, i) => [period, i]));
  return new Map(
    [...parts.values].map(([area, values]) => [
      area,
      periods.map((period) => {
        const i = index.get(period);
        return i === undefined ? null : (values[i] ?? null);
      }),
    ]),
  );
}

/** Per area, a population by year: a yearly figure, or the year's last month or quarter. */
function byYear(parts: AreaParts): Map<string, Map<number, Observed>> {
  return new Map(
    [...parts.values].map(([area, values]) => {
      const years = new Map<number, Observed>();
      parts.periods.forEach((period, i) => {
        const value = values[i] ?? null;
        if (value) years.set(Number(period.slice(0, 4)), value);
      });
      return [area, years];
    }),
  );
}

/**
 * Peer comparisons (issue "Compare with peers"): one indicator over a set of areas,
 * normalised, ranked, with the set's total from summed counts and the country beside it.
 * The maths is shared/metrics' `compare`; this reads the values and the sets.
 */
@Injectable()
export class ComparisonService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorQueryService,
    private readonly regions: RegionSeriesService,
  ) {}

  async comparison(tenant: TenantScope, input: ComparisonInput): Promise<ComparisonModel> {
    const normalisation = input.normalisation ?? 'AS_PUBLISHED';
    for (const field of ['from', 'to', 'basePeriod', 'rankPeriod'] as const) {
      const period = input[field];
      if (period && !isPeriodCode(period))
        throw badInput([{ field: `input.${field}`, message: `${period} is not a period code` }]);
    }
    if (NEEDS_BASE_PERIOD.has(normalisation) && !input.basePeriod)
      throw badInput([{ field: 'input.basePeriod', message: `${normalisation} needs a base period` }]);
    if (normalisation === 'SHARE_OF' && !input.denominatorCode)
      throw badInput([
        { field: 'input.denominatorCode', message: 'SHARE_OF needs the indicator to divide by' },
      ]);

    const indicator = await this.indicators.byCode(tenant, input.indicatorCode);
    if (NEEDS_COUNT.has(normalisation) && indicator.kind === 'RATIO')
      throw badInput([
        {
          field: 'input.normalisation',
          message: `${input.indicatorCode} is already a ratio: ${normalisation} divides a count`,
        },
      ]);
    const requested = await this.peerAreas(tenant, input.peers);
    // A collaboration's own indicator is compared among its members only.
    const members = indicator.collaborationId
      ? new Set(await this.indicators.memberMunicipalities(tenant))
      : null;
    const areas = members ? requested.filter((area) => members.has(area)) : requested;
    const excluded = members
      ? requested
          .filter((area) => !members.has(area))
          .map((areaCode) => ({ areaCode, reason: 'NOT_A_MEMBER' }))
      : [];
    const withCountry = [...areas, COUNTRY];
    const parts = await this.regions.parts(tenant, input.indicatorCode, withCountry, {
      from: input.from,
      to: input.to,
    });
    const periods = parts.periods;
    for (const field of ['basePeriod', 'rankPeriod'] as const) {
      const period = input[field];
      if (
        period &&
        (field === 'rankPeriod' || NEEDS_BASE_PERIOD.has(normalisation)) &&
        !periods.includes(period)
      )
        throw badInput([
          {
            field: `input.${field}`,
            message: periods.length
              ? `${period} has no values: choose a period from ${periods[0]} to ${periods[periods.length - 1]}`
              : `${period} has no values: the indicator has none in the range asked for`,
          },
        ]);
    }

    let denominatorCode: string | null = null;
    let divisors: Map<string, Observed[]> | undefined;
    let populations: Map<string, Map<number, Observed>> | undefined;
    if (normalisation === 'SHARE_OF' || normalisation === 'PER_THOUSAND') {
      denominatorCode = input.denominatorCode ?? DEFAULT_POPULATION;
      const divisor = await this.regions.parts(tenant, denominatorCode, withCountry, {
        from: normalisation === 'SHARE_OF' ? input.from : null,
        to: input.to,
      });
      if (divisor.denominators)
        throw badInput([
          { field: 'input.denominatorCode', message: `${denominatorCode} is a ratio, not a count` },
        ]);
      if (normalisation === 'SHARE_OF') {
        if (divisor.indicator.periodicity !== indicator.periodicity)
          throw badInput([
            {
              field: 'input.denominatorCode',
              message: `${denominatorCode} is published by ${divisor.indicator.periodicity.toLowerCase()}, ${input.indicatorCode} by ${indicator.periodicity.toLowerCase()}: a share needs the same periods`,
            },
          ]);
        divisors = aligned(divisor, periods);
      } else {
        populations = byYear(divisor);
      }
    }

    const common = {
      periods,
      values: parts.values,
      denominators: parts.denominators,
      factor: parts.factor,
      direction: indicator.direction,
      normalisation,
      divisors,
      populations,
      basePeriod: input.basePeriod ?? null,
    };
    const result = compare({ ...common, areas, rankPeriod: input.rankPeriod ?? null });
    const country = compare({ ...common, areas: [COUNTRY] }).areas[0]!;
    const names = await this.names(withCountry);
    const toArea = (area: (typeof result.areas)[number]): ComparedAreaModel => ({
      areaCode: area.area,
      areaName: names.get(area.area) ?? area.area,
      ...compact(area.values),
      rank: area.rank,
      quartile: area.quartile,
      unranked: area.unranked ?? null,
    });
    const { numeratorId: _n, denominatorId: _d, ...indicatorModel } = indicator;
    return {
      indicator: indicatorModel,
      normalisation,
      denominatorCode,
      periods,
      basePeriod: result.basePeriod,
      rankPeriod: result.rankPeriod,
      areas: result.areas.map(toArea),
      median: result.median.map((value) => (value === null ? null : significant(value))),
      total: compactTotal(result.total, areas.length),
      country: country.values.some((value) => value !== null)
        ? { ...toArea(country), rank: null, quartile: null, unranked: null }
        : null,
      populationYears: result.populationYears,
      excluded,
    };
  }

  async similar(tenant: TenantScope, input: SimilarMunicipalitiesInput): Promise<SimilarMunicipalitiesModel> {
    if (input.period && !isPeriodCode(input.period))
      throw badInput([{ field: 'input.period', message: `${input.period} is not a period code` }]);
    if (input.weights && input.weights.length !== input.indicatorCodes.length)
      throw badInput([{ field: 'input.weights', message: 'give one weight per indicator' }]);
    const all = await this.allMunicipalities();
    if (!all.includes(input.areaCode))
      throw badInput([{ field: 'input.areaCode', message: `${input.areaCode} is not a municipality code` }]);
    const codes = input.indicatorCodes;
    const periods: string[] = [];
    const columns: Map<string, number | null>[] = [];
    for (const [j, code] of codes.entries()) {
      const indicator = await this.indicators.byCode(tenant, code);
      const period =
        input.period ??
        (await this.latestPeriod(indicator.kind === 'RATIO' ? indicator.numeratorId! : indicator.id));
      if (!period)
        throw badInput([
          { field: `input.indicatorCodes.${j}`, message: `${code} has no municipal values yet` },
        ]);
      const parts = await this.regions.parts(tenant, code, all, { from: period, to: period });
      const column = new Map<string, number | null>();
      for (const area of all) {
        const value = parts.values.get(area)?.[0] ?? null;
        const denominator = parts.denominators?.get(area)?.[0] ?? null;
        const published = parts.denominators
          ? value && denominator && ratio(value, denominator, parts.factor)
          : value;
        // A "<5" tells too little to measure a distance by.
        column.set(area, published && !isBounded(published) ? significant(published.lo) : null);
      }
      if (column.get(input.areaCode) === null)
        throw badInput([
          {
            field: `input.indicatorCodes.${j}`,
            message: `${code} has no exact value for ${input.areaCode} in ${period}: choose another indicator or period`,
          },
        ]);
      periods.push(period);
      columns.push(column);
    }
    const rows = new Map(all.map((area) => [area, columns.map((column) => column.get(area) ?? null)]));
    const weights = input.weights ?? codes.map(() => 1);
    const similar = similarAreas({ area: input.areaCode, values: rows, weights, limit: input.limit ?? 10 });
    const names = await this.names(similar.map((s) => s.area));
    return {
      areaCode: input.areaCode,
      indicatorCodes: codes,
      periods,
      weights,
      values: rows.get(input.areaCode)!,
      similar: similar.map((s) => ({
        areaCode: s.area,
        areaName: names.get(s.area) ?? s.area,
        distance: s.distance,
        contributions: s.contributions,
        values: rows.get(s.area)!,
      })),
    };
  }

  /** The municipality codes of a peer selection, in code order. */
  async peerAreas(tenant: TenantScope, peers: PeersInput): Promise<string[]> {
    const field = (name: string) => `input.peers.${name}`;
    switch (peers.kind) {
      case 'MEMBERS':
        return (await this.indicators.memberMunicipalities(tenant)).sort();
      case 'ALL':
        return this.allMunicipalities();
      case 'COUNTY': {
        if (!peers.countyCode) throw badInput([{ field: field('countyCode'), message: 'name the county' }]);
        const rows: { code: string }[] = await this.dataSource.query(
          `SELECT code FROM municipality WHERE county_code = $1 ORDER BY code`,
          [peers.countyCode],
        );
        if (!rows.length)
          throw badInput([
            { field: field('countyCode'), message: `${peers.countyCode} is not a county code` },
          ]);
        return rows.map((row) => row.code);
      }
      case 'PEER_SET': {
        if (!peers.peerSetId) throw badInput([{ field: field('peerSetId'), message: 'name the peer set' }]);
        // Row-level security shows published sets, the collaboration's shared ones and the reader's own.
        const [row] = await this.dataSource.query(
          `SELECT area_codes AS "areaCodes" FROM peer_set
            WHERE id = $1 AND (collaboration_id IS NULL OR collaboration_id = $2)
              AND (collaboration_id IS NULL OR shared OR owner_user_id = $3)`,
          [peers.peerSetId, tenant.collaborationId, tenant.actor.userId],
        );
        if (!row) throw notFound('PeerSet', peers.peerSetId);
        return [...(row.areaCodes as string[])].sort();
      }
      case 'AREAS': {
        const areas = [...new Set(peers.areaCodes ?? [])].sort();
        if (!areas.length)
          throw badInput([{ field: field('areaCodes'), message: 'choose at least one municipality' }]);
        await this.checkMunicipalities(areas, field('areaCodes'));
        return areas;
      }
    }
  }

  /** Refuses codes that are not municipalities, naming them. */
  async checkMunicipalities(areas: readonly string[], field: string): Promise<void> {
    const known = new Set(await this.allMunicipalities());
    const unknown = areas.filter((area) => !known.has(area));
    if (unknown.length) throw badInput([{ field, message: `not municipality codes: ${unknown.join(', ')}` }]);
  }

  private async allMunicipalities(): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM municipality ORDER BY code`,
    );
    return rows.map((row) => row.code);
  }

  private async latestPeriod(indicatorId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT max(period) AS period FROM indicator_value WHERE indicator_id = $1 AND area_code <> $2`,
      [indicatorId, COUNTRY],
    );
    return row?.period ?? null;
  }

  private async names(codes: readonly string[]): Promise<Map<string, string>> {
    const rows: { code: string; name: string }[] = await this.dataSource.query(
      `SELECT code, name FROM municipality WHERE code = ANY($1)`,
      [codes],
    );
    const names = new Map(rows.map((row) => [row.code, row.name]));
    if (codes.includes(COUNTRY) && !names.has(COUNTRY)) names.set(COUNTRY, 'Riket');
    return names;
  }
}
