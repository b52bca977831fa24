import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '@kraftsamling/api/core/errors';
import type { Principal } from '@kraftsamling/api/core/auth';
import type { TenantScope } from '@kraftsamling/api/core/tenancy';
import { PlatformPermission } from '@kraftsamling/shared/permissions';
import { isPeriodCode } from '@kraftsamling/shared/periods';
import { THEME_NAMES } from './catalogue';
import { scbTableUrl } from './scb-fetch';
import { compactRange, rangeRatio, storedRange, type StoredRange } from './value-ranges';
import {
  MAX_CHANGES_LISTED,
  type AreaSeriesModel,
  type ImportBatchModel,
  type IndicatorModel,
  type IndicatorSeriesModel,
  type SeriesBatchModel,
  type ValueChangeModel,
} from './models';

const SELECT_INDICATOR = `
  SELECT i.id, i.code, i.theme, i.name_sv AS "nameSv", i.name_en AS "nameEn", i.description_sv AS "descriptionSv",
         i.description_en AS "descriptionEn", i.unit, i.periodicity, i.direction, i.source, i.kind,
         i.collaboration_id AS "collaborationId", n.code AS "numeratorCode", d.code AS "denominatorCode",
         i.factor::float8 AS factor, i.version, i.numerator_id AS "numeratorId", i.denominator_id AS "denominatorId",
         sb.code AS "supersededByCode",
         (SELECT p.code FROM indicator p WHERE p.superseded_by_id = i.id ORDER BY p.code LIMIT 1) AS "supersedesCode"
    FROM indicator i
    LEFT JOIN indicator n ON n.id = i.numerator_id
    LEFT JOIN indicator d ON d.id = i.denominator_id
    LEFT JOIN indicator sb ON sb.id = i.superseded_by_id`;

/**
 * What the catalogue tells of each listed indicator, for the whole list in one statement:
 * how many municipalities have values (a ratio's values are its numerator's), the latest
 * period, when its values were last imported and when its source was last fetched (the
 * fetches are the stewards' rows: row-level security leaves others null there).
 */
const FACTS = `
  WITH listed AS (
    SELECT i.id, coalesce(i.numerator_id, i.id) AS valued_id, i.source,
           upper(coalesce(i.source_key->>'table', i.source_key->>'kpi')) AS subject
      FROM indicator i WHERE i.id = ANY($1::uuid[])
  ), by_area_and_batch AS (
    -- Every value is read, but folded at once to one row per indicator, area and batch (a few
    -- per area, however long the history): the joins and the distinct count below then work
    -- on those, not on every period's value (half the time at a million values).
    SELECT v.indicator_id, v.area_code, v.batch_id, max(v.period) AS period
      FROM indicator_value v
     WHERE v.indicator_id IN (SELECT valued_id FROM listed)
     GROUP BY v.indicator_id, v.area_code, v.batch_id
  ), valued AS (
    SELECT g.indicator_id, count(DISTINCT m.code)::int AS coverage, max(g.period) AS "lastPeriod",
           max(b.imported_at) AS "lastImportedAt"
      FROM by_area_and_batch g
      JOIN import_batch b ON b.id = g.batch_id
      LEFT JOIN municipality m ON m.code = g.area_code
     GROUP BY g.indicator_id
  ), fetched AS (
    SELECT f.source, upper(f.subject) AS subject, max(f.finished_at) AS "lastFetchedAt"
      FROM source_fetch f
     WHERE f.status <> 'RUNNING' AND (f.source, upper(f.subject)) IN (SELECT source, subject FROM listed)
     GROUP BY 1, 2
  )
  SELECT l.id, coalesce(v.coverage, 0) AS coverage, v."lastPeriod", v."lastImportedAt", f."lastFetchedAt",
         l.subject AS "sourceSubject"
    FROM listed l
    LEFT JOIN valued v ON v.indicator_id = l.valued_id
    LEFT JOIN fetched f ON f.source = l.source AND f.subject = l.subject`;

type IndicatorFacts = Pick<
  IndicatorModel,
  'coverage' | 'lastPeriod' | 'lastImportedAt' | 'lastFetchedAt' | 'sourceSubject' | 'sourceUrl'
>;

/** The source's own page of what an indicator reads, where the source has one per subject. */
export function sourcePageUrl(source: string, subject: string | null): string | null {
  if (!subject) return null;
  if (source === 'KOLADA')
    return `https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(subject)}`;
  if (source === 'SCB') return scbTableUrl(subject);
  return null;
}

/** An indicator as it is defined, without what FACTS tells of its values (an audit record keeps the definition). */
export function definitionOf<T extends Partial<IndicatorFacts>>(indicator: T): Omit<T, keyof IndicatorFacts> {
  const {
    coverage: _c,
    lastPeriod: _p,
    lastImportedAt: _i,
    lastFetchedAt: _f,
    sourceSubject: _s,
    sourceUrl: _u,
    ...definition
  } = indicator;
  return definition;
}

/** Official indicators are everyone's; a local one only its collaboration's. */
const VISIBLE = `(i.collaboration_id IS NULL OR i.collaboration_id = $1)`;

/**
 * How close (pg_trgm word similarity, 0…1) a searched word must come to a stretch of an
 * indicator's names with spaces and punctuation removed to count as found there: enough for
 * a compound written together or apart ("utrikesfodda" in "utrikes födda kvinnor": 0.92),
 * not for a neighbour ("inrikes födda": 0.62).
 */
const WORD_SIMILARITY = 0.7;

/**
 * The catalogue search. Each searched word must be found in an indicator (in any order):
 * by full-text search on its names, theme and description (Swedish and English
 * configurations that strip diacritics before stemming, so `arbetsloshet` finds
 * *arbetslösa*), by trigram similarity on its names joined without spaces (compounds), or
 * as the start of its code. Words a stemmer drops (och, i, för; "alla" is one in Swedish
 * only, "all" in English only) are not required: either language may call a word filler. The
 * rank is full-text relevance (a name weighs more than the theme, the theme more than the
 * description) plus how closely the words matched by similarity.
 */
const SEARCH = `
  WITH word AS (
    SELECT w, plainto_tsquery('ks_swedish', w) AS sv, plainto_tsquery('ks_english', w) AS en
      FROM (SELECT DISTINCT w FROM regexp_split_to_table(lower(unaccent($4::text)), '[^[:alnum:]]+') AS w
             WHERE w <> '') AS words
  )
  SELECT i.id, s.rank
    FROM indicator i
    CROSS JOIN LATERAL (
      SELECT setweight(to_tsvector('ks_swedish', i.name_sv || ' ' || translate(i.code, '._', '  ')), 'A')
             || setweight(to_tsvector('ks_swedish', coalesce($5::jsonb -> i.theme ->> 'sv', i.theme)), 'B')
             || setweight(to_tsvector('ks_swedish', coalesce(i.description_sv, '')), 'C') AS sv,
             setweight(to_tsvector('ks_english', i.name_en || ' ' || translate(i.code, '._', '  ')), 'A')
             || setweight(to_tsvector('ks_english', coalesce($5::jsonb -> i.theme ->> 'en', i.theme)), 'B')
             || setweight(to_tsvector('ks_english', coalesce(i.description_en, '')), 'C') AS en,
             regexp_replace(lower(unaccent(i.name_sv || ' ' || i.name_en)), '[^[:alnum:]]+', '', 'g') AS joined
    ) doc
    CROSS JOIN LATERAL (
      SELECT bool_and(
               numnode(word.sv) = 0 OR numnode(word.en) = 0
               OR doc.sv @@ word.sv OR doc.en @@ word.en
               OR word_similarity(word.w, doc.joined) >= ${WORD_SIMILARITY}
               OR i.code LIKE word.w || '%'
             ) AS found,
             sum(ts_rank(doc.sv, word.sv) + ts_rank(doc.en, word.en)
                 + CASE WHEN word_similarity(word.w, doc.joined) >= ${WORD_SIMILARITY}
                        THEN word_similarity(word.w, doc.joined) / 10 ELSE 0 END)
               + CASE WHEN i.code = lower(trim($4::text)) THEN 10 ELSE 0 END AS rank
        FROM word
    ) s
   WHERE ${VISIBLE} AND s.found`;

/**
 * Whose catalogue to read: a collaboration's (official and its local indicators) or, with
 * `collaborationId: null`, the official one alone, which any signed-in user may read.
 */
export interface CatalogueScope {
  collaborationId: string | null;
}
export const OFFICIAL_CATALOGUE: CatalogueScope = { collaborationId: null };

/** A search is a few words; a page of text is a mistake (and costs every indicator a trigram scan). */
const MAX_SEARCH_LENGTH = 200;

/** More areas than the country has municipalities, counties and itself is a mistake. */
const MAX_AREAS = 312;

interface IndicatorRow extends IndicatorModel {
  numeratorId: string | null;
  denominatorId: string | null;
}

interface StoredRow {
  value: number | null;
  lowerBound: boolean;
  upperBound: number | null;
}

interface ValueRow {
  area: string;
  period: string;
  range: StoredRange | null;
  preliminary: boolean;
  status: string | null;
  batchId: string | null;
  /** a ratio's denominator's batch */
  denominatorBatchId?: string | null;
  publishedAt: string | null;
  version: number | null;
}

@Injectable()
export class IndicatorQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The catalogue, filtered. With a search, the indicators that match it, most relevant
   * first; without, all of them in the catalogue's order. A series another one supersedes
   * (the register-based unemployment series) is left out when `includeSuperseded` is false.
   */
  list(
    tenant: CatalogueScope,
    filter: {
      search?: string | null;
      theme?: string | null;
      source?: string | null;
      includeSuperseded?: boolean | null;
    },
  ): Promise<IndicatorModel[]> {
    return this.rows(tenant, filter).then((rows) => this.withFacts(rows));
  }

  /** Adds what FACTS tells to each indicator: one statement for the whole list. */
  private async withFacts<T extends { id: string; source: string }>(
    rows: T[],
    db: Pick<DataSource, 'query'> = this.dataSource,
  ): Promise<(T & IndicatorFacts)[]> {
    if (!rows.length) return [];
    const facts: (Omit<IndicatorFacts, 'sourceUrl'> & { id: string })[] = await db.query(FACTS, [
      rows.map((row) => row.id),
    ]);
    const byId = new Map(facts.map((fact) => [fact.id, fact]));
    return rows.map((row) => {
      const fact = byId.get(row.id);
      return {
        ...row,
        coverage: fact?.coverage ?? 0,
        lastPeriod: fact?.lastPeriod ?? null,
        lastImportedAt: fact?.lastImportedAt ?? null,
        lastFetchedAt: fact?.lastFetchedAt ?? null,
        sourceSubject: fact?.sourceSubject ?? null,
        sourceUrl: sourcePageUrl(row.source, fact?.sourceSubject ?? null),
      };
    });
  }

  private rows(
    tenant: CatalogueScope,
    filter: {
      search?: string | null;
      theme?: string | null;
      source?: string | null;
      includeSuperseded?: boolean | null;
    },
  ): Promise<IndicatorRow[]> {
    const search = filter.search?.trim() || null;
    if (search && search.length > MAX_SEARCH_LENGTH)
      throw badInput([{ field: 'search', message: `at most ${MAX_SEARCH_LENGTH} characters` }]);
    const conditions = `${VISIBLE}
          AND ($2::text IS NULL OR i.theme = $2)
          AND ($3::text IS NULL OR i.source = $3)
          AND (${filter.includeSuperseded === false ? 'i.superseded_by_id IS NULL' : 'true'})`;
    if (!search)
      return this.dataSource.query(
        `${SELECT_INDICATOR} WHERE ${conditions} ORDER BY i.source, i.theme, i.code`,
        [tenant.collaborationId, filter.theme || null, filter.source || null],
      );
    // A successor ranks before the series it supersedes when both match equally well.
    return this.dataSource.query(
      `WITH found AS (${SEARCH})
       ${SELECT_INDICATOR}
         JOIN found ON found.id = i.id
        WHERE ${conditions}
        ORDER BY found.rank DESC, (i.superseded_by_id IS NULL) DESC, i.name_sv COLLATE swedish, i.code`,
      [
        tenant.collaborationId,
        filter.theme || null,
        filter.source || null,
        search,
        JSON.stringify(THEME_NAMES),
      ],
    );
  }

  async byCode(tenant: CatalogueScope, code: string): Promise<IndicatorRow> {
    const [row] = await this.dataSource.query(`${SELECT_INDICATOR} WHERE ${VISIBLE} AND i.code = $2`, [
      tenant.collaborationId,
      code,
    ]);
    if (!row) throw notFound('Indicator', code);
    const [withFacts] = await this.withFacts([row as IndicatorRow]);
    return withFacts;
  }

  /** The official indicators that read a source's table (SCB) or key figure (Kolada). */
  officialCodesReading(source: 'SCB' | 'KOLADA', subject: string): Promise<{ code: string }[]> {
    return this.dataSource.query(
      `SELECT code FROM indicator
        WHERE collaboration_id IS NULL AND source = $1
          AND upper(coalesce(source_key->>'table', source_key->>'kpi')) = upper($2)
        ORDER BY code`,
      [source, subject],
    );
  }

  /** A local indicator of the tenant's collaboration by id, in the caller's transaction. */
  async localById(manager: EntityManager, tenant: TenantScope, id: string): Promise<IndicatorModel | null> {
    const [row] = await manager.query(
      `${SELECT_INDICATOR} WHERE i.id = $1 AND i.collaboration_id = $2 AND i.source = 'LOCAL'`,
      [id, tenant.collaborationId],
    );
    if (!row) return null;
    const { numeratorId: _n, denominatorId: _d, ...indicator } = row as IndicatorRow;
    const [withFacts] = await this.withFacts([indicator], manager);
    return withFacts;
  }

  /**
   * The series of one indicator for the given areas (default: the collaboration's member
   * municipalities). A ratio is computed from its parts per area and period, never stored.
   */
  async series(
    tenant: CatalogueScope,
    code: string,
    options: { areaCodes?: string[] | null; from?: string | null; to?: string | null },
  ): Promise<IndicatorSeriesModel> {
    const indicator = await this.byCode(tenant, code);
    for (const [field, period] of [
      ['from', options.from],
      ['to', options.to],
    ] as const) {
      if (period && !isPeriodCode(period))
        throw badInput([{ field, message: `${period} is not a period code` }]);
    }
    if (!options.areaCodes?.length && tenant.collaborationId === null)
      throw badInput([{ field: 'areaCodes', message: 'name the areas to read (4-digit area codes)' }]);
    const areaCodes = options.areaCodes?.length
      ? [...new Set(options.areaCodes)]
      : await this.memberMunicipalities(tenant as TenantScope);
    const bad = areaCodes.filter((area) => !/^[0-9]{4}$/.test(area));
    if (bad.length)
      throw badInput([{ field: 'areaCodes', message: `${bad.join(', ')}: area codes have 4 digits` }]);
    if (areaCodes.length > MAX_AREAS)
      throw badInput([{ field: 'areaCodes', message: `at most ${MAX_AREAS} areas at a time` }]);

    const rows =
      indicator.kind === 'RATIO'
        ? await this.ratioValues(indicator, areaCodes, options)
        : await this.values(indicator.id, areaCodes, options);
    const periods = [...new Set(rows.map((row) => row.period))].sort();
    const index = new Map(periods.map((period, i) => [period, i]));
    const names = await this.areaNames(areaCodes);
    const areas = areaCodes.map((areaCode): AreaSeriesModel => {
      const empty = <T>(fill: T) => periods.map(() => fill);
      return {
        areaCode,
        areaName: names.get(areaCode) ?? areaCode,
        values: empty<number | null>(null),
        lowerBounds: empty<number | null>(null),
        upperBounds: empty<number | null>(null),
        preliminary: empty(false),
        status: empty<string | null>(null),
        batchId: empty<string | null>(null),
        publishedAt: empty<string | null>(null),
        versions: empty<number | null>(null),
        denominatorBatchId: empty<string | null>(null),
      };
    });
    const byArea = new Map(areas.map((area) => [area.areaCode, area]));
    for (const row of rows) {
      const area = byArea.get(row.area);
      const i = index.get(row.period)!;
      if (!area) continue;
      const compact = compactRange(row.range);
      area.values[i] = compact.value;
      area.lowerBounds[i] = compact.lowerBound;
      area.upperBounds[i] = compact.upperBound;
      area.preliminary[i] = row.preliminary;
      area.status[i] = row.status;
      area.batchId[i] = row.batchId;
      area.publishedAt[i] = row.publishedAt;
      area.versions[i] = row.version;
      area.denominatorBatchId[i] = row.denominatorBatchId ?? null;
    }
    const batchIds = new Set<string>();
    for (const row of rows) {
      if (row.batchId) batchIds.add(row.batchId);
      if (row.denominatorBatchId) batchIds.add(row.denominatorBatchId);
    }
    return { indicator, periods, areas, batches: await this.seriesBatches([...batchIds]) };
  }

  /**
   * What the series' values tell of where they came from, once per batch: one statement
   * whatever the number of values. Official batches name their source, never a person;
   * a collaboration's own batch names who imported or entered it (by display name).
   */
  private async seriesBatches(ids: string[]): Promise<SeriesBatchModel[]> {
    if (!ids.length) return [];
    return this.dataSource.query(
      `SELECT b.id, b.source, b.format, b.file_name AS "fileName", to_char(b.published_at, 'YYYY-MM-DD') AS "publishedAt",
              b.imported_at AS "importedAt", (b.collaboration_id IS NULL) AS official,
              CASE WHEN b.collaboration_id IS NOT NULL THEN coalesce(u.name, u.username) END AS "enteredBy"
         FROM import_batch b LEFT JOIN app_user u ON u.id = b.imported_by
        WHERE b.id = ANY($1::uuid[])
        ORDER BY b.imported_at DESC`,
      [ids],
    );
  }

  /**
   * Import batches, newest first: the official ones and, given a collaboration, its own.
   * Who imported an official batch is shown only to those who may import official figures
   * themselves: to everyone else (other tenants) the batch names its source, not a person.
   */
  async batches(
    scope: { collaborationId: string | null; principal: Principal },
    limit: number,
    id: string | null = null,
    offset = 0,
  ): Promise<ImportBatchModel[]> {
    if (!Number.isInteger(offset) || offset < 0)
      throw badInput([{ field: 'offset', message: 'must be 0 or more' }]);
    const rows = await this.dataSource.query(
      `SELECT b.id, b.source, b.format, b.file_name AS "fileName", b.file_sha256 AS "fileSha256", b.file_size AS "fileSize",
              to_char(b.published_at, 'YYYY-MM-DD') AS "publishedAt", b.inserted, b.changed, b.unchanged, b.status,
              b.imported_at AS "importedAt", b.undone_at AS "undoneAt", b.collaboration_id AS "collaborationId",
              u.id AS "userId", u.name AS "userName", u.email AS "userEmail", u.username AS "userUsername"
         FROM import_batch b LEFT JOIN app_user u ON u.id = b.imported_by
        WHERE (b.collaboration_id IS NULL OR b.collaboration_id = $1) AND ($3::uuid IS NULL OR b.id = $3)
        ORDER BY b.imported_at DESC, b.id DESC LIMIT $2 OFFSET $4`,
      [scope.collaborationId, Math.min(Math.max(limit, 1), 500), id, offset],
    );
    // Security invariant: people's details do not cross tenants through official batches.
    const seesOfficialImporters = scope.principal.canOnPlatform(PlatformPermission.OfficialImport);
    const changes = await this.manualChanges(
      rows.filter((row: { format: string }) => row.format === 'MANUAL').map((row: { id: string }) => row.id),
    );
    return rows.map(({ userId, userName, userEmail, userUsername, ...batch }: Record<string, unknown>) => ({
      ...batch,
      importedBy:
        userId && (batch['collaborationId'] !== null || seesOfficialImporters)
          ? { id: userId, name: userName, email: userEmail, username: userUsername }
          : null,
      changes: batch['format'] === 'MANUAL' ? (changes.get(batch['id'] as string) ?? []) : null,
    })) as ImportBatchModel[];
  }

  /**
   * What the manual entries among the batches changed, for all of them in one statement: a
   * value the entry wrote is still stored with its batch id, or in the history once a later
   * batch replaced it; the value it replaced is in the history under replaced_by_batch_id.
   * An undone entry has neither any more (its earlier values are back).
   */
  private async manualChanges(batchIds: string[]): Promise<Map<string, ValueChangeModel[]>> {
    const byBatch = new Map<string, ValueChangeModel[]>();
    if (!batchIds.length) return byBatch;
    const rows: (ValueChangeModel & { batchId: string })[] = await this.dataSource.query(
      `WITH written AS (
         SELECT batch_id, indicator_id, area_code, period, value FROM indicator_value WHERE batch_id = ANY($1::uuid[])
         UNION ALL
         SELECT batch_id, indicator_id, area_code, period, value FROM indicator_value_history WHERE batch_id = ANY($1::uuid[])
       ), listed AS (
         SELECT w.batch_id AS "batchId", i.code AS "indicatorCode", i.name_sv AS "indicatorNameSv",
                i.name_en AS "indicatorNameEn", w.area_code AS "areaCode", coalesce(m.name, w.area_code) AS "areaName",
                w.period, (o.id IS NOT NULL) AS "hadValue", o.value::float8 AS "oldValue", w.value::float8 AS "newValue",
                row_number() OVER (PARTITION BY w.batch_id ORDER BY i.name_sv COLLATE swedish, i.code,
                                   m.name COLLATE swedish, w.area_code, w.period) AS n
           FROM written w
           JOIN indicator i ON i.id = w.indicator_id
           LEFT JOIN municipality m ON m.code = w.area_code
           LEFT JOIN indicator_value_history o ON o.replaced_by_batch_id = w.batch_id
                AND (o.indicator_id, o.area_code, o.period) = (w.indicator_id, w.area_code, w.period)
       )
       SELECT * FROM listed WHERE n <= $2 ORDER BY "batchId", n`,
      [batchIds, MAX_CHANGES_LISTED],
    );
    for (const { batchId, n: _n, ...change } of rows as (ValueChangeModel & {
      batchId: string;
      n: string;
    })[]) {
      byBatch.set(batchId, [...(byBatch.get(batchId) ?? []), change]);
    }
    return byBatch;
  }

  async memberMunicipalities(tenant: TenantScope): Promise<string[]> {
    const rows = await this.dataSource.query(
      `SELECT o.municipality_code AS code FROM organization o JOIN municipality m ON m.code = o.municipality_code
        WHERE o.collaboration_id = $1 ORDER BY m.name COLLATE swedish`,
      [tenant.collaborationId],
    );
    return rows.map((row: { code: string }) => row.code);
  }

  private async values(
    indicatorId: string,
    areas: string[],
    range: { from?: string | null; to?: string | null },
  ): Promise<ValueRow[]> {
    const rows: (Omit<ValueRow, 'range'> & StoredRow)[] = await this.dataSource.query(
      `SELECT area_code AS area, period, value::float8 AS value, lower_bound AS "lowerBound",
              upper_bound::float8 AS "upperBound", preliminary, status, batch_id AS "batchId",
              to_char(published_at, 'YYYY-MM-DD') AS "publishedAt", version
         FROM indicator_value
        WHERE indicator_id = $1 AND area_code = ANY($2) AND ($3::text IS NULL OR period >= $3) AND ($4::text IS NULL OR period <= $4)`,
      [indicatorId, areas, range.from ?? null, range.to ?? null],
    );
    return rows.map(({ value, lowerBound, upperBound, ...row }) => ({
      ...row,
      range: storedRange(value, lowerBound, upperBound),
    }));
  }

  /**
   * numerator ÷ denominator × factor per area and period; a bounded part (AF's "<5") makes
   * the ratio a range (the smallest numerator over the largest denominator to the reverse).
   */
  private async ratioValues(
    indicator: IndicatorRow,
    areas: string[],
    range: { from?: string | null; to?: string | null },
  ): Promise<ValueRow[]> {
    const rows: (Omit<ValueRow, 'range'> & {
      numerator: StoredRow;
      denominator: StoredRow;
    })[] = await this.dataSource.query(
      `SELECT n.area_code AS area, n.period,
              json_build_object('value', n.value::float8, 'lowerBound', n.lower_bound, 'upperBound', n.upper_bound::float8) AS numerator,
              json_build_object('value', d.value::float8, 'lowerBound', d.lower_bound, 'upperBound', d.upper_bound::float8) AS denominator,
              (n.preliminary OR d.preliminary) AS preliminary, coalesce(n.status, d.status) AS status,
              n.batch_id AS "batchId", d.batch_id AS "denominatorBatchId",
              to_char(greatest(n.published_at, d.published_at), 'YYYY-MM-DD') AS "publishedAt",
              NULL::int AS version
         FROM indicator_value n
         JOIN indicator_value d ON d.indicator_id = $2 AND d.area_code = n.area_code AND d.period = n.period
        WHERE n.indicator_id = $1 AND n.area_code = ANY($3)
          AND ($4::text IS NULL OR n.period >= $4) AND ($5::text IS NULL OR n.period <= $5)`,
      [indicator.numeratorId, indicator.denominatorId, areas, range.from ?? null, range.to ?? null],
    );
    const stored = (part: StoredRow) => storedRange(part.value, part.lowerBound, part.upperBound);
    return rows.map(({ numerator, denominator, ...row }) => ({
      ...row,
      range: rangeRatio(stored(numerator), stored(denominator), indicator.factor ?? 1),
    }));
  }

  private async areaNames(codes: string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query(
      `SELECT code, name FROM municipality WHERE code = ANY($1)
       UNION ALL SELECT '00' || code, name FROM county WHERE '00' || code = ANY($1)
       UNION ALL SELECT '0000', 'Riket' WHERE '0000' = ANY($1)`,
      [codes],
    );
    return new Map(rows.map((row: { code: string; name: string }) => [row.code, row.name]));
  }
}
