// The files of documents as the database holds them: a file with its versions (the bytes live in
// the file store, deps.files, under their hash; the rows keep the hash, type, size, name and the
// extracted text). Reads for the pages, the API and the search index; the writes are
// actions/files.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

export interface FileVersion {
  id: number;
  /** 1 for the first upload, counting in upload order. */
  number: number;
  hash: string;
  mime: string;
  size: number;
  name: string;
  pages: number | null;
  created_at: string;
}

export interface DocumentFile {
  id: number;
  lang: string;
  label: string | null;
  /** Newest first: the first is the current version. */
  versions: FileVersion[];
}

/** The address of one version: it names the content, so caches may keep it for good. */
export function fileVersionUrl(slug: string, fileId: number, hash: string): string {
  return `/library/${slug}/files/${fileId}/${hash}`;
}

/** The address of a file's current version, whatever it is (answers with a redirect). */
export function currentFileUrl(slug: string, fileId: number): string {
  return `/library/${slug}/files/${fileId}`;
}

/** The files of many documents, in upload order, each with its versions (no text). */
export async function filesOf(db: Db, documentIds: number[]): Promise<Map<number, DocumentFile[]>> {
  const out = new Map<number, DocumentFile[]>();
  if (documentIds.length === 0) return out;
  const rows = await db
    .selectFrom('document_files')
    .innerJoin('document_file_versions', 'document_file_versions.file_id', 'document_files.id')
    .select([
      'document_files.id as file_id',
      'document_files.document_id',
      'document_files.lang',
      'document_files.label',
      'document_file_versions.id',
      'document_file_versions.hash',
      'document_file_versions.mime',
      'document_file_versions.size',
      'document_file_versions.name',
      'document_file_versions.pages',
      'document_file_versions.created_at',
    ])
    .where('document_files.document_id', 'in', documentIds)
    .orderBy('document_files.id')
    .orderBy('document_file_versions.id')
    .execute();
  const byFile = new Map<number, DocumentFile>();
  for (const r of rows) {
    let file = byFile.get(r.file_id);
    if (!file) {
      file = { id: r.file_id, lang: r.lang, label: r.label, versions: [] };
      byFile.set(r.file_id, file);
      const list = out.get(r.document_id);
      if (list) list.push(file);
      else out.set(r.document_id, [file]);
    }
    file.versions.push({
      id: r.id,
      number: file.versions.length + 1,
      hash: r.hash,
      mime: r.mime,
      size: Number(r.size),
      name: r.name,
      pages: r.pages === null ? null : Number(r.pages),
      created_at: r.created_at,
    });
  }
  for (const file of byFile.values()) file.versions.reverse();
  return out;
}

/** The extracted texts of the documents' current file versions, for the search index. */
export async function currentFileTexts(db: Db, documentIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (documentIds.length === 0) return out;
  const rows = await db
    .selectFrom('document_files')
    .innerJoin('document_file_versions', 'document_file_versions.file_id', 'document_files.id')
    .select(['document_files.document_id', 'document_file_versions.text'])
    .where('document_files.document_id', 'in', documentIds)
    .where('document_file_versions.id', '=', (eb) =>
      eb
        .selectFrom('document_file_versions as newest')
        .select((e) => e.fn.max('newest.id').as('id'))
        .whereRef('newest.file_id', '=', 'document_files.id'),
    )
    .orderBy('document_files.id')
    .execute();
  for (const r of rows) {
    if (!r.text) continue;
    const list = out.get(r.document_id);
    if (list) list.push(r.text);
    else out.set(r.document_id, [r.text]);
  }
  return out;
}

/** A file of the document, or undefined (also when it belongs to another document). */
export function findFile(db: Db, documentId: number, fileId: number) {
  return db
    .selectFrom('document_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

/** One version of a file of the document, by its content hash. */
export function findFileVersion(db: Db, documentId: number, fileId: number, hash: string) {
  return db
    .selectFrom('document_file_versions')
    .innerJoin('document_files', 'document_files.id', 'document_file_versions.file_id')
    .select([
      'document_file_versions.hash',
      'document_file_versions.mime',
      'document_file_versions.size',
      'document_file_versions.name',
    ])
    .where('document_files.id', '=', fileId)
    .where('document_files.document_id', '=', documentId)
    .where('document_file_versions.hash', '=', hash)
    .orderBy('document_file_versions.id', 'desc')
    .executeTakeFirst();
}

/** The hash of a file's newest version. */
export async function currentHash(db: Db, fileId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('document_file_versions')
    .select('hash')
    .where('file_id', '=', fileId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.hash;
}

/** Which of `hashes` a file version refers to (the daily clean-up of unreferenced files asks). */
export async function libraryFileReferences(
  db: Kysely<Database>,
  hashes: readonly string[],
): Promise<string[]> {
  if (!hashes.length) return [];
  const rows = await db
    .selectFrom('document_file_versions')
    .select('hash')
    .distinct()
    .where('hash', 'in', hashes)
    .execute();
  return rows.map((r) => r.hash);
}
