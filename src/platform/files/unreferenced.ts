// Removing the bytes of stored files no record refers to any more (a document's file removed, a
// questionnaire answer replaced): a mark-and-sweep run daily as a job. Each stored file is looked
// up, in batches, among the references every module declares (HubModule.fileReferences) and the
// platform's own (questionnaire file answers). A file found unreferenced is written down with the
// moment; one still unreferenced UNREFERENCED_FILE_DAYS later is removed. The delay covers what a
// single pass cannot see: a file is stored before the transaction that refers to it commits, a
// restore from a backup may bring references back, and someone may want a file back.
import type { AppDeps, FileReferences } from '../context.ts';
import { answerFileReferences } from '../questionnaires/files.ts';
import { DAY } from '../time.ts';

const BATCH = 500;

/** Every declared reference check: the modules' and the platform's. */
export function fileReferenceChecks(deps: Pick<AppDeps, 'modules'>): FileReferences[] {
  return [answerFileReferences, ...deps.modules.flatMap((m) => (m.fileReferences ? [m.fileReferences] : []))];
}

async function referenced(deps: AppDeps, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const check of fileReferenceChecks(deps)) for (const h of await check(deps.db, hashes)) found.add(h);
  return found;
}

export interface SweepReport {
  /** Stored files looked at. */
  seen: number;
  /** Newly found unreferenced (kept for now). */
  marked: number;
  /** Bytes removed. */
  removed: number;
}

export async function sweepUnreferencedFiles(
  deps: AppDeps,
  now: Date = new Date(),
  keepDays = deps.config.unreferencedFileDays,
): Promise<SweepReport> {
  const report: SweepReport = { seen: 0, marked: 0, removed: 0 };
  let batch: { hash: string; storedAt: Date }[] = [];
  const flush = async () => {
    if (batch.length) await sweepBatch(deps, batch, now, keepDays, report);
    batch = [];
  };
  for await (const file of deps.files.list()) {
    report.seen++;
    batch.push(file);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return report;
}

async function sweepBatch(
  deps: AppDeps,
  files: { hash: string; storedAt: Date }[],
  now: Date,
  keepDays: number,
  report: SweepReport,
): Promise<void> {
  const { db } = deps;
  const hashes = files.map((f) => f.hash);
  const used = await referenced(deps, hashes);
  const unused = files.filter((f) => !used.has(f.hash));
  if (used.size)
    await db
      .deleteFrom('unreferenced_files')
      .where('hash', 'in', [...used])
      .execute();
  if (!unused.length) return;
  const known = new Map(
    (
      await db
        .selectFrom('unreferenced_files')
        .selectAll()
        .where(
          'hash',
          'in',
          unused.map((f) => f.hash),
        )
        .execute()
    ).map((r) => [r.hash, r.since]),
  );
  const cutoff = now.getTime() - keepDays * DAY * 1000;
  for (const file of unused) {
    const since = known.get(file.hash);
    if (since === undefined) {
      await db
        .insertInto('unreferenced_files')
        .values({ hash: file.hash, since: now.toISOString() })
        .onConflict((oc) => oc.column('hash').doNothing())
        .execute();
      report.marked++;
    } else if (file.storedAt.getTime() > Date.parse(since)) {
      // Stored again since it was found unreferenced: a new upload of the same content is on its way.
      await db.deleteFrom('unreferenced_files').where('hash', '=', file.hash).execute();
    } else if (Date.parse(since) <= cutoff) {
      // Asked once more just before the bytes go.
      if ((await referenced(deps, [file.hash])).size) continue;
      await deps.files.remove(file.hash);
      await db.deleteFrom('unreferenced_files').where('hash', '=', file.hash).execute();
      report.removed++;
    }
  }
}
