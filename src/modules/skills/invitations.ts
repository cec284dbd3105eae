// Invitations: a survey's link is its page (/skills/surveys/<slug>), which anyone may be sent; a
// group's members are invited all at once (a notification each, in the inbox or by mail as they
// chose), and a one-off job reminds, REMIND_AFTER_DAYS later, those who have not submitted yet —
// each once. A member's answers are theirs when they start signed in (the respondent keeps the
// account), so the reminder knows who has answered.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type ActionContext, audit, transact } from '../../platform/actions.ts';
import type { AppDeps, JobKind } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import type { NotificationKind } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { DAY, nowIso } from '../../platform/time.ts';
import { ensureMayManage } from './actions.ts';
import { isAnswerable } from './permissions.ts';
import type { Survey } from './surveys.ts';

type Db = Kysely<Database>;

export const REMIND_AFTER_DAYS = 3;

export const skillsNotificationKinds: NotificationKind[] = [
  {
    kind: 'skills.invited',
    label: 'skills.notify.invitedLabel',
    message: 'skills.notify.invited',
    defaultDelivery: 'immediate',
  },
  {
    kind: 'skills.reminder',
    label: 'skills.notify.reminderLabel',
    message: 'skills.notify.reminder',
    defaultDelivery: 'immediate',
  },
];

/** The groups a manager may invite: those they coordinate, and the survey's own group. */
export async function invitableGroups(db: Db, survey: Survey, userId: number) {
  return db
    .selectFrom('groups')
    .select(['groups.id', 'groups.name'])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('group_members')
            .select('group_members.group_id')
            .whereRef('group_members.group_id', '=', 'groups.id')
            .where('group_members.user_id', '=', userId)
            .where('group_members.role', '=', 'coordinator'),
        ),
        ...(survey.owner_kind === 'group' ? [eb('groups.id', '=', survey.owner_id)] : []),
      ]),
    )
    .orderBy('groups.name')
    .execute();
}

/** Invites the members of a group to an open survey; how many were invited (each once). */
export async function inviteGroup(ctx: ActionContext, survey: Survey, groupId: number): Promise<number> {
  await ensureMayManage(ctx, survey);
  if (!isAnswerable(survey)) throw new HttpError(409, 'skills.notOpen');
  const groups = ctx.user ? await invitableGroups(ctx.deps.db, survey, ctx.user.id) : [];
  const group = groups.find((g) => g.id === groupId);
  if (!group) throw HttpError.invalid({ group: 'skills.unknownGroup' });
  return transact(ctx, async (trx) => {
    const [members, already] = await Promise.all([
      trx.selectFrom('group_members').select('user_id').where('group_id', '=', group.id).execute(),
      trx.selectFrom('skill_invitations').select('user_id').where('survey_id', '=', survey.id).execute(),
    ]);
    const invited = new Set(already.map((r) => r.user_id));
    const users = members.map((m) => m.user_id).filter((id) => !invited.has(id) && id !== ctx.user?.id);
    if (users.length === 0) return 0;
    const now = nowIso();
    await trx
      .insertInto('skill_invitations')
      .values(users.map((user_id) => ({ survey_id: survey.id, user_id, invited_at: now, reminded_at: null })))
      .execute();
    await notify(trx, ctx.deps, {
      kind: 'skills.invited',
      subject: { type: 'skill_survey', key: survey.id },
      url: `/skills/surveys/${survey.slug}`,
      params: { title: survey.title },
      to: { users },
      actorId: ctx.user?.id ?? null,
    });
    await enqueueJob(
      trx,
      'skills.remind',
      { surveyId: survey.id },
      {
        runAt: new Date(Date.now() + REMIND_AFTER_DAYS * DAY * 1000),
        uniqueKey: `skills.remind:${survey.id}`,
      },
    );
    await audit(trx, ctx, {
      action: 'skills.groupInvited',
      subjectType: 'skill_survey',
      subjectId: survey.id,
      details: { group: group.id, invited: users.length },
    });
    return users.length;
  });
}

/** Reminds the invited members of a still open survey who have not submitted; how many were told. */
export async function remindInvited(
  deps: Pick<AppDeps, 'db' | 'modules'>,
  surveyId: number,
): Promise<number> {
  const { db } = deps;
  const survey = await db
    .selectFrom('skill_surveys')
    .selectAll()
    .where('id', '=', surveyId)
    .executeTakeFirst();
  if (!survey || !isAnswerable(survey)) return 0;
  return db.transaction().execute(async (trx) => {
    const waiting = await trx
      .selectFrom('skill_invitations as i')
      .select('i.user_id')
      .where('i.survey_id', '=', survey.id)
      .where('i.reminded_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('skill_respondents as r')
              .innerJoin('questionnaire_responses as q', 'q.respondent_id', 'r.id')
              .innerJoin('questionnaires as qn', 'qn.id', 'q.questionnaire_id')
              .select('r.id')
              .whereRef('r.user_id', '=', 'i.user_id')
              .where('r.survey_id', '=', survey.id)
              .where('qn.owner_type', '=', 'skills_survey')
              .where('q.status', '=', 'submitted'),
          ),
        ),
      )
      .execute();
    const users = waiting.map((w) => w.user_id);
    if (users.length === 0) return 0;
    await trx
      .updateTable('skill_invitations')
      .set({ reminded_at: nowIso() })
      .where('survey_id', '=', survey.id)
      .where('user_id', 'in', users)
      .execute();
    await notify(trx, deps, {
      kind: 'skills.reminder',
      subject: { type: 'skill_survey', key: survey.id },
      url: `/skills/surveys/${survey.slug}`,
      params: { title: survey.title },
      to: { users },
    });
    return users.length;
  });
}

export const skillsJobs: JobKind<{ surveyId: number }>[] = [
  {
    name: 'skills.remind',
    run: async (deps, payload) => {
      await remindInvited(deps, Number(payload.surveyId));
    },
  },
];
