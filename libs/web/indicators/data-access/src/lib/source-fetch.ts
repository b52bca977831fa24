import type { AppError } from '@kraftsamling/web/shared/errors';
import type {
  DefineScbIndicatorInput,
  FetchSource,
  FetchSourceInput,
} from '@kraftsamling/web/shared/graphql';
import type { ScbDimension, ScbTable, SourceFetch } from './models';

/** The sources a steward can fetch from, in the order the form offers them. */
export const FETCH_SOURCES: readonly FetchSource[] = ['KOLADA', 'SCB', 'AF'];

/** A Kolada key figure's id: a letter and five digits (N00955, U09400). */
export const KOLADA_KPI_PATTERN = /^[A-Za-z]\d{5}$/;
/** An SCB table's id in PxWebApi 2: TAB and digits (TAB6471). */
export const SCB_TABLE_PATTERN = /^TAB\d+$/i;

/** What the fetch form holds, as typed. */
export interface FetchFormValue {
  source: FetchSource;
  subject: string;
  /** Kolada and SCB: the first year, as typed (empty: the API's default, ten years back). */
  from: string;
}

export type FetchFieldProblem = 'subjectRequired' | 'koladaId' | 'scbTable' | 'afUrl' | 'fromYear';

/**
 * Checks what the fetch form holds and makes the mutation's input of it, or names the field
 * and what is wrong with it; the API checks again (its message reaches the user too).
 */
export function fetchSourceInput(
  value: FetchFormValue,
  thisYear = new Date().getFullYear(),
): { input: FetchSourceInput } | { field: 'subject' | 'from'; problem: FetchFieldProblem } {
  const subject = value.subject.trim();
  if (!subject) return { field: 'subject', problem: 'subjectRequired' };
  if (value.source === 'KOLADA' && !KOLADA_KPI_PATTERN.test(subject))
    return { field: 'subject', problem: 'koladaId' };
  if (value.source === 'SCB' && !SCB_TABLE_PATTERN.test(subject))
    return { field: 'subject', problem: 'scbTable' };
  if (value.source === 'AF' && !/^https?:\/\/\S+$/i.test(subject))
    return { field: 'subject', problem: 'afUrl' };
  const fromText = value.from.trim();
  let from: number | null = null;
  if (value.source !== 'AF' && fromText) {
    from = Number(fromText);
    if (!Number.isInteger(from) || from < 1990 || from > thisYear)
      return { field: 'from', problem: 'fromYear' };
  }
  return {
    input: {
      source: value.source,
      subject: value.source === 'AF' ? subject : subject.toUpperCase(),
      ...(from !== null ? { from } : {}),
    },
  };
}

/** A fetch's outcome in words: a translation key and its parameters. */
export function fetchOutcome(fetch: Pick<SourceFetch, 'status' | 'inserted' | 'changed' | 'message'>): {
  key: string;
  params: Record<string, string | number>;
} {
  switch (fetch.status) {
    case 'IMPORTED':
      return {
        key: 'fetchForm.outcome.imported',
        params: { inserted: fetch.inserted, changed: fetch.changed },
      };
    case 'NOTHING_NEW':
      return { key: 'fetchForm.outcome.nothingNew', params: { message: fetch.message ?? '' } };
    case 'FAILED':
      return { key: 'fetchForm.outcome.failed', params: { message: fetch.message ?? '' } };
    case 'RUNNING':
      return { key: 'fetchForm.outcome.running', params: {} };
  }
}

/** The dimensions a steward chooses classes of: neither region, time nor contents. */
export function choosableDimensions(table: ScbTable): ScbDimension[] {
  return table.dimensions.filter((dimension) => dimension.role === 'OTHER');
}

/** The table's contents codes (its measures), one of which an indicator reads. */
export function contentsCodes(table: ScbTable): ScbDimension['classes'] {
  return table.dimensions.find((dimension) => dimension.role === 'CONTENTS')?.classes ?? [];
}

/** What the steward chose of an SCB table, beside the names and the indicator's kind. */
export interface ScbChoice {
  contentsCode: string;
  /** Per dimension code, the classes chosen (several: their sum; none: left out, i.e. the total). */
  classes: Readonly<Record<string, readonly string[]>>;
  nameSv: string;
  nameEn: string;
  unit: DefineScbIndicatorInput['unit'];
  periodicity: DefineScbIndicatorInput['periodicity'];
  direction: DefineScbIndicatorInput['direction'];
}

/**
 * The mutation's input of a steward's choice, and which dimension each entry of its
 * `classes` is, so the API's field errors (`classes.1`) can be shown at that dimension.
 */
export function defineScbIndicatorInput(
  table: ScbTable,
  choice: ScbChoice,
): { input: DefineScbIndicatorInput; classDimensions: string[] } {
  const classes = choosableDimensions(table)
    .map((dimension) => ({ dimension: dimension.code, codes: [...(choice.classes[dimension.code] ?? [])] }))
    .filter((entry) => entry.codes.length > 0);
  return {
    input: {
      table: table.id,
      contentsCode: choice.contentsCode,
      classes,
      nameSv: choice.nameSv.trim(),
      nameEn: choice.nameEn.trim(),
      unit: choice.unit,
      periodicity: choice.periodicity,
      direction: choice.direction,
    },
    classDimensions: classes.map((entry) => entry.dimension),
  };
}

/**
 * The API names a class choice by its place in the input (`classes.1`); the form keeps one
 * control per dimension (`classes.Kon`). Renames those field errors so they land there.
 */
export function classErrorsByDimension(error: AppError, classDimensions: readonly string[]): AppError {
  return {
    ...error,
    fields: error.fields.map((fieldError) => {
      const match = /^classes\.(\d+)$/.exec(fieldError.field);
      const dimension = match ? classDimensions[Number(match[1])] : undefined;
      return dimension ? { ...fieldError, field: `classes.${dimension}` } : fieldError;
    }),
  };
}
