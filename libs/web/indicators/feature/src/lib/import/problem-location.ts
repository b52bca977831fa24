import type { ProblemLocation } from '@kraftsamling/web/indicators/data-access';

/** One part of where a problem is, as a translation key under `imports.location` and its value. */
export interface LocationPart {
  key: 'sheet' | 'row' | 'column' | 'cell' | 'index' | 'path';
  value: string | number;
}

const present = (value: unknown): value is string | number =>
  (typeof value === 'string' && value !== '') || typeof value === 'number';

/**
 * Where in the file a problem is: the sheet, then the cell (or the row and column when
 * there is no cell), the value's position, or a JSON path. Empty: the whole file.
 */
export function locationParts(location: ProblemLocation | null | undefined): LocationPart[] {
  if (!location) return [];
  const parts: LocationPart[] = [];
  if (present(location.sheet)) parts.push({ key: 'sheet', value: location.sheet });
  if (present(location.cell)) {
    parts.push({ key: 'cell', value: location.cell });
  } else {
    if (present(location.row)) parts.push({ key: 'row', value: location.row });
    if (present(location.column)) parts.push({ key: 'column', value: location.column });
  }
  if (present(location.index)) parts.push({ key: 'index', value: location.index });
  if (present(location.path)) parts.push({ key: 'path', value: location.path });
  return parts;
}
