// The organisers' set-up: the registration settings (mode, places, waiting list, deadline,
// criteria, categories, invitations — with the invitations' mail, and a larger capacity moving an
// open registration's waiting list up in the same step), the rubric's criteria, and the accounts
// asked to review. Each checks that the acting account organises the event, writes in one
// transaction with its audit entry, and refuses what would break what is stored (409): a category
// someone chose, a maximum below a score given, a scored criterion.
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.ts';
import {
  type ActionContext,
  type AuditEntry,
  audit,
  ensure,
  transact,
} from '../../../../platform/actions.ts';
import { HttpError } from '../../../../platform/http/errors.ts';
import { accountLocale } from '../../../../platform/i18n.ts';
import { enqueueMail } from '../../../../platform/mail/outbox.ts';
import { siteName } from '../../../../platform/site/index.ts';
import { nowIso } from '../../../../platform/time.ts';
import { findUserByEmail } from '../../../accounts/index.ts';
import type { EventDetails } from '../../access.ts';
import { categoriesInUse, categoriesOf, getSettings, invitationsOf } from '../access.ts';
import { invitationMail, mailEvent } from '../mail.ts';
import { canManage } from '../permissions.ts';
import { type Criterion, criteriaOf, highestScore, isReviewer } from '../reviews.ts';
import type { CriterionInput, SettingsInput } from '../schemas.ts';
import { MAX_CRITERIA } from '../vocab.ts';
import { promoteFromWaitingList, statusChange } from './status.ts';

type Db = Kysely<Database>;

/** The event being set up, and whether the acting account organises it. */
export interface Managing {
  event: EventDetails;
  organiser: boolean;
}

const ensureManager = (ctx: ActionContext, managing: Managing) =>
  ensure(ctx, (user) => canManage(user, managing.organiser));

const onEvent = (event: { id: number }, action: string, details: Record<string, unknown>): AuditEntry => ({
  action,
  subjectType: 'event',
  subjectId: event.id,
  details,
});

async function writeCategories(trx: Db, eventId: number, input: SettingsInput): Promise<void> {
  const kept = new Set(input.categories.flatMap((c) => (c.id === null ? [] : [c.id])));
  const current = await categoriesOf(trx, eventId);
  const removed = current.filter((c) => !kept.has(c.id)).map((c) => c.id);
  if (removed.length) await trx.deleteFrom('event_categories').where('id', 'in', removed).execute();
  const known = new Set(current.map((c) => c.id));
  for (const [position, category] of input.categories.entries()) {
    if (category.id !== null && known.has(category.id))
      await trx
        .updateTable('event_categories')
        .set({ label: category.label, position })
        .where('id', '=', category.id)
        .where('event_id', '=', eventId)
        .execute();
    else
      await trx
        .insertInto('event_categories')
        .values({ event_id: eventId, label: category.label, position })
        .execute();
  }
}

/** Writes the invitation list; the addresses invited just now (they get a mail). */
async function writeInvitations(trx: Db, eventId: number, input: SettingsInput, actorId: number | null) {
  const before = new Set(await invitationsOf(trx, eventId));
  const wanted = new Set(input.invitations);
  const dropped = [...before].filter((e) => !wanted.has(e));
  if (dropped.length)
    await trx
      .deleteFrom('event_invitations')
      .where('event_id', '=', eventId)
      .where('email', 'in', dropped)
      .execute();
  const invited = input.invitations.filter((e) => !before.has(e));
  const now = nowIso();
  if (invited.length)
    await trx
      .insertInto('event_invitations')
      .values(invited.map((email) => ({ event_id: eventId, email, invited_by: actorId, created_at: now })))
      .execute();
  return invited;
}

/**
 * Saves the settings, categories and invitations. A category registrations point to may be
 * renamed, not removed: the roster and the key figures count people by it.
 */
export async function saveRegistrationSettings(
  ctx: ActionContext,
  managing: Managing,
  input: SettingsInput,
): Promise<{ created: boolean; invited: number }> {
  const user = ensureManager(ctx, managing);
  const { event } = managing;
  const used = await categoriesInUse(ctx.deps.db, event.id);
  const kept = new Set(input.categories.map((cat) => cat.id));
  if ([...used].some((id) => !kept.has(id))) throw new HttpError(409, 'registration.categoryInUse');
  const saved = await transact(ctx, async (trx) => {
    const values = {
      mode: input.mode,
      capacity: input.capacity,
      waiting_list: input.waiting_list ? 1 : 0,
      deadline: input.deadline,
      criteria: input.criteria,
      updated_at: nowIso(),
    };
    const created = !(await getSettings(trx, event.id));
    if (created)
      await trx
        .insertInto('event_registration')
        .values({ event_id: event.id, ...values })
        .execute();
    else await trx.updateTable('event_registration').set(values).where('event_id', '=', event.id).execute();
    await writeCategories(trx, event.id, input);
    const invited = await writeInvitations(trx, event.id, input, user?.id ?? null);
    await audit(
      trx,
      ctx,
      onEvent(event, created ? 'event.registration_opened' : 'event.registration_changed', {
        mode: input.mode,
        capacity: input.capacity,
        deadline: input.deadline,
        invited: invited.length,
      }),
    );
    // A larger capacity makes room for the waiting list of an open registration.
    const settings = await getSettings(trx, event.id);
    if (settings) await promoteFromWaitingList(trx, ctx, statusChange(event, settings));
    const accounts = invited.length
      ? await trx.selectFrom('users').select(['email', 'locale']).where('email', 'in', invited).execute()
      : [];
    const localeOf = new Map(accounts.map((a) => [a.email, a]));
    const { baseUrl, defaultLocale } = ctx.deps.config;
    for (const email of invited) {
      const locale = accountLocale(localeOf.get(email), defaultLocale);
      await enqueueMail(
        trx,
        invitationMail({
          to: email,
          locale,
          event: mailEvent(event),
          config: { baseUrl, siteName: siteName(ctx.deps, locale) },
        }),
      );
    }
    return { created, invited: invited.length };
  });
  ctx.deps.outbox.kick();
  return saved;
}

export async function addCriterion(
  ctx: ActionContext,
  managing: Managing,
  input: CriterionInput,
): Promise<void> {
  ensureManager(ctx, managing);
  const { event } = managing;
  const count = (await criteriaOf(ctx.deps.db, event.id)).length;
  if (count >= MAX_CRITERIA) throw HttpError.invalid({ _form: 'registration.tooManyCriteria' });
  await transact(ctx, async (trx) => {
    await trx
      .insertInto('event_rubric_criteria')
      .values({ event_id: event.id, position: count, label: input.label, max_score: input.max_score })
      .execute();
    await audit(
      trx,
      ctx,
      onEvent(event, 'event.rubric_changed', { what: 'criterion added', label: input.label }),
    );
  });
}

/** A criterion's maximum may not go below a score a reviewer gave on it. */
export async function updateCriterion(
  ctx: ActionContext,
  managing: Managing,
  criterion: Criterion,
  input: CriterionInput,
): Promise<void> {
  ensureManager(ctx, managing);
  const top = await highestScore(ctx.deps.db, criterion.id);
  if (top !== null && input.max_score < top)
    throw new HttpError(409, 'registration.maxBelowScores', undefined, undefined, {
      max_score: 'registration.maxBelowScores',
    });
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('event_rubric_criteria')
      .set({ label: input.label, max_score: input.max_score })
      .where('id', '=', criterion.id)
      .execute();
    await audit(
      trx,
      ctx,
      onEvent(managing.event, 'event.rubric_changed', { what: 'criterion changed', criterion: criterion.id }),
    );
  });
}

/** Reviewers' scores on a criterion would go with it: a scored criterion stays. */
export async function deleteCriterion(ctx: ActionContext, managing: Managing, criterion: Criterion) {
  ensureManager(ctx, managing);
  if ((await highestScore(ctx.deps.db, criterion.id)) !== null)
    throw new HttpError(409, 'registration.criterionScored');
  await transact(ctx, async (trx) => {
    await trx.deleteFrom('event_rubric_criteria').where('id', '=', criterion.id).execute();
    await audit(
      trx,
      ctx,
      onEvent(managing.event, 'event.rubric_changed', { what: 'criterion deleted', label: criterion.label }),
    );
  });
}

/** Asks the account with this address to review; an address no active account has is refused. */
export async function addReviewer(ctx: ActionContext, managing: Managing, email: string): Promise<void> {
  const user = ensureManager(ctx, managing);
  const { event } = managing;
  const account = await findUserByEmail(ctx.deps.db, email);
  if (!account || account.disabled_at) throw HttpError.invalid({ email: 'registration.noSuchAccount' });
  await transact(ctx, async (trx) => {
    if (await isReviewer(trx, account, event.id)) return;
    await trx
      .insertInto('event_reviewers')
      .values({ event_id: event.id, user_id: account.id, added_by: user?.id ?? null, created_at: nowIso() })
      .execute();
    await audit(trx, ctx, onEvent(event, 'event.reviewer_added', { reviewer: account.id }));
  });
}

export async function removeReviewer(ctx: ActionContext, managing: Managing, reviewerId: number) {
  ensureManager(ctx, managing);
  await transact(ctx, async (trx) => {
    await trx
      .deleteFrom('event_reviewers')
      .where('event_id', '=', managing.event.id)
      .where('user_id', '=', reviewerId)
      .execute();
    await audit(trx, ctx, onEvent(managing.event, 'event.reviewer_removed', { reviewer: reviewerId }));
  });
}
