/*
 * The product's own template for figures no source publishes in a readable
 * format (a collaboration's local indicators, or official figures typed in by
 * hand). One row per value. README.md in this folder is the user documentation;
 * this is the same description in code, used to write the template and to check it.
 */

export type TemplateColumnName = 'indicator_code' | 'area_code' | 'period' | 'value' | 'flags' | 'note';

export interface TemplateColumn {
  name: TemplateColumnName;
  required: boolean;
  example: string;
  description: { sv: string; en: string };
}

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  {
    name: 'indicator_code',
    required: true,
    example: 'LOCAL_JOBTRACK_PARTICIPANTS',
    description: {
      sv: 'Indikatorns kod, som den står i indikatorkatalogen.',
      en: 'The indicator’s code, as listed in the indicator catalogue.',
    },
  },
  {
    name: 'area_code',
    required: true,
    example: '1283',
    description: {
      sv: 'Kommunkod med fyra siffror (1283), länskod som 00NN (0012) eller 0000 för riket. Inledande nollor som Excel tagit bort läggs tillbaka (114 läses som 0114).',
      en: 'Four-digit municipality code (1283), county code as 00NN (0012) or 0000 for the whole country. Leading zeros dropped by Excel are restored (114 is read as 0114).',
    },
  },
  {
    name: 'period',
    required: true,
    example: '2024-09',
    description: {
      sv: 'Period: YYYY-MM (månad), YYYY-Www (ISO-vecka, t.ex. 2023-W42), YYYY-Qn (kvartal, t.ex. 2024-Q3) eller YYYY (år). Måste passa indikatorns periodicitet.',
      en: 'Period: YYYY-MM (month), YYYY-Www (ISO week, e.g. 2023-W42), YYYY-Qn (quarter, e.g. 2024-Q3) or YYYY (year). Must fit the indicator’s periodicity.',
    },
  },
  {
    name: 'value',
    required: true,
    example: '42',
    description: {
      sv: 'Värdet: ett tal som inte är negativt, med decimalpunkt eller decimalkomma. <5 betyder ”minst 1, högst 4” (skyddat litet antal). Lämna tomt endast tillsammans med flaggan missing.',
      en: 'The value: a number that is not negative, with a decimal point or comma. <5 means “at least 1, at most 4” (a suppressed small count). Leave empty only together with the flag missing.',
    },
  },
  {
    name: 'flags',
    required: false,
    example: 'preliminary',
    description: {
      sv: 'Valfritt. Ord åtskilda med semikolon: preliminary (preliminärt värde), lower_bound (värdet är en undre gräns), missing (värde saknas; value lämnas tomt).',
      en: 'Optional. Words separated by semicolons: preliminary (preliminary value), lower_bound (the value is a lower bound), missing (no value; leave value empty).',
    },
  },
  {
    name: 'note',
    required: false,
    example: 'Från projektets kvartalsrapport',
    description: {
      sv: 'Valfri kommentar till värdet, t.ex. var det kommer ifrån.',
      en: 'Optional comment on the value, e.g. where it comes from.',
    },
  },
];

export const TEMPLATE_COLUMN_NAMES: readonly TemplateColumnName[] = TEMPLATE_COLUMNS.map((c) => c.name);

export type TemplateFlag = 'preliminary' | 'lower_bound' | 'missing';
export const TEMPLATE_FLAGS: readonly TemplateFlag[] = ['preliminary', 'lower_bound', 'missing'];

/** Sheet read from an XLSX template when present; otherwise the first sheet. */
export const TEMPLATE_DATA_SHEET = 'data';
