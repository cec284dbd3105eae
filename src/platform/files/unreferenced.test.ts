// The daily clean-up of stored files: a file no record refers to is written down, kept
// UNREFERENCED_FILE_DAYS (30 by default), then its bytes go; a file referenced again, or stored
// again, is kept. References come from every module's fileReferences (here a test module's, beside
// the library's and the questionnaires' own, which find nothing in this database).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { platformForFile } from '../../../test/harness.ts';
import { modules } from '../../modules/index.ts';
import type { HubModule } from '../context.ts';
import { DAY } from '../time.ts';
import { sweepUnreferencedFiles } from './unreferenced.ts';

const referenced = new Set<string>();
const holder: HubModule = {
  id: 'holder',
  fileReferences: async (_db, hashes) => hashes.filter((h) => referenced.has(h)),
};
const hub = await platformForFile({ extraModules: [holder] });
const { files, db } = hub.deps;
const bytes = (text: string) => new TextEncoder().encode(text);
const daysFrom = (start: Date, days: number) => new Date(start.getTime() + days * DAY * 1000);

describe('unreferenced files', () => {
  it('keeps an unreferenced file 30 days, then removes its bytes; referenced ones stay', async () => {
    const kept = await files.put(bytes('the decree, referenced'));
    const orphan = await files.put(bytes('a replaced version'));
    referenced.add(kept.hash);
    const start = new Date();

    expect(await sweepUnreferencedFiles(hub.deps, start)).toEqual({ seen: 2, marked: 1, removed: 0 });
    expect(await db.selectFrom('unreferenced_files').selectAll().execute()).toEqual([
      { hash: orphan.hash, since: start.toISOString() },
    ]);
    expect(await sweepUnreferencedFiles(hub.deps, daysFrom(start, 29))).toMatchObject({ removed: 0 });
    expect(await files.has(orphan.hash)).toBe(true);

    expect(await sweepUnreferencedFiles(hub.deps, daysFrom(start, 30))).toMatchObject({ removed: 1 });
    expect(await files.has(orphan.hash)).toBe(false);
    expect(await files.has(kept.hash)).toBe(true);
    expect(await db.selectFrom('unreferenced_files').selectAll().execute()).toEqual([]);
  });

  it('forgets a file that is referenced or stored again before its time is up', async () => {
    const again = await files.put(bytes('referenced again'));
    const reuploaded = await files.put(bytes('uploaded again'));
    const start = new Date();
    expect(await sweepUnreferencedFiles(hub.deps, start)).toMatchObject({ marked: 2 });
    // As if found unreferenced an hour before it is stored again.
    await db
      .updateTable('unreferenced_files')
      .set({ since: new Date(start.getTime() - 3600_000).toISOString() })
      .where('hash', '=', reuploaded.hash)
      .execute();

    referenced.add(again.hash);
    await files.put(bytes('uploaded again')); // its record's transaction is on its way
    expect(await sweepUnreferencedFiles(hub.deps, daysFrom(start, 31))).toMatchObject({ removed: 0 });
    expect(await files.has(again.hash)).toBe(true);
    expect(await files.has(reuploaded.hash)).toBe(true);
    expect(await db.selectFrom('unreferenced_files').selectAll().execute()).toEqual([]);
  });
});

describe('declared references', () => {
  it('every module that stores files says which it refers to (or the clean-up would take them)', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modules');
    const storing = new Set<string>();
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.includes('.test.')) continue;
      const source = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      if (/\bfiles\.put\(/.test(source))
        storing.add(path.relative(root, entry.parentPath).split(path.sep)[0] ?? '');
    }
    expect(storing.size).toBeGreaterThan(0);
    for (const id of storing)
      expect(modules.find((m) => m.id === id)?.fileReferences, id).toBeTypeOf('function');
  });
});
