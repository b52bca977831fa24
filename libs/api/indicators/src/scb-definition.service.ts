import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditWriter } from '@kraftsamling/api/core/audit';
import { badInput, DomainError, ErrorCode, type FieldProblem } from '@kraftsamling/api/core/errors';
import type { ScbTableMetadata } from '@kraftsamling/api/statistics-formats';
import {
  seriesKeyId,
  type Direction,
  type IndicatorSourceKey,
  type IndicatorUnit,
  type Periodicity,
  type ScbSourceKey,
} from './catalogue';
import { FetchError, type FetchOptions } from './kolada-fetch';
import { fetchScbMetadata, scbTableId } from './scb-fetch';

/** What a steward chose from a table's metadata to make one indicator. */
export interface ScbIndicatorChoice {
  table: string;
  contentsCode: string;
  /** per breakdown dimension: one class, or several to add up (one dimension at most); a dimension left out is eliminated */
  classes: { dimension: string; codes: string[] }[];
  nameSv: string;
  nameEn: string;
  descriptionSv?: string | null;
  descriptionEn?: string | null;
  theme?: string | null;
  unit: IndicatorUnit;
  periodicity: Periodicity;
  direction: Direction;
}

/** How SCB codes a period, to check the periodicity the steward chose against the table. */
function periodicityOf(code: string): Periodicity | null {
  if (/^[0-9]{4}$/.test(code)) return 'YEAR';
  if (/^[0-9]{4}M[0-9]{2}$/.test(code)) return 'MONTH';
  if (/^[0-9]{4}K[1-4]$/.test(code)) return 'QUARTER';
  if (/^[0-9]{4}V[0-9]{2}$/.test(code)) return 'WEEK';
  return null;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'x';

/** The catalogue code of a defined indicator: stable, from the table and the choice, so the same choice is the same code. */
export function scbIndicatorCode(key: ScbSourceKey): string {
  const parts = [`scb`, slug(key.table ?? 'table'), slug(key.contentsCode ?? 'contents')];
  for (const dimension of Object.keys(key.dimensions).sort())
    parts.push(`${slug(dimension)}_${slug(key.dimensions[dimension]!)}`);
  if (key.sum)
    parts.push(
      `${slug(key.sum.dimension)}_sum_${slug(key.sum.codes[0]!)}_${slug(key.sum.codes[key.sum.codes.length - 1]!)}`,
    );
  return parts.join('.');
}

/** What identifies the series a key reads, sums included, to find another indicator reading the same. */
const readsId = (key: IndicatorSourceKey) =>
  key.source === 'SCB' && key.sum
    ? `${seriesKeyId(key)}|sum:${key.sum.dimension}=${[...key.sum.codes].sort().join('+')}`
    : seriesKeyId(key);

/**
 * Checks a steward's choice against the table's metadata and makes the source key: the
 * contents code and classes must be the table's, a dimension left out must be one SCB can
 * eliminate, at most one dimension is summed, and the periodicity is the table's.
 */
export function scbSourceKey(metadata: ScbTableMetadata, choice: ScbIndicatorChoice): ScbSourceKey {
  const problems: FieldProblem[] = [];
  const contents = metadata.dimensions.find((d) => d.role === 'CONTENTS')!;
  if (!contents.classes.some((c) => c.code === choice.contentsCode))
    problems.push({
      field: 'input.contentsCode',
      message: `table ${metadata.id} has no contents code ${choice.contentsCode} (it has ${contents.classes.map((c) => c.code).join(', ')})`,
    });
  const dimensions: Record<string, string> = {};
  let sum: ScbSourceKey['sum'];
  const given = new Set<string>();
  choice.classes.forEach((chosen, i) => {
    const field = `input.classes.${i}`;
    const dimension = metadata.dimensions.find((d) => d.code === chosen.dimension);
    if (!dimension || dimension.role !== 'OTHER') {
      problems.push({
        field,
        message: dimension
          ? `${chosen.dimension} is not chosen here: every municipality and period is read, and the contents code is chosen above`
          : `table ${metadata.id} has no dimension ${chosen.dimension}`,
      });
      return;
    }
    if (given.has(dimension.code)) problems.push({ field, message: `${dimension.code} is chosen twice` });
    given.add(dimension.code);
    const unknown = chosen.codes.filter((code) => !dimension.classes.some((c) => c.code === code));
    if (!chosen.codes.length)
      problems.push({ field, message: `choose at least one class of ${dimension.code}` });
    else if (unknown.length)
      problems.push({ field, message: `${dimension.code} has no class ${unknown.slice(0, 5).join(', ')}` });
    else if (chosen.codes.length === 1) dimensions[dimension.code] = chosen.codes[0]!;
    else if (sum)
      problems.push({ field, message: `only one dimension can be added up; ${sum.dimension} already is` });
    else sum = { dimension: dimension.code, codes: [...new Set(chosen.codes)] };
  });
  for (const dimension of metadata.dimensions)
    if (dimension.role === 'OTHER' && !given.has(dimension.code) && !dimension.elimination)
      problems.push({
        field: 'input.classes',
        message: `${dimension.code} (${dimension.label}) cannot be left out: SCB publishes no total for it; choose a class, or several to add up`,
      });
  const time = metadata.dimensions.find((d) => d.role === 'TIME')!;
  const tablePeriodicity = time.classes.length ? periodicityOf(time.classes[0]!.code) : null;
  if (tablePeriodicity && tablePeriodicity !== choice.periodicity)
    problems.push({
      field: 'input.periodicity',
      message: `the table's periods are ${tablePeriodicity} (e.g. ${time.classes[0]!.code}), not ${choice.periodicity}`,
    });
  for (const [field, text, max] of [
    ['input.nameSv', choice.nameSv, 200],
    ['input.nameEn', choice.nameEn, 200],
  ] as const)
    if (!text.trim() || text.length > max)
      problems.push({ field, message: `give a name of 1 to ${max} characters` });
  if (problems.length) throw badInput(problems);
  return {
    source: 'SCB',
    table: metadata.id,
    contentsCode: choice.contentsCode,
    dimensions,
    ...(sum ? { sum } : {}),
    ...(metadata.preliminary ? { preliminary: true } : {}),
  };
}

/**
 * A statistics steward makes an indicator of any SCB table: the product reads the table's
 * metadata, the steward chooses the contents and the classes, and the definition is stored
 * as a catalogue entry with its source key, so the table's answers map without code.
 */
@Injectable()
export class ScbDefinitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  /** The table's metadata; a table SCB does not know, or an unreachable SCB, is said in words. */
  async metadata(table: string, options: FetchOptions = {}): Promise<ScbTableMetadata> {
    try {
      return await fetchScbMetadata(table, options);
    } catch (error) {
      if (error instanceof FetchError)
        throw new DomainError(
          / 404 /.test(error.message) ? ErrorCode.NotFound : ErrorCode.BadUserInput,
          / 404 /.test(error.message)
            ? `SCB has no table ${table.trim().toUpperCase()}`
            : `SCB's metadata of ${table} could not be read: ${error.message}`,
          [{ field: 'table', message: error.message }],
        );
      throw error;
    }
  }

  /** Defines one indicator from the table; returns its catalogue code. */
  async define(
    choice: ScbIndicatorChoice,
    actor: { userId: string | null; subject: string },
    options: FetchOptions = {},
  ): Promise<string> {
    let table: string;
    try {
      table = scbTableId(choice.table);
    } catch (error) {
      throw badInput([{ field: 'input.table', message: (error as Error).message }]);
    }
    const metadata = await this.metadata(table, options);
    const key = scbSourceKey(metadata, { ...choice, table });
    const code = scbIndicatorCode(key);
    return this.dataSource.transaction(async (manager) => {
      const existing: { code: string; sourceKey: IndicatorSourceKey }[] = await manager.query(
        `SELECT code, source_key AS "sourceKey" FROM indicator
          WHERE collaboration_id IS NULL AND kind = 'MEASURED' AND source = 'SCB' AND source_key IS NOT NULL`,
      );
      const same = existing.find((row) => row.code === code || readsId(row.sourceKey) === readsId(key));
      if (same)
        throw badInput([
          {
            field: 'input.contentsCode',
            message: `indicator ${same.code} already reads ${key.contentsCode}${Object.entries(key.dimensions)
              .map(([d, c]) => ` ${d}=${c}`)
              .join('')}${key.sum ? ` summed over ${key.sum.dimension}` : ''} of ${table}`,
          },
        ]);
      const contents = metadata.dimensions.find((d) => d.role === 'CONTENTS')!;
      const contentsLabel = contents.classes.find((c) => c.code === key.contentsCode)!.label;
      const describe = (sv: boolean) =>
        `${sv ? 'SCB, tabell' : 'Statistics Sweden, table'} ${table} (${key.contentsCode}: ${contentsLabel}${Object.entries(
          key.dimensions,
        )
          .map(([d, c]) => `, ${d}=${c}`)
          .join(
            '',
          )}${key.sum ? `, ${sv ? 'summan av' : 'the sum of'} ${key.sum.dimension} ${key.sum.codes.join('+')}` : ''}).`;
      const [{ id }] = await manager.query(
        `INSERT INTO indicator (code, theme, name_sv, name_en, description_sv, description_en, unit, periodicity,
                                direction, source, kind, source_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'SCB', 'MEASURED', $10::jsonb) RETURNING id`,
        [
          code,
          choice.theme?.trim() || 'scb',
          choice.nameSv.trim(),
          choice.nameEn.trim(),
          choice.descriptionSv?.trim() || describe(true),
          choice.descriptionEn?.trim() || describe(false),
          choice.unit,
          choice.periodicity,
          choice.direction,
          JSON.stringify(key),
        ],
      );
      await this.audit.record(manager, {
        collaborationId: null,
        actor,
        action: 'indicator.defined-from-scb',
        entityType: 'indicator',
        entityId: id,
        before: null,
        after: { code, sourceKey: key, nameSv: choice.nameSv, nameEn: choice.nameEn },
      });
      return code;
    });
  }
}
