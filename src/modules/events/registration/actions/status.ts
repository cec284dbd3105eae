// Where an application stands, changed in one place: submitting, each decision, withdrawing, and
// the waiting list moving up. Every change writes the status, keeps the roster in step (an accepted
// registration has its row in event_participants, any other status has none), records the audit
// entry, queues the applicant's mail and, for a decision, their notification — in the caller's
// transaction, so all of it or none. The actions of apply.ts, review.ts and setup.ts call these
// inside theirs.
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.ts';
import { type ActionContext, audit } from '../../../../platform/actions.ts';
import { accountLocale } from '../../../../platform/i18n.ts';
import { enqueueMail } from '../../../../platform/mail/outbox.ts';
import { siteName } from '../../../../platform/site/index.ts';
import { siteUuid } from '../../../../platform/stable-ids.ts';
import { nowIso } from '../../../../platform/time.ts';
import type { EventDetails } from '../../access.ts';
import { announceDecision } from '../../notifications.ts';
import { acceptedCount, type RegistrationSettings } from '../access.ts';
import type { RegistrationRow } from '../applications.ts';
import { type MailEvent, mailEvent, registrationMail } from '../mail.ts';
import type { Decision } from '../vocab.ts';

type Db = Kysely<Database>;

/** The event and settings a change of status happens under. */
export interface StatusChange {
  event: MailEvent;
  settings: RegistrationSettings;
}

/** The change's event as the mails show it (with its venue's name). */
export const statusChange = (event: EventDetails, settings: RegistrationSettings): StatusChange => ({
  event: mailEvent(event),
  settings,
});

type Status = Decision | 'submitted' | 'withdrawn';

/** The roster row of an accepted registration, its fields copied; removed for any other status. */
async function syncParticipant(trx: Db, registration: RegistrationRow, status: Status): Promise<void> {
  if (status !== 'accepted') {
    await trx.deleteFrom('event_participants').where('registration_id', '=', registration.id).execute();
    return;
  }
  const existing = await trx
    .selectFrom('event_participants')
    .select('id')
    .where('registration_id', '=', registration.id)
    .executeTakeFirst();
  if (existing) return;
  const now = nowIso();
  await trx
    .insertInto('event_participants')
    .values({
      event_id: registration.event_id,
      registration_id: registration.id,
      user_id: registration.user_id,
      name: registration.name,
      organisation_name: registration.organisation_name,
      organisation_id: registration.organisation_id,
      organisation_kind: registration.organisation_kind,
      country: registration.country,
      category_id: registration.category_id,
      gender: registration.gender,
      role: 'participant',
      networking_consent: registration.networking_consent,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * The one function that moves a registration to `status`, with its roster row, audit entry and
 * mail. `submitting` marks the moment it was sent (open registrations go from draft straight to
 * accepted or waitlisted).
 */
async function changeStatus(
  trx: Db,
  ctx: ActionContext,
  change: StatusChange,
  registration: RegistrationRow,
  status: Status,
  options: { submitting?: boolean; reason?: string } = {},
): Promise<void> {
  const now = nowIso();
  const decided = status === 'accepted' || status === 'waitlisted' || status === 'declined';
  await trx
    .updateTable('event_registrations')
    .set({
      status,
      updated_at: now,
      ...(options.submitting ? { submitted_at: now } : {}),
      ...(decided
        ? { decided_at: now, decided_by: ctx.user?.id ?? null }
        : { decided_at: null, decided_by: null }),
    })
    .where('id', '=', registration.id)
    .execute();
  await syncParticipant(trx, registration, status);
  await audit(trx, ctx, {
    action: `event.registration.${status}`,
    subjectType: 'event_registration',
    subjectId: registration.id,
    details: {
      event: change.event.id,
      from: registration.status,
      to: status,
      ...(options.reason ? { reason: options.reason } : {}),
    },
  });
  const account = await trx
    .selectFrom('users')
    .select(['email', 'name', 'locale'])
    .where('id', '=', registration.user_id)
    .executeTakeFirstOrThrow();
  const { config } = ctx.deps;
  const locale = accountLocale(account, config.defaultLocale);
  await enqueueMail(
    trx,
    registrationMail(status, {
      to: account.email,
      name: registration.name || account.name,
      locale,
      event: change.event,
      config: { baseUrl: config.baseUrl, siteName: siteName(ctx.deps, locale) },
      site: await siteUuid(trx),
    }),
  );
  if (decided) await announceDecision(trx, ctx, change.event, registration);
}

/**
 * Takes the event's registration row for the rest of the transaction: an UPDATE that changes
 * nothing locks the row on PostgreSQL and takes SQLite's write lock, so two people submitting at
 * once cannot both take the last place (a SELECT … FOR UPDATE does not exist on SQLite).
 */
async function lockRegistration(trx: Db, eventId: number): Promise<void> {
  await trx
    .updateTable('event_registration')
    .set((eb) => ({ mode: eb.ref('mode') }))
    .where('event_id', '=', eventId)
    .execute();
}

function registrationRow(trx: Db, id: number) {
  return trx.selectFrom('event_registrations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Whether one more person fits (open places, or no limit). */
async function hasRoom(trx: Db, settings: RegistrationSettings): Promise<boolean> {
  return settings.capacity === null || (await acceptedCount(trx, settings.event_id)) < settings.capacity;
}

/**
 * Sends a draft. Selection (application mode) waits for the reviewers; open and invitation-only
 * registrations are accepted while there is room, then go on the waiting list — or, without one,
 * are refused ('full', nothing changed: the draft stays).
 */
export async function submitRegistration(
  trx: Db,
  ctx: ActionContext,
  change: StatusChange,
  registrationId: number,
): Promise<'submitted' | 'accepted' | 'waitlisted' | 'full'> {
  await lockRegistration(trx, change.event.id);
  const registration = await registrationRow(trx, registrationId);
  let status: 'submitted' | 'accepted' | 'waitlisted';
  if (change.settings.mode === 'application') status = 'submitted';
  else if (await hasRoom(trx, change.settings)) status = 'accepted';
  else if (change.settings.waiting_list) status = 'waitlisted';
  else return 'full';
  await changeStatus(trx, ctx, change, registration, status, { submitting: true });
  return status;
}

/**
 * Moves the first people of the waiting list up while there is room — open and invitation-only
 * registrations only: in a selection the reviewers decide who comes next. Nobody in particular
 * decides it: the audit entries and the decisions name no one.
 */
export async function promoteFromWaitingList(
  trx: Db,
  ctx: ActionContext,
  change: StatusChange,
): Promise<number> {
  if (change.settings.mode === 'application' || !change.settings.waiting_list) return 0;
  let promoted = 0;
  while (await hasRoom(trx, change.settings)) {
    const next = await trx
      .selectFrom('event_registrations')
      .selectAll()
      .where('event_id', '=', change.event.id)
      .where('status', '=', 'waitlisted')
      .orderBy('submitted_at')
      .orderBy('id')
      .executeTakeFirst();
    if (!next) break;
    await changeStatus(trx, { ...ctx, user: null }, change, next, 'accepted', { reason: 'waiting list' });
    promoted++;
  }
  return promoted;
}

/**
 * A reviewer's decision. Accepting past the capacity is refused ('full'); a place given up moves
 * the waiting list of an open registration up.
 */
export async function decide(
  trx: Db,
  ctx: ActionContext,
  change: StatusChange,
  registrationId: number,
  decision: Decision,
): Promise<'decided' | 'unchanged' | 'full'> {
  await lockRegistration(trx, change.event.id);
  const registration = await registrationRow(trx, registrationId);
  if (registration.status === decision) return 'unchanged';
  if (decision === 'accepted' && !(await hasRoom(trx, change.settings))) return 'full';
  await changeStatus(trx, ctx, change, registration, decision);
  if (registration.status === 'accepted') await promoteFromWaitingList(trx, ctx, change);
  return 'decided';
}

/** The applicant withdraws; their place, if they had one, goes to the waiting list. */
export async function withdraw(trx: Db, ctx: ActionContext, change: StatusChange, registrationId: number) {
  await lockRegistration(trx, change.event.id);
  const registration = await registrationRow(trx, registrationId);
  await changeStatus(trx, ctx, change, registration, 'withdrawn');
  if (registration.status === 'accepted') await promoteFromWaitingList(trx, ctx, change);
}
