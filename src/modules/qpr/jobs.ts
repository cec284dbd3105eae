// The reminders: each morning, the assignee of a section due within REMIND_DAYS days (or late) and
// not yet validated is told once for that due date (a new date reminds again). Safe to run twice:
// a section reminded for its date is skipped.
import type { JobKind } from '../../platform/context.ts';
import { DAY, nowIso } from '../../platform/time.ts';
import { reportPath } from './access.ts';
import { closeDueRounds } from './consultations.ts';
import { tell } from './notifications.ts';
import { REMIND_DAYS } from './vocab.ts';

export async function remindDueSections(deps: Parameters<JobKind['run']>[0], now: Date): Promise<number> {
  const until = new Date(now.getTime() + REMIND_DAYS * DAY * 1000).toISOString().slice(0, 10);
  const due = await deps.db
    .selectFrom('qpr_sections as s')
    .innerJoin('qpr_reports as r', 'r.id', 's.report_id')
    .select(['s.id', 's.code', 's.due_on', 's.assignee_id', 'r.country', 'r.cycle'])
    .where('r.status', '=', 'draft')
    .where('s.status', '!=', 'validated')
    .where('s.assignee_id', 'is not', null)
    .where('s.due_on', 'is not', null)
    .where('s.due_on', '<=', until)
    .where((eb) => eb.or([eb('s.reminded_for', 'is', null), eb('s.reminded_for', '!=', eb.ref('s.due_on'))]))
    .execute();
  for (const s of due) {
    await deps.db.transaction().execute(async (trx) => {
      await tell(trx, deps, {
        kind: 'qpr.section-due',
        subject: { type: 'qpr_section', key: s.id },
        url: `${reportPath(s)}/sections/${s.code}`,
        params: { country: s.country, cycle: s.cycle, section: s.code, due: s.due_on ?? '' },
        userId: s.assignee_id as number,
      });
      await trx
        .updateTable('qpr_sections')
        .set({ reminded_for: s.due_on, updated_at: nowIso() })
        .where('id', '=', s.id)
        .execute();
    });
  }
  return due.length;
}

export const qprJobs: JobKind[] = [
  {
    // A round is open until the end of its closing day (UTC); closed within the quarter hour after.
    name: 'qpr.close-rounds',
    schedule: { everyMinutes: 15 },
    run: async (deps, _payload, run) => {
      await closeDueRounds(deps, run.now().toISOString().slice(0, 10));
    },
  },
  {
    name: 'qpr.due-reminders',
    schedule: { dailyAt: '08:00' },
    run: async (deps, _payload, run) => {
      await remindDueSections(deps, run.now());
    },
  },
];
