// The reviewers' writes: a review (a score per criterion and a note, replacing the reviewer's
// earlier one) and a decision (status.ts moves the roster, the audit log and the mail with it).
// Only the event's organisers and reviewers do either, and nobody reviews or decides their own
// application.
import { type ActionContext, audit, ensure, transact } from '../../../../platform/actions.ts';
import { HttpError } from '../../../../platform/http/errors.ts';
import { nowIso } from '../../../../platform/time.ts';
import type { Reviewing } from '../access.ts';
import type { Application } from '../applications.ts';
import { canJudge, canReview } from '../permissions.ts';
import type { ReviewInput } from '../schemas.ts';
import type { Decision } from '../vocab.ts';
import { decide, statusChange } from './status.ts';

/** The acting reviewer of `reviewing`'s event, who may judge `application`. */
function ensureJudge(ctx: ActionContext, reviewing: Reviewing, application: Application) {
  ensure(ctx, (user) => canReview(user, reviewing.organiser, reviewing.reviewer), 'registration.notReviewer');
  return ensure(ctx, (user) => canJudge(user, application), 'registration.ownApplication');
}

export async function saveReview(
  ctx: ActionContext,
  reviewing: Reviewing,
  application: Application,
  input: ReviewInput,
): Promise<void> {
  const reviewer = ensureJudge(ctx, reviewing, application);
  if (!reviewer) throw new HttpError(403, 'registration.notReviewer');
  await transact(ctx, async (trx) => {
    const now = nowIso();
    const existing = await trx
      .selectFrom('event_reviews')
      .select('id')
      .where('registration_id', '=', application.id)
      .where('reviewer_id', '=', reviewer.id)
      .executeTakeFirst();
    const reviewId = existing
      ? existing.id
      : (
          await trx
            .insertInto('event_reviews')
            .values({
              registration_id: application.id,
              reviewer_id: reviewer.id,
              note: input.note,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    if (existing) {
      await trx
        .updateTable('event_reviews')
        .set({ note: input.note, updated_at: now })
        .where('id', '=', reviewId)
        .execute();
      await trx.deleteFrom('event_review_scores').where('review_id', '=', reviewId).execute();
    }
    if (input.scores.size)
      await trx
        .insertInto('event_review_scores')
        .values(
          [...input.scores].map(([criterion_id, score]) => ({ review_id: reviewId, criterion_id, score })),
        )
        .execute();
    await audit(trx, ctx, {
      action: 'event.registration.reviewed',
      subjectType: 'event_registration',
      subjectId: application.id,
      details: { event: reviewing.event.id, scores: Object.fromEntries(input.scores) },
    });
  });
}

/**
 * Records a decision; 'unchanged' when it was the decision already. A withdrawn application is not
 * decided, and accepting past the capacity is refused (409).
 */
export async function decideApplication(
  ctx: ActionContext,
  reviewing: Reviewing,
  application: Application,
  decision: Decision,
): Promise<'decided' | 'unchanged'> {
  ensureJudge(ctx, reviewing, application);
  if (application.status === 'withdrawn') throw new HttpError(409, 'registration.withdrawnAlready');
  const change = statusChange(reviewing.event, reviewing.settings);
  const outcome = await transact(ctx, (trx) => decide(trx, ctx, change, application.id, decision));
  if (outcome === 'full') throw new HttpError(409, 'registration.capacityReached');
  ctx.deps.outbox.kick();
  return outcome;
}
