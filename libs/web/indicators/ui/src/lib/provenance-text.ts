import type { PeriodLanguage } from '@kraftsamling/shared/periods';
import { formatDate, formatDateTime } from './formatting';
import type { Provenance, SeriesBatchLike, SeriesTable } from './series-table';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** "importerad 16 okt. 2024 10:02 ur filen x.xlsx", or "inmatad för hand av … 3 nov. 2024 09:15". */
export function batchText(batch: SeriesBatchLike, language: PeriodLanguage, t: Translate): string {
  const date = formatDateTime(batch.importedAt, language);
  if (batch.format === 'MANUAL')
    return batch.enteredBy
      ? t('indicators.provenance.entered', { who: batch.enteredBy, date })
      : t('indicators.provenance.enteredUnknown', { date });
  if (!batch.fileName) return t('indicators.provenance.importedNoFile', { date });
  return batch.enteredBy
    ? t('indicators.provenance.importedBy', { date, who: batch.enteredBy, file: batch.fileName })
    : t('indicators.provenance.imported', { date, file: batch.fileName });
}

/**
 * What a person reads about where a value came from: the source, when it was published,
 * when and from which file it was imported (or who entered it by hand, and when), and
 * whether it is preliminary or known only as a range. Never an internal id.
 */
export function provenanceText(provenance: Provenance, language: PeriodLanguage, t: Translate): string {
  const parts = [t('indicators.provenance.source', { source: t(`indicators.sources.${provenance.source}`) })];
  if (provenance.computed) parts.push(t('indicators.provenance.computed'));
  if (provenance.publishedAt)
    parts.push(t('indicators.provenance.published', { date: formatDate(provenance.publishedAt, language) }));
  if (provenance.batch) {
    const batch = batchText(provenance.batch, language, t);
    parts.push(provenance.denominatorBatch ? t('indicators.provenance.numerator', { what: batch }) : batch);
  }
  if (provenance.denominatorBatch)
    parts.push(
      t('indicators.provenance.denominator', { what: batchText(provenance.denominatorBatch, language, t) }),
    );
  if (provenance.preliminary) parts.push(t('indicators.provenance.preliminary'));
  if (provenance.bound) parts.push(t('indicators.provenance.bound'));
  if (provenance.status) parts.push(t('indicators.provenance.status', { status: provenance.status }));
  return parts.join(' · ');
}

/**
 * Where one period's values came from, for a chart's tooltip (one line per batch, however
 * many areas share it): "Källa: Arbetsförmedlingen · importerad … ur filen …". Null when the
 * series tells no batch.
 */
export function rowSourceText(
  table: SeriesTable,
  rowIndex: number,
  language: PeriodLanguage,
  t: Translate,
): string | null {
  const row = table.rows[rowIndex];
  if (!row) return null;
  const texts = new Set<string>();
  let preliminary = false;
  for (const cell of row.cells) {
    const provenance = cell.provenance;
    if (!provenance) continue;
    preliminary ||= provenance.preliminary;
    for (const batch of [provenance.batch, provenance.denominatorBatch])
      if (batch) texts.add(batchText(batch, language, t));
  }
  if (!texts.size) return null;
  const source = row.cells.find((cell) => cell.provenance)!.provenance!.source;
  return [
    t('indicators.provenance.source', { source: t(`indicators.sources.${source}`) }),
    ...texts,
    ...(preliminary ? [t('indicators.provenance.somePreliminary')] : []),
  ].join(' · ');
}
