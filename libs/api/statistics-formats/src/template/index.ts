export * from './columns';
export { columnLetter, parseTemplateValue, readTemplateRows } from './rows';
export type {
  ReadRowsOptions,
  TemplateCell,
  TemplateObservation,
  TemplateParsedFile,
  TemplateRawRow,
  TemplateUnreadableCell,
} from './rows';
export * from './parse-csv';
export * from './parse-xlsx';
export * from './parse-template';
export * from './write';
