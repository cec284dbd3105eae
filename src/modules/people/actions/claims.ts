// Claims on profiles made by the editors ("This is me"): a member without a profile asks for one
// nobody owns; an administrator gives it to them or refuses, and the claimant gets a mail in their
// language. Each step is one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { isLocale } from '../../../locales/index.ts';
import { type ActionContext, actingUser, audit, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { translator } from '../../../platform/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { nowIso } from '../../../platform/time.ts';
import { type PersonClaim, type PersonDetails, pendingClaimOf, profileOf } from '../access.ts';
import { canDecideClaims, claimRefusal } from '../permissions.ts';
import type { ClaimInput } from '../schemas.ts';
import { reindex } from '../search.ts';

type Db = Kysely<Database>;

/** The claimant, or the refusal: 401 for visitors, 409 when the profile or the claimant is taken. */
export async function ensureMayClaim(ctx: ActionContext, person: PersonDetails): Promise<User> {
  const user = actingUser(ctx);
  const db = ctx.trx ?? ctx.deps.db;
  const [own, pending] = await Promise.all([profileOf(db, user.id), pendingClaimOf(db, person.id, user.id)]);
  const refusal = claimRefusal(user, person, { hasProfile: !!own, pendingClaim: !!pending });
  if (refusal) throw new HttpError(refusal.status, refusal.message);
  return user;
}

/** Files the claim; its id. */
export async function requestClaim(ctx: ActionContext, person: PersonDetails, input: ClaimInput) {
  const user = await ensureMayClaim(ctx, person);
  return transact(ctx, async (trx) => {
    const { id } = await trx
      .insertInto('person_claims')
      .values({
        person_id: person.id,
        user_id: user.id,
        message: input.message,
        status: 'pending',
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: 'person.claim_requested',
      subjectType: 'person',
      subjectId: person.id,
      details: { claimId: id },
    });
    return id;
  });
}

/**
 * Gives the profile to the claimant and closes the other claims on it; 409 when that is no longer
 * possible (someone owns it by now, or the claimant has a profile of their own by now).
 */
async function giveProfile(trx: Db, claim: PersonClaim, admin: User | null): Promise<void> {
  const person = await trx
    .selectFrom('people')
    .select(['id', 'user_id'])
    .where('id', '=', claim.person_id)
    .executeTakeFirst();
  if (!person || person.user_id !== null) throw new HttpError(409, 'people.claimOwned');
  if (await profileOf(trx, claim.user_id)) throw new HttpError(409, 'people.claimHasProfile');
  const now = nowIso();
  // Repeats the condition, so that of two administrators approving at once only one succeeds.
  const taken = await trx
    .updateTable('people')
    .set({ user_id: claim.user_id, updated_at: now })
    .where('id', '=', person.id)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) throw new HttpError(409, 'people.claimOwned');
  const decided = { decided_at: now, decided_by: admin?.id ?? null };
  await trx
    .updateTable('person_claims')
    .set({ status: 'approved', ...decided })
    .where('id', '=', claim.id)
    .execute();
  await trx
    .updateTable('person_claims')
    .set({ status: 'rejected', ...decided })
    .where('person_id', '=', person.id)
    .where('status', '=', 'pending')
    .execute();
  await reindex(trx, person.id);
}

/** Tells the claimant what the administrators decided, in the claimant's language. */
async function mailClaimant(trx: Db, baseUrl: string, claim: PersonClaim, approved: boolean): Promise<void> {
  const [user, person] = await Promise.all([
    trx.selectFrom('users').select(['email', 'locale']).where('id', '=', claim.user_id).executeTakeFirst(),
    trx.selectFrom('people').select(['slug', 'name']).where('id', '=', claim.person_id).executeTakeFirst(),
  ]);
  if (!user || !person) return;
  const t = translator(isLocale(user.locale) ? user.locale : 'en');
  const values = { name: person.name, url: `${baseUrl}/directory/people/${person.slug}` };
  await enqueueMail(trx, {
    to: user.email,
    subject: t(approved ? 'people.mailApprovedSubject' : 'people.mailRejectedSubject', values),
    text: t(approved ? 'people.mailApprovedText' : 'people.mailRejectedText', values),
  });
}

/** An administrator's decision on a pending claim (409 when it was decided already). */
export async function decideClaim(
  ctx: ActionContext,
  claim: PersonClaim,
  decision: 'approve' | 'reject',
): Promise<void> {
  const admin = ensure(ctx, canDecideClaims);
  if (claim.status !== 'pending') throw new HttpError(409, 'people.claimDecided');
  await transact(ctx, async (trx) => {
    if (decision === 'approve') await giveProfile(trx, claim, admin);
    else
      await trx
        .updateTable('person_claims')
        .set({ status: 'rejected', decided_at: nowIso(), decided_by: admin?.id ?? null })
        .where('id', '=', claim.id)
        .where('status', '=', 'pending')
        .execute();
    await audit(trx, ctx, {
      action: decision === 'approve' ? 'person.claim_approved' : 'person.claim_rejected',
      subjectType: 'person',
      subjectId: claim.person_id,
      details: { claimId: claim.id, userId: claim.user_id },
    });
    await mailClaimant(trx, ctx.deps.config.baseUrl, claim, decision === 'approve');
  });
}
