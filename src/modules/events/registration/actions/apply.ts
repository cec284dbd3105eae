// The applicant's writes: a draft saved as typed (the standard fields and the answers, files
// included), a submission (the draft written, then sent: accepted, waitlisted or waiting for the
// reviewers — or refused when full, the draft kept), and a withdrawal. Each checks that the
// account may (the event open, before the deadline, invited where it must be), runs in one
// transaction with the audit entry and the applicant's mail, and wakes the outbox.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../../db/schema.ts';
import { type ActionContext, actingUser, transact } from '../../../../platform/actions.ts';
import { HttpError } from '../../../../platform/http/errors.ts';
import type { MessageKey } from '../../../../platform/i18n.ts';
import {
  type Answers,
  type Question,
  type ResponseStatus,
  saveResponse,
  setResponseStatus,
} from '../../../../platform/questionnaires/index.ts';
import { nowIso } from '../../../../platform/time.ts';
import type { EventDetails } from '../../access.ts';
import type { RegistrationSettings } from '../access.ts';
import type { Application } from '../applications.ts';
import { applicationForm } from '../form.ts';
import { type ApplyRefusal, canWithdraw } from '../permissions.ts';
import type { StandardColumns } from '../standard-fields.ts';
import { EDITABLE_STATUSES } from '../vocab.ts';
import { statusChange, submitRegistration, withdraw } from './status.ts';

type Db = Kysely<Database>;

/** What applying needs to know of the account, the event and its form (routes-apply.tsx loads it). */
export interface Applying {
  user: User;
  event: EventDetails;
  settings: RegistrationSettings;
  existing: Application | undefined;
  refusal: ApplyRefusal | null;
  questions: Question[];
  organisations: { id: number; name: string }[];
}

/** Why the account may not apply now, as the page and the refusal say it. */
export const REFUSAL: Record<
  Exclude<ApplyRefusal, 'noRegistration'>,
  { message: MessageKey; status: 403 | 409 }
> = {
  notOpen: { message: 'registration.refused.notOpen', status: 409 },
  deadlinePassed: { message: 'registration.refused.deadlinePassed', status: 409 },
  notInvited: { message: 'registration.refused.notInvited', status: 403 },
};

/** An application sent already is not edited again (a withdrawn one may be sent again). */
export const alreadySent = (existing: Application | undefined) =>
  !!existing && !EDITABLE_STATUSES.has(existing.status);

function ensureMayApply(ctx: ActionContext, applying: Applying): User {
  const user = actingUser(ctx);
  if (user.id !== applying.user.id) throw new HttpError(403, 'error.403.message');
  if (applying.refusal && applying.refusal !== 'noRegistration') {
    const refusal = REFUSAL[applying.refusal];
    throw new HttpError(refusal.status, refusal.message);
  }
  if (alreadySent(applying.existing)) throw new HttpError(409, 'registration.alreadyApplied');
  return user;
}

/** Writes the account's registration as a draft (made the first time) with its answers; its id. */
async function writeDraft(
  trx: Db,
  applying: Applying,
  draft: { standard: StandardColumns; answers: Answers },
  status: ResponseStatus,
): Promise<number> {
  const now = nowIso();
  const { event, user } = applying;
  const existing = await trx
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', event.id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  const values = { ...draft.standard, status: 'draft' as const, updated_at: now };
  const id = existing
    ? existing.id
    : (
        await trx
          .insertInto('event_registrations')
          .values({ ...values, event_id: event.id, user_id: user.id, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  if (existing) await trx.updateTable('event_registrations').set(values).where('id', '=', id).execute();
  await saveResponse(trx, applicationForm(event.id), { id, userId: user.id }, draft.answers, { status });
  return id;
}

/** Keeps what was typed, right or wrong: a draft is never refused. */
export async function saveApplicationDraft(
  ctx: ActionContext,
  applying: Applying,
  draft: { standard: StandardColumns; answers: Answers },
): Promise<void> {
  ensureMayApply(ctx, applying);
  await transact(ctx, (trx) => writeDraft(trx, applying, draft, 'draft'));
}

/** Sends the checked application; 'full' when an open event has no place left and no waiting list. */
export async function submitApplication(
  ctx: ActionContext,
  applying: Applying,
  application: { standard: StandardColumns; answers: Answers },
): Promise<'submitted' | 'accepted' | 'waitlisted' | 'full'> {
  ensureMayApply(ctx, applying);
  const outcome = await transact(ctx, async (trx) => {
    const id = await writeDraft(trx, applying, application, 'draft');
    const sent = await submitRegistration(trx, ctx, statusChange(applying.event, applying.settings), id);
    if (sent !== 'full') await setResponseStatus(trx, applicationForm(applying.event.id), id, 'submitted');
    return sent;
  });
  if (outcome !== 'full') ctx.deps.outbox.kick();
  return outcome;
}

/** The applicant withdraws (until the event starts); a place given up goes to the waiting list. */
export async function withdrawApplication(
  ctx: ActionContext,
  event: EventDetails,
  settings: RegistrationSettings,
  application: Application,
): Promise<void> {
  const user = actingUser(ctx);
  if (application.user_id !== user.id) throw new HttpError(404, 'error.404.message');
  if (!canWithdraw(event, application.status, new Date()))
    throw new HttpError(409, 'registration.cannotWithdraw');
  await transact(ctx, (trx) => withdraw(trx, ctx, statusChange(event, settings), application.id));
  ctx.deps.outbox.kick();
}
