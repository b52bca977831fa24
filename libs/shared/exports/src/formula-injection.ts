/**
 * Characters that make a spreadsheet treat a cell as a formula (or, for tab and carriage
 * return, let a following character do so after the program splits the cell). OWASP's
 * "CSV injection" guidance names exactly these.
 */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Makes a text cell safe to open in Excel, LibreOffice or Google Sheets: a value that
 * would start a formula gets a leading apostrophe, which spreadsheets show as text and
 * do not evaluate (OWASP's recommendation). Security invariant: every text cell of every
 * export passes through here, because the text can come from any user of any tenant
 * (a group name such as `=HYPERLINK(...)` would otherwise run in the reader's program).
 * Numbers, dates, booleans and null are returned unchanged: they are typed cells, never
 * formulas.
 */
export function neutraliseFormula<T>(value: T): T | string {
  if (typeof value !== 'string' || value.length === 0) return value;
  return FORMULA_TRIGGERS.includes(value[0]!) ? `'${value}` : value;
}
