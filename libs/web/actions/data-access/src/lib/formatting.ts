import { labelPeriod } from '@kraftsamling/shared/periods';
import type { ExportTable } from '@kraftsamling/shared/exports';
import { OUTCOME_MEASURES, type ActionDetail, type ActionSummary, type OutcomeMeasure } from './models';

export type Language = 'sv' | 'en';

const locale = (language: Language) => (language === 'en' ? 'en-GB' : 'sv-SE');

/** A day (YYYY-MM-DD) as the language writes it: "30 sep. 2025" / "30 Sept 2025". */
export function formatDay(day: string | null | undefined, language: Language): string {
  if (!day) return '';
  const [year, month, date] = day.slice(0, 10).split('-').map(Number);
  return new Date(year!, month! - 1, date!).toLocaleDateString(locale(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** A moment (ISO timestamp) with the time of day, in Swedish time. */
export function formatMoment(at: string, language: Language): string {
  return new Date(at).toLocaleString(locale(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Stockholm',
  });
}

export function formatCount(value: number | null | undefined, language: Language): string {
  return value == null ? '' : value.toLocaleString(locale(language));
}

/** Translations the exports need, so the tables speak the user's language. */
export interface ActionExportLabels {
  sheet: string;
  column: (key: string) => string;
  status: (status: string) => string;
  measure: (measure: OutcomeMeasure) => string;
}

/** The group's actions as a table for CSV/XLSX: one row per action, its totals as participations. */
export function actionsTable(actions: readonly ActionSummary[], labels: ActionExportLabels): ExportTable {
  return {
    sheetName: labels.sheet,
    columns: [
      { header: labels.column('title'), width: 40 },
      { header: labels.column('type'), width: 24 },
      { header: labels.column('status'), width: 14 },
      { header: labels.column('municipalities'), width: 30 },
      { header: labels.column('goals'), width: 30 },
      { header: labels.column('lead'), width: 24 },
      { header: labels.column('contact'), width: 20 },
      { header: labels.column('startOn'), width: 12 },
      { header: labels.column('endOn'), width: 12 },
      { header: labels.column('planned'), width: 12 },
      ...OUTCOME_MEASURES.map((measure) => ({ header: labels.measure(measure), width: 14 })),
    ],
    rows: actions.map((action) => [
      action.title,
      action.type.name,
      labels.status(action.status),
      action.municipalities.map((m) => m.name).join(', '),
      action.goals.map((goal) => goal.title).join('; '),
      action.leadOrganization?.name ?? null,
      action.contact?.name ?? null,
      action.startOn ?? null,
      action.endOn ?? null,
      action.plannedParticipants ?? null,
      ...OUTCOME_MEASURES.map((measure) => action.totals[measure]),
    ]),
  };
}

/** An action's outcomes for CSV/XLSX: one row per municipality and period with every count. */
export function outcomesTable(
  action: Pick<ActionDetail, 'municipalities' | 'outcomes'>,
  labels: ActionExportLabels & { municipality: string; code: string; period: string },
  language: Language,
): ExportTable {
  const names = new Map(action.municipalities.map((m) => [m.code, m.name]));
  return {
    sheetName: labels.sheet,
    columns: [
      { header: labels.municipality, width: 20 },
      { header: labels.code, width: 8 },
      { header: labels.period, width: 16 },
      ...OUTCOME_MEASURES.map((measure) => ({ header: labels.measure(measure), width: 14 })),
    ],
    rows: [...action.outcomes]
      .sort(
        (a, b) => a.period.localeCompare(b.period) || a.municipalityCode.localeCompare(b.municipalityCode),
      )
      .map((outcome) => [
        names.get(outcome.municipalityCode) ?? outcome.municipalityCode,
        outcome.municipalityCode,
        labelPeriod(outcome.period, language),
        ...OUTCOME_MEASURES.map((measure) => outcome.counts[measure]),
      ]),
  };
}
