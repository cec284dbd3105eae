// The uploads waiting between the steps of an import, added to the platform's Database type.
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';

/**
 * What an upload is to become: the target's `kind` (see target.ts). Uploads made before people
 * could be imported are organisations.
 */
export type ImportKind = string;

export interface DirectoryImportsTable {
  id: Generated<number>;
  user_id: number;
  kind: ImportKind;
  created_at: Timestamp;
  filename: string;
  /** JSON array of the column headers. */
  header: string;
  /** JSON array of { n, cells }: the rows as read, with the row numbers a spreadsheet shows. */
  rows: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    directory_imports: DirectoryImportsTable;
  }
}
