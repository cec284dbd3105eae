// Backups that restore, on SQLite or PostgreSQL: the database and the stored files taken while the
// hub takes writes, put back into an empty place (SQLite) or over the live schema (PostgreSQL), with
// every table's rows as they were in the copy and every file's bytes matching its hash; and the
// refusals: a target holding data without --force, a damaged file, a backup of the other database.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { platformForFile, usingPostgres } from '../../../test/harness.ts';
import type { RestoreTarget } from '../../db/backup.ts';
import { DiskFileStore } from '../files/store.ts';
import { createBackup, RestoreError, restoreBackup } from './archive.ts';

const hub = await platformForFile({ seed: ['directory'] });
const url = process.env.TEST_DATABASE_URL;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-backup-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const source = () => ({ db: hub.deps.db, setup: hub.setup, databaseUrl: url, files: hub.deps.files });
/** SQLite: an empty DATA_DIR's database file; PostgreSQL: the live schema, restored over. */
const targetIn = (dir: string): RestoreTarget =>
  usingPostgres
    ? { dialect: 'postgres', url: url ?? '', db: hub.deps.db }
    : { dialect: 'sqlite', file: path.join(dir, 'hub.sqlite') };
const count = async (table: 'users' | 'organisations') =>
  Number(
    (
      await hub.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a backup', () => {
  it('brings back every row of the copy and every stored file, though the hub took writes meanwhile', async () => {
    const stored = await Promise.all(
      ['Minutes of the QPR consultation', 'ສະຖິຕິ ວັດທະນະທຳ', 'x'.repeat(300_000)].map((text) =>
        hub.deps.files.put(Buffer.from(text)),
      ),
    );
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await hub.createUser();
        written++;
        // Requests arrive as I/O events: SQLite's calls resolve at once, and a loop of them alone
        // would starve the backup's file streams.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = path.join(work, 'during-writes.tar.gz');
    const manifest = await createBackup(source(), file);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(manifest.tables.organisations).toBeGreaterThan(10);
    expect(manifest.files.count).toBe(3);
    // Rows written after the copy, which the restore must not bring back.
    await hub.createUser();
    expect(await count('users')).toBeGreaterThan(manifest.tables.users ?? 0);

    const dir = path.join(work, 'restored');
    const files = new DiskFileStore(dir);
    const result = await restoreBackup(targetIn(dir), files, file, { force: usingPostgres });
    expect(result.tables).toEqual(manifest.tables);
    expect(result.files).toBe(3);
    for (const { hash, size } of stored) {
      expect(await files.size(hash)).toBe(size);
      const bytes = fs.readFileSync(files.pathOf(hash));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(hash);
    }
    if (usingPostgres) expect(await count('users')).toBe(manifest.tables.users);
  });

  it('refuses a database that holds data unless told to replace it, a damaged file, and a backup of the other database', async () => {
    const file = path.join(work, 'plain.tar.gz');
    const manifest = await createBackup(source(), file);
    const dir = path.join(work, 'twice');
    const files = new DiskFileStore(dir);
    if (!usingPostgres) await restoreBackup(targetIn(dir), files, file);
    await expect(restoreBackup(targetIn(dir), files, file)).rejects.toThrow(/already holds data/);

    // The same archive with one file's bytes changed, and one that says it is of the other database.
    const rewrite = async (name: string, change: (entry: string, bytes: Buffer) => Buffer) => {
      const extract = tar.extract();
      const pack = tar.pack();
      const out = path.join(work, name);
      const written = pipeline(pack, createGzip(), fs.createWriteStream(out));
      const read = pipeline(fs.createReadStream(file), (await import('node:zlib')).createGunzip(), extract);
      for await (const entry of extract) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(Buffer.from(chunk as Uint8Array));
        const bytes = change(entry.header.name, Buffer.concat(chunks));
        pack.entry({ name: entry.header.name, size: bytes.length }, bytes);
      }
      await read;
      pack.finalize();
      await written;
      return out;
    };
    const damaged = await rewrite('damaged.tar.gz', (name, bytes) =>
      name.startsWith('files/') ? Buffer.concat([bytes, Buffer.from('!')]) : bytes,
    );
    const other = await rewrite('other.tar.gz', (name, bytes) =>
      name === 'manifest.json'
        ? Buffer.from(JSON.stringify({ ...manifest, dialect: usingPostgres ? 'sqlite' : 'postgres' }))
        : bytes,
    );
    const fresh = path.join(work, 'fresh');
    await expect(
      restoreBackup(targetIn(fresh), new DiskFileStore(fresh), damaged, { force: true }),
    ).rejects.toThrow(/damaged in the backup/);
    await expect(
      restoreBackup(targetIn(fresh), new DiskFileStore(fresh), other, { force: true }),
    ).rejects.toThrow(RestoreError);
    await expect(
      restoreBackup(targetIn(fresh), new DiskFileStore(fresh), path.join(work, 'missing.tar.gz'), {
        force: true,
      }),
    ).rejects.toThrow(/No backup at/);
  });
});
