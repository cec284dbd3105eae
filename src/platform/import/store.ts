// The uploads of the import, and the import itself: every row through the target's own create
// function (createOrganisation, createPerson), all in one transaction with one audit entry, so a
// file goes in whole or not at all.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type ActionContext, actingUser, audit, transact } from '../actions.ts';
import type { ParsedTable } from './parse.ts';
import type { DirectoryImportsTable, ImportKind } from './tables.ts';
import type { ImportTarget, RowReport } from './target.ts';

type Db = Kysely<Database>;

/** How long an upload waits for its import. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export interface StoredImport extends ParsedTable {
  id: number;
  userId: number;
  kind: ImportKind;
  filename: string;
  createdAt: string;
}

const dayAgo = () => new Date(Date.now() - KEEP_MS).toISOString();

/** Forgets the uploads of more than a day ago (run on every upload: no scheduler needed). */
export async function purgeOldImports(db: Db): Promise<void> {
  await db.deleteFrom('directory_imports').where('created_at', '<', dayAgo()).execute();
}

export async function saveImport(
  db: Db,
  userId: number,
  kind: ImportKind,
  filename: string,
  table: ParsedTable,
): Promise<number> {
  const row = await db
    .insertInto('directory_imports')
    .values({
      user_id: userId,
      kind,
      created_at: new Date().toISOString(),
      filename: filename.slice(0, 255),
      header: JSON.stringify(table.header),
      rows: JSON.stringify(table.rows),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The upload, if it belongs to this user, was made for this kind of import and is not older than a day. */
export async function loadImport(
  db: Db,
  id: number,
  userId: number,
  kind: ImportKind,
): Promise<StoredImport | undefined> {
  const row: Selectable<DirectoryImportsTable> | undefined = await db
    .selectFrom('directory_imports')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('created_at', '>=', dayAgo())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    filename: row.filename,
    createdAt: row.created_at,
    header: JSON.parse(row.header) as string[],
    rows: JSON.parse(row.rows) as ParsedTable['rows'],
  };
}

export async function deleteImport(db: Db, id: number): Promise<void> {
  await db.deleteFrom('directory_imports').where('id', '=', id).execute();
}

/**
 * Creates one record per row through the target (they must all be valid), records the import in
 * the audit log and forgets the upload — in one transaction: if any row fails, nothing is kept.
 */
export async function runImport<I>(
  ctx: ActionContext,
  target: ImportTarget<I>,
  upload: StoredImport,
  rows: RowReport<I>[],
): Promise<number> {
  const user = actingUser(ctx);
  const inputs = rows.map((row) => {
    if (!row.input) throw new Error(`row ${row.n} is not valid`);
    return row.input;
  });
  return transact(ctx, async (trx) => {
    const { ids, details } = await target.create(trx, inputs, user);
    await audit(trx, ctx, {
      action: target.auditAction,
      subjectType: 'directory_import',
      subjectId: upload.id,
      details: {
        filename: upload.filename,
        count: ids.length,
        firstId: ids[0],
        lastId: ids.at(-1),
        ...details,
      },
    });
    await deleteImport(trx, upload.id);
    return ids.length;
  });
}
