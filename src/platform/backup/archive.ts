// `hub backup` and `hub restore`: the database and the stored files together in one .tar.gz, so a
// restored hub has every file its records name. The database is copied first (db/backup.ts), then
// the files are listed: files are stored by content and never change, so every file the copy names
// is still there (the clean-up removes only files no record has named for days: files/unreferenced).
// A file stored after the copy may come along too; it is harmless. A restore checks every file
// against its hash and every table's rows against the counts taken in the copy, and says what differs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import tar from 'tar-stream';
import {
  copyDatabase,
  type RestoreTarget,
  restoreDatabase,
  type TableCounts,
  targetHoldsData,
} from '../../db/backup.ts';
import type { DialectSetup } from '../../db/dialect.ts';
import { type FileStore, isFileHash } from '../files/store.ts';

export const BACKUP_FORMAT = 1;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** Rows per table in the database copy. */
  tables: TableCounts;
  files: { count: number; bytes: number };
}

const DATABASE_ENTRY = { sqlite: 'database.sqlite', postgres: 'database.dump' } as const;

export interface BackupSource {
  // biome-ignore lint/suspicious/noExplicitAny: any schema is copied whole.
  db: Kysely<any>;
  setup: DialectSetup;
  databaseUrl?: string;
  files: FileStore;
}

async function streamBytes(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Writes the backup archive to `file` (while the hub serves); its manifest. */
export async function createBackup(source: BackupSource, file: string): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-backup-'));
  try {
    const dialect = source.setup.sqlite ? 'sqlite' : 'postgres';
    const copy = path.join(work, DATABASE_ENTRY[dialect]);
    const tables = await copyDatabase(source.db, source.setup, copy, source.databaseUrl);
    const stored: { hash: string; size: number }[] = [];
    for await (const { hash } of source.files.list()) {
      const size = await source.files.size(hash);
      if (size !== null) stored.push({ hash, size });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      dialect,
      tables,
      files: { count: stored.length, bytes: stored.reduce((sum, f) => sum + f.size, 0) },
    };
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const pack = tar.pack();
    const written = pipeline(pack, createGzip(), fs.createWriteStream(`${file}.part`));
    const entry = (name: string, size: number, body: NodeJS.ReadableStream | Buffer) =>
      new Promise<void>((resolve, reject) => {
        const sink = pack.entry({ name, size }, (err) => (err ? reject(err) : resolve()));
        if (Buffer.isBuffer(body)) sink.end(body);
        else pipeline(body, sink).catch(reject);
      });
    await entry(
      'manifest.json',
      Buffer.byteLength(JSON.stringify(manifest, null, 2)),
      Buffer.from(JSON.stringify(manifest, null, 2)),
    );
    await entry(DATABASE_ENTRY[dialect], fs.statSync(copy).size, fs.createReadStream(copy));
    for (const { hash, size } of stored) await entry(`files/${hash}`, size, source.files.stream(hash));
    pack.finalize();
    await written;
    // Only a whole archive takes the name: an interrupted backup never passes for a good one.
    fs.renameSync(`${file}.part`, file);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(`${file}.part`, { force: true });
  }
}

export class RestoreError extends Error {}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: TableCounts;
  files: number;
}

/** What differs between the rows the backup held and the rows restored ("" when nothing). */
function differences(expected: TableCounts, actual: TableCounts): string {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names
    .filter((name) => expected[name] !== actual[name])
    .map(
      (name) => `${name}: ${expected[name] ?? 'absent'} in the backup, ${actual[name] ?? 'absent'} restored`,
    )
    .join('\n');
}

/**
 * Puts the archive's files into `files` and its database in place of `target`'s. Refuses a target
 * that holds data unless `force`; refuses a file whose bytes do not match its hash, and a backup of
 * the other kind of database. Throws a RestoreError saying what differs when the counts disagree.
 */
export async function restoreBackup(
  target: RestoreTarget,
  files: FileStore,
  archive: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  if (!fs.existsSync(archive)) throw new RestoreError(`No backup at ${archive}.`);
  if (!options.force && (await targetHoldsData(target)))
    throw new RestoreError(
      'The database already holds data. Stop the server, and run the restore again with --force to replace it.',
    );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-restore-'));
  try {
    let manifest: BackupManifest | undefined;
    let databaseFile: string | undefined;
    let restoredFiles = 0;
    const extract = tar.extract();
    const read = pipeline(fs.createReadStream(archive), createGunzip(), extract);
    // Leaving the loop early (a refusal) closes the extraction under the pipeline: that failure is
    // the refusal's, not one of its own.
    read.catch(() => undefined);
    for await (const entry of extract) {
      const name = entry.header.name;
      if (name === 'manifest.json') {
        manifest = JSON.parse((await streamBytes(entry)).toString('utf8')) as BackupManifest;
        if (manifest.format !== BACKUP_FORMAT)
          throw new RestoreError(
            `This backup has format ${manifest.format}; this version reads format ${BACKUP_FORMAT}.`,
          );
        if (manifest.dialect !== target.dialect)
          throw new RestoreError(
            `This is a backup of a ${manifest.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database; ` +
              `this hub runs on ${target.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}.`,
          );
      } else if (name === DATABASE_ENTRY.sqlite || name === DATABASE_ENTRY.postgres) {
        databaseFile = path.join(work, name);
        await pipeline(entry, fs.createWriteStream(databaseFile));
      } else if (name.startsWith('files/') && isFileHash(name.slice(6))) {
        const bytes = await streamBytes(entry);
        if (createHash('sha256').update(bytes).digest('hex') !== name.slice(6))
          throw new RestoreError(
            `The stored file ${name.slice(6)} is damaged in the backup: its bytes do not match its hash.`,
          );
        await files.put(bytes);
        restoredFiles++;
      } else {
        entry.resume();
      }
    }
    await read;
    if (!manifest || !databaseFile)
      throw new RestoreError(
        'This file is not a backup of this platform (no manifest or no database in it).',
      );
    if (restoredFiles !== manifest.files.count)
      throw new RestoreError(`The backup lists ${manifest.files.count} files but holds ${restoredFiles}.`);
    const tables = await restoreDatabase(target, databaseFile);
    const differ = differences(manifest.tables, tables);
    if (differ) throw new RestoreError(`The restored database differs from the backup:\n${differ}`);
    return { manifest, tables, files: restoredFiles };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
