// Importing records from a CSV or XLSX file: reading the file (parse.ts), keeping the upload between
// the steps (store.ts), matching columns to fields (mapping.ts), the preview with its per-row report
// and the all-or-nothing import (routes.tsx, views.tsx). It is the same for every kind of record; a
// module describes what differs as an ImportTarget (target.ts) and mounts importPages with it
// (directory/import/organisations.ts, people/import.ts), turning cells into its form's values with
// the helpers of values.ts.
export {
  type CheckedRow,
  duplicateKey,
  flagDuplicates,
  type KnownRecord,
  knownRecords,
  reportWithDuplicates,
} from './duplicates.ts';
export { cellsOf, foldLabel, SHARED_SYNONYMS } from './mapping.ts';
export { MAX_FILE_BYTES, MAX_ROWS, type ParsedTable } from './parse.ts';
export { importPages } from './routes.tsx';
export { parseRow, rowReader } from './rows.ts';
export {
  type DefaultField,
  type ImportReport,
  type ImportTarget,
  type MappingChoice,
  type RowMessage,
  reportOf,
} from './target.ts';
export { countryCode, domainCode, languageTag, splitList, vocabulary, withScheme } from './values.ts';
