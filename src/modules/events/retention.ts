// Retention: what an event keeps about people once it is long over. RETENTION_MONTHS (24 by
// default; 0 keeps everything) after an event ends, a daily job removes, in one transaction per
// event:
// - the answers to its application form (motivations, files: their bytes go with the daily sweep
//   of unreferenced files) and the reviewers' notes and scores;
// - the names and organisation names typed on its applications and its roster, the networking
//   consent, and the invitations' addresses;
// - the link between a feedback answer and the account that gave it.
// What stays is what the event's key figures and the report are made of: how many applied, were
// accepted and came, by gender, country, kind of organisation and category, check-ins and the
// feedback's answers. The applicant's account keeps "applied, accepted" in its history until the
// account is deleted (which removes the rest). The event records the day (personal_data_removed_on),
// its report says so, and certificates are no longer issued. Audited as the platform.

import { audit, systemContext, transact } from '../../platform/actions.ts';
import type { AppDeps, JobKind } from '../../platform/context.ts';
import { HOUR } from '../../platform/time.ts';

/** The last day an event may have ended and still keep its people's data, on `today` (YYYY-MM-DD). */
export function retainedSince(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  // The 31st of a shorter month is its last day.
  const day = Math.min(d, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface RemovalReport {
  events: number;
  answers: number;
  names: number;
}

/** Removes the personal data of every event that ended before the retention period (see above). */
export async function removeExpiredPersonalData(deps: AppDeps, now: Date): Promise<RemovalReport> {
  const report: RemovalReport = { events: 0, answers: 0, names: 0 };
  const months = deps.config.retentionMonths;
  if (months === 0) return report;
  const today = now.toISOString().slice(0, 10);
  const due = await deps.db
    .selectFrom('events')
    .select(['id', 'slug'])
    .where('ends_on', '<', retainedSince(today, months))
    .where('personal_data_removed_on', 'is', null)
    .orderBy('ends_on')
    .execute();
  const ctx = systemContext(deps, 'job');
  for (const event of due) {
    const removed = await transact(ctx, async (trx) => {
      const forms = trx
        .selectFrom('questionnaires')
        .select('id')
        .where('owner_type', '=', 'event_application')
        .where('owner_id', '=', event.id);
      const responses = trx
        .selectFrom('questionnaire_responses')
        .select('id')
        .where('questionnaire_id', 'in', forms);
      await trx.deleteFrom('questionnaire_answers').where('response_id', 'in', responses).execute();
      const answers = await trx
        .deleteFrom('questionnaire_responses')
        .where('questionnaire_id', 'in', forms)
        .executeTakeFirst();
      const feedback = trx
        .selectFrom('questionnaires')
        .select('id')
        .where('owner_type', '=', 'event_feedback')
        .where('owner_id', '=', event.id);
      await trx
        .updateTable('questionnaire_responses')
        .set({ user_id: null })
        .where('questionnaire_id', 'in', feedback)
        .execute();
      const registrations = trx
        .selectFrom('event_registrations')
        .select('id')
        .where('event_id', '=', event.id);
      const reviews = trx
        .selectFrom('event_reviews')
        .select('id')
        .where('registration_id', 'in', registrations);
      await trx.deleteFrom('event_review_scores').where('review_id', 'in', reviews).execute();
      await trx.deleteFrom('event_reviews').where('registration_id', 'in', registrations).execute();
      const anonymous = { name: '', organisation_name: null, networking_consent: 0 } as const;
      const applicants = await trx
        .updateTable('event_registrations')
        .set(anonymous)
        .where('event_id', '=', event.id)
        .executeTakeFirst();
      const participants = await trx
        .updateTable('event_participants')
        .set(anonymous)
        .where('event_id', '=', event.id)
        .executeTakeFirst();
      await trx.deleteFrom('event_invitations').where('event_id', '=', event.id).execute();
      await trx
        .updateTable('events')
        .set({ personal_data_removed_on: today })
        .where('id', '=', event.id)
        .execute();
      const counts = {
        answers: Number(answers.numDeletedRows),
        names: Number(applicants.numUpdatedRows) + Number(participants.numUpdatedRows),
      };
      await audit(trx, ctx, {
        action: 'events.personal-data-removed',
        subjectType: 'event',
        subjectId: event.id,
        details: { slug: event.slug, months, ...counts },
      });
      return counts;
    });
    report.events++;
    report.answers += removed.answers;
    report.names += removed.names;
  }
  if (report.events) deps.logger.info({ ...report, months }, 'events: personal data past retention removed');
  return report;
}

export const retentionJobs: JobKind[] = [
  {
    name: 'events.retention',
    schedule: { everyMinutes: 24 * 60 },
    leaseSeconds: HOUR,
    run: async (deps, _payload, run) => {
      await removeExpiredPersonalData(deps, run.now());
    },
  },
];
