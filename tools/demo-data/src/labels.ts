import { SYNTHETIC_LABEL } from '@kraftsamling/api/statistics-formats';

/** The label every generated file carries: "Synthetic test data – not official statistics". */
export { SYNTHETIC_LABEL };

/** Said in every file's notes, in Swedish like the sources. */
export const SYNTHETIC_NOTE =
  `${SYNTHETIC_LABEL}. Alla värden är påhittade av demodatageneratorn (tools/demo-data) och ` +
  'beskriver ingen verklig kommun; de följer bara källans filformat.';
