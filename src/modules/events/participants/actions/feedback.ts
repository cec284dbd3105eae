// A participant's feedback, sent once (the page and the API call the same action): only people on
// the roster answer, from the event's last day; the answers are checked against the questions (a
// question whose condition is not met is neither required nor kept); a second response is refused
// (409) — also when two arrive at the same moment, by the questionnaire's unique respondent.
import { isUniqueViolation } from '../../../../db/dialect.ts';
import { type ActionContext, actingUser, audit, transact } from '../../../../platform/actions.ts';
import { HttpError } from '../../../../platform/http/errors.ts';
import { parseInput } from '../../../../platform/http/forms.ts';
import { answersSchema, hasResponded, saveResponse } from '../../../../platform/questionnaires/index.ts';
import { todayIn } from '../../../../platform/time.ts';
import type { EventDetails } from '../../access.ts';
import { participantOf } from '../access.ts';
import { FEEDBACK_NAMING, feedbackForm, questionsOf } from '../feedback.ts';
import { feedbackIsOpen } from '../permissions.ts';

/** The acting account's row on the roster, when it may answer now (403 otherwise, 409 when it did). */
export async function ensureRespondent(ctx: ActionContext, event: EventDetails) {
  const user = actingUser(ctx);
  const db = ctx.deps.db;
  const me = await participantOf(db, event.id, user.id);
  if (!me) throw new HttpError(403, 'participants.notParticipant');
  if (!feedbackIsOpen(event, todayIn(event.time_zone)))
    throw new HttpError(403, 'participants.feedbackNotOpen');
  if (await hasResponded(db, feedbackForm(event.id), me.id))
    throw new HttpError(409, 'participants.alreadyAnswered');
  return me;
}

/**
 * Checks and stores the answers (`values`: the form's q<id> fields, or the API's answers under those
 * names); refuses what is wrong with a message per question (422).
 */
export async function sendFeedback(
  ctx: ActionContext,
  event: EventDetails,
  values: Record<string, unknown>,
): Promise<void> {
  const me = await ensureRespondent(ctx, event);
  const answers = parseInput(
    answersSchema(await questionsOf(ctx.deps.db, event.id), FEEDBACK_NAMING),
    values,
  );
  try {
    await transact(ctx, async (trx) => {
      await saveResponse(trx, feedbackForm(event.id), { id: me.id }, answers, {
        status: 'submitted',
        once: true,
      });
      await audit(trx, ctx, {
        action: 'event.feedback_sent',
        subjectType: 'event',
        subjectId: event.id,
        details: { answers: Object.keys(answers).length },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new HttpError(409, 'participants.alreadyAnswered');
    throw err;
  }
}
