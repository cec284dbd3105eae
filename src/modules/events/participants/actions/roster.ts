// Every write to an event's roster, for the pages and the API alike: adding, changing and removing
// the people the organisers entered, check-in per day, and a participant's choice to be seen on the
// networking page. Each checks who may (the event's organisers; the participant for their own
// choice), refuses what only it can know (an unknown account or profile, a day outside the event,
// someone not on the roster) next to the field, and writes its audit entry in the same transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.ts';
import { type ActionContext, actingUser, audit, ensure, transact } from '../../../../platform/actions.ts';
import { HttpError } from '../../../../platform/http/errors.ts';
import type { FieldErrors } from '../../../../platform/http/forms.ts';
import { isRealDate, nowIso } from '../../../../platform/time.ts';
import { findUserByEmail } from '../../../accounts/index.ts';
import { withinEvent } from '../../agenda.ts';
import type { StandardColumn } from '../../registration/standard-fields.ts';
import { type EventAccess, type Participant, participantOf } from '../access.ts';
import { listRoster, presentOn } from '../listing.ts';
import { isEnteredByOrganisers, managesRoster } from '../permissions.ts';
import type { ParticipantInput } from '../schemas.ts';

type Db = Kysely<Database>;

type ParticipantValues = Pick<Participant, StandardColumn | 'role' | 'user_id' | 'person_id'>;

/**
 * The input's references (organisation, account, profile, category) as ids; a reference that names
 * nothing, or an account already on the roster, is refused next to its field (422).
 */
async function participantValues(
  db: Db,
  eventId: number,
  input: ParticipantInput,
  exceptId?: number,
): Promise<ParticipantValues> {
  const errors: FieldErrors = {};
  const [organisation, user, person, category] = await Promise.all([
    input.organisation
      ? db
          .selectFrom('organisations')
          .select(['id', 'name', 'kind'])
          .where('slug', '=', input.organisation)
          .executeTakeFirst()
      : undefined,
    input.account ? findUserByEmail(db, input.account) : undefined,
    input.person
      ? db.selectFrom('people').select('id').where('slug', '=', input.person).executeTakeFirst()
      : undefined,
    input.category_id
      ? db
          .selectFrom('event_categories')
          .select('id')
          .where('id', '=', input.category_id)
          .where('event_id', '=', eventId)
          .executeTakeFirst()
      : undefined,
  ]);
  if (input.organisation && !organisation) errors.organisation = 'events.unknownOrganisation';
  if (input.account && !user) errors.account = 'participants.unknownAccount';
  if (input.person && !person) errors.person = 'participants.unknownPerson';
  if (input.category_id && !category) errors.category_id = 'form.invalid';
  if (user) {
    let taken = db
      .selectFrom('event_participants')
      .select('id')
      .where('event_id', '=', eventId)
      .where('user_id', '=', user.id);
    if (exceptId !== undefined) taken = taken.where('id', '!=', exceptId);
    if (await taken.executeTakeFirst()) errors.account = 'participants.alreadyOnRoster';
  }
  if (Object.keys(errors).length) throw HttpError.invalid(errors);
  return {
    name: input.name,
    organisation_name: input.organisation_name ?? organisation?.name ?? null,
    organisation_id: organisation?.id ?? null,
    // The directory knows the kind of its organisations; what the organisers chose comes first.
    organisation_kind: input.organisation_kind ?? organisation?.kind ?? null,
    country: input.country ?? null,
    category_id: category?.id ?? null,
    gender: input.gender ?? null,
    role: input.role,
    networking_consent: input.networking_consent ? 1 : 0,
    user_id: user?.id ?? null,
    person_id: person?.id ?? null,
  };
}

/** A row from an application is changed through the application: 409. */
function ensureEnteredByOrganisers(row: Participant): void {
  if (!isEnteredByOrganisers(row)) throw new HttpError(409, 'participants.appliedNotice');
}

/** The audit entry of a write around an event's roster: the event is its subject. */
export const auditEvent = (
  trx: Db,
  ctx: ActionContext,
  eventId: number,
  action: string,
  details: Record<string, unknown>,
) => audit(trx, ctx, { action, subjectType: 'event', subjectId: eventId, details });

/** Adds someone who did not apply through the platform (a walk-in, a published roster). */
export async function addParticipant(
  ctx: ActionContext,
  { event, organiser }: EventAccess,
  input: ParticipantInput,
): Promise<Participant> {
  ensure(ctx, managesRoster(organiser));
  const values = await participantValues(ctx.deps.db, event.id, input);
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('event_participants')
      .values({ ...values, event_id: event.id, registration_id: null, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditEvent(trx, ctx, event.id, 'event.participant_added', { participant: row.id, role: row.role });
    return row;
  });
}

/** Saves a change; the names of the fields that changed (none: nothing is written). */
export async function updateParticipant(
  ctx: ActionContext,
  { event, organiser }: EventAccess,
  row: Participant,
  input: ParticipantInput,
): Promise<string[]> {
  ensure(ctx, managesRoster(organiser));
  ensureEnteredByOrganisers(row);
  const values = await participantValues(ctx.deps.db, event.id, input, row.id);
  const changed = Object.entries(values)
    .filter(([key, to]) => row[key as keyof Participant] !== to)
    .map(([key]) => key);
  if (changed.length === 0) return changed;
  return transact(ctx, async (trx) => {
    await trx
      .updateTable('event_participants')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', row.id)
      .execute();
    await auditEvent(trx, ctx, event.id, 'event.participant_updated', {
      participant: row.id,
      fields: changed,
    });
    return changed;
  });
}

export async function removeParticipant(
  ctx: ActionContext,
  { event, organiser }: EventAccess,
  row: Participant,
): Promise<void> {
  ensure(ctx, managesRoster(organiser));
  ensureEnteredByOrganisers(row);
  await transact(ctx, async (trx) => {
    await auditEvent(trx, ctx, event.id, 'event.participant_removed', {
      participant: row.id,
      role: row.role,
    });
    await trx.deleteFrom('event_participants').where('id', '=', row.id).execute();
  });
}

/** The ids among `ids` that are not on this event's roster. */
async function strangers(db: Db, eventId: number, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom('event_participants')
    .select('id')
    .where('event_id', '=', eventId)
    .where('id', 'in', unique)
    .execute();
  const known = new Set(rows.map((r) => r.id));
  return unique.filter((id) => !known.has(id));
}

/**
 * Who of `shown` was there on `day`: checks the present ones in and the others out, leaving
 * everyone else's check-in as it was (a page of the roster never clears the others). Without
 * `shown`, the whole roster: exactly the present ones were there. A day that is not one of the
 * event's is refused (`date`), and so is anyone not on the roster or not shown (`present`).
 */
export async function setAttendance(
  ctx: ActionContext,
  { event, organiser }: EventAccess,
  day: string,
  present: number[],
  shown?: number[],
): Promise<{ added: number; removed: number }> {
  ensure(ctx, managesRoster(organiser));
  const { db } = ctx.deps;
  if (!isRealDate(day) || !withinEvent(event, day))
    throw HttpError.invalid({ date: 'participants.dayOutside' });
  const rows = shown ?? (await listRoster(db, event.id)).rows.map((r) => r.id);
  const shownSet = new Set(rows);
  if (present.some((id) => !shownSet.has(id)) || (await strangers(db, event.id, rows)).length)
    throw HttpError.invalid({ present: 'participants.notOnRoster' });
  return transact(ctx, async (trx) => {
    const here = new Set(present);
    const absent = [...shownSet].filter((id) => !here.has(id));
    let removed = 0;
    if (absent.length) {
      const result = await trx
        .deleteFrom('event_checkins')
        .where('event_id', '=', event.id)
        .where('date', '=', day)
        .where('participant_id', 'in', absent)
        .executeTakeFirst();
      removed = Number(result.numDeletedRows);
    }
    const already = await presentOn(trx, event.id, day);
    const now = nowIso();
    const added = [...here]
      .filter((id) => !already.has(id))
      .map((participant_id) => ({
        participant_id,
        event_id: event.id,
        date: day,
        checked_by: ctx.user?.id ?? null,
        checked_at: now,
      }));
    for (let i = 0; i < added.length; i += 200)
      await trx
        .insertInto('event_checkins')
        .values(added.slice(i, i + 200))
        .execute();
    const changed = { added: added.length, removed };
    if (changed.added + changed.removed > 0)
      await auditEvent(trx, ctx, event.id, 'event.checkin', { day, ...changed });
    return changed;
  });
}

/**
 * A participant chooses whether the others see them on the networking page; an accepted
 * application keeps the same choice. Only someone on the roster may (403 otherwise).
 */
export async function setNetworkingConsent(
  ctx: ActionContext,
  { event }: Pick<EventAccess, 'event'>,
  consent: boolean,
): Promise<void> {
  const user = actingUser(ctx);
  const me = await participantOf(ctx.deps.db, event.id, user.id);
  if (!me) throw new HttpError(403, 'participants.notParticipant');
  const value = consent ? 1 : 0;
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('event_participants')
      .set({ networking_consent: value, updated_at: nowIso() })
      .where('id', '=', me.id)
      .execute();
    if (me.registration_id !== null)
      await trx
        .updateTable('event_registrations')
        .set({ networking_consent: value, updated_at: nowIso() })
        .where('id', '=', me.registration_id)
        .execute();
    await auditEvent(trx, ctx, event.id, 'event.networking_consent', { participant: me.id, consent });
  });
}
