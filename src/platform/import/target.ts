// What an import is an import OF. Reading the file, keeping the upload, matching columns to fields,
// the preview with its per-row report and the all-or-nothing import are the same for every kind of
// record; a target describes what differs: its fields and the headers that name them, how a row
// becomes a valid input, and how the inputs are written. The directory's organisations are one
// target (organisations.ts); the people module describes its own and mounts the same pages with it
// through the directory's index.ts, so this machinery exists once and knows no other module.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { Locale } from '../../locales/index.ts';
import type { PageContext } from '../../ui/page-context.ts';
import type { MessageKey, MessageValues } from '../i18n.ts';
import type { ParsedTable } from './parse.ts';

export interface RowMessage {
  /** The field the message is about (its column letter is shown beside it), or null for the row. */
  field: string | null;
  key: MessageKey;
  values?: MessageValues;
  /** A record the message refers to (the existing duplicate), linked after the message. */
  link?: { href: string; text: string };
}

export type RowStatus = 'ok' | 'error' | 'duplicate';

export interface RowReport<I> {
  n: number;
  name: string;
  status: RowStatus;
  /** Errors (status 'error') or duplicate warnings (status 'duplicate'). */
  messages: RowMessage[];
  /** The row as the target's create function takes it; only on rows without errors. */
  input?: I;
}

export interface ImportReport<I> {
  rows: RowReport<I>[];
  counts: Record<RowStatus, number>;
}

export interface MappingChoice {
  /** The field each column fills, by column; null leaves a column out. */
  mapping: (string | null)[];
  /** Values for rows whose cell is empty or whose file has no such column, by field. */
  defaults: Record<string, string>;
}

/** A value the mapping form offers for rows that leave a field empty ("default country"). */
export interface DefaultField {
  /** The field it fills; the form field is `default_<name>`. */
  name: string;
  label: MessageKey;
  options: (page: PageContext) => { value: string; label: string; lang?: string }[];
}

export interface ImportTarget<I> {
  /** Stored with each upload, so that an upload is only ever continued as what it was made for. */
  kind: string;
  /** Where the steps live: GET/POST `${path}`, `${path}/:id`, … */
  path: string;
  /** Where the imported records are listed, newest first, after the import. */
  listPath: string;
  /** The pages above the import page, for the breadcrumb. */
  breadcrumb: { href: string; label: MessageKey }[];
  /** This target's CSV export: it shows the columns the import knows. */
  exportHref: string;
  /** The fields a column may fill, in the order the mapping form offers them; 'name' is one. */
  fields: readonly string[];
  labels: Record<string, MessageKey>;
  /** Header spellings, folded with foldLabel, that name each field (the labels are tried too). */
  synonyms: Record<string, readonly string[]>;
  defaults: DefaultField[];
  initialDefaults: (locale: Locale) => Record<string, string>;
  text: {
    title: MessageKey;
    intro: MessageKey;
    /** A file with a header and no rows. */
    noRows: MessageKey;
    /** No column was chosen for the name. */
    needName: MessageKey;
    /** The import button, with {count}. */
    importButton: MessageKey;
    /** The flash after the import, with {count}. */
    done: MessageKey;
    duplicatesNote: MessageKey;
  };
  /** The audit log action of an import (one entry per file). */
  auditAction: string;
  canImport: (user: User | null) => boolean;
  /** A dry run: every row checked, nothing written. */
  validate: (db: Kysely<Database>, table: ParsedTable, choice: MappingChoice) => Promise<ImportReport<I>>;
  /** Writes the inputs, inside the caller's transaction; returns the new records' ids. */
  create: (
    trx: Kysely<Database>,
    inputs: I[],
    user: User,
  ) => Promise<{ ids: number[]; details?: Record<string, unknown> }>;
}

/** The counts of a report's rows by status. */
export function reportOf<I>(rows: RowReport<I>[]): ImportReport<I> {
  const counts: Record<RowStatus, number> = { ok: 0, error: 0, duplicate: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, counts };
}
