export * from './af-fields';
export { parseMeasureCell, parsePeriodCell, type RawCell } from './af-rows';
export { DEFAULT_ZIP_LIMITS, WorkbookFileError, type ZipLimits } from '../zip';
export { parseAfWorkbook, type ParseAfWorkbookOptions } from './parse-af-workbook';
export { parsePivotCacheDefinition, type PivotCacheDefinition, type PivotCacheField } from './pivot-layout';
export * from './write-af-workbook';
