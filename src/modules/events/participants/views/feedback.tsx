// Feedback: the participant's form (the event's questions in the reader's language, a rating from
// 1 to 5 as radio buttons), the page around the organisers' questions (the platform's builder), and
// the summary of the answers.
import type { Child } from 'hono/jsx';
import type { Question } from '../../../../platform/questionnaires/index.ts';
import { localised, QuestionFields, RATING_MAX } from '../../../../platform/questionnaires/index.ts';
import { BarChart } from '../../../../ui/components/charts.tsx';
import { Form, type FormState, Submit } from '../../../../ui/components/form.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import { FEEDBACK_NAMING, type FeedbackSummary } from '../feedback.ts';
import { EventCrumbs } from './parts.tsx';

export function FeedbackFormView(props: {
  event: EventDetails;
  questions: Question[];
  state: FormState;
  answered: boolean;
  open: boolean;
}) {
  const { t } = usePage();
  const { event } = props;
  return (
    <div class="wrap narrow">
      <EventCrumbs event={event} />
      <h1>{t('participants.feedbackTitle')}</h1>
      {props.answered ? (
        <p class={props.state.errors?._form ? 'notice error' : 'notice success'} role="status">
          {t(props.state.errors?._form ?? 'participants.feedbackThanks')}
        </p>
      ) : !props.open ? (
        <p class="notice">{t('participants.feedbackNotOpen')}</p>
      ) : props.questions.every((q) => q.hidden) ? (
        <p class="notice">{t('participants.noQuestions')}</p>
      ) : (
        <Form action={`/events/${event.slug}/feedback`} state={props.state} requiredNote>
          <p class="hint">{t('participants.feedbackAnonymous')}</p>
          <QuestionFields questions={props.questions} state={props.state} naming={FEEDBACK_NAMING} />
          <Submit label="participants.sendFeedback" />
        </Form>
      )}
    </div>
  );
}

/** The page around the feedback's questions: the event, the heading, the way to the summary. */
export function QuestionsFrame(props: {
  event: EventDetails;
  title: string;
  editing: boolean;
  children: Child;
}) {
  const { t } = usePage();
  const base = `/events/${props.event.slug}/feedback`;
  return (
    <div class="wrap narrow">
      <EventCrumbs event={props.event} />
      <h1>{props.title}</h1>
      <p>
        {props.editing ? (
          <a href={`${base}/questions`}>{t('participants.questionsTitle')}</a>
        ) : (
          <a href={`${base}/summary`}>{t('participants.feedbackSummary')}</a>
        )}
      </p>
      {props.children}
    </div>
  );
}

export function FeedbackSummaryView({ summary }: { summary: FeedbackSummary }) {
  const page = usePage();
  const { t, fmt, locale } = page;
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div class="feedback-summary">
      <p>{t('participants.responses', { count: summary.responses })}</p>
      {summary.questions.map(({ question: q, answered, counts, texts, ...rest }) => {
        const shown = localised(q, locale);
        const choice = (value: string) => shown.choices.find((c) => c.value === value)?.label ?? value;
        return (
          <section aria-labelledby={`question-${q.id}`}>
            <h3 id={`question-${q.id}`} lang={shown.lang}>
              {shown.label}
            </h3>
            <p class="hint">{t('participants.answeredBy', { count: answered })}</p>
            {q.kind === 'rating' && rest.average !== null && (
              <p>
                {t('participants.average', {
                  average: average.format(rest.average),
                  max: fmt.number(RATING_MAX),
                })}
              </p>
            )}
            {counts.length > 0 && answered > 0 && (
              <BarChart
                id={`chart-question-${q.id}`}
                title={shown.label}
                labelHeading={q.kind === 'rating' ? t('participants.rating') : t('participants.choice')}
                countHeading={t('participants.count')}
                total={answered}
                rows={counts.map((c) => ({
                  label:
                    q.kind === 'rating' ? t('participants.ratingValue', { value: c.value }) : choice(c.value),
                  value: c.count,
                }))}
              />
            )}
            {texts.length > 0 && (
              <ul class="feedback-texts">
                {texts.map((text) => (
                  <li>{text}</li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

export function FeedbackSummaryPage(props: { event: EventDetails; summary: FeedbackSummary }) {
  const { t } = usePage();
  return (
    <div class="wrap">
      <EventCrumbs event={props.event} />
      <h1>{t('participants.feedbackSummary')}</h1>
      <p class="no-print">
        <a href={`/events/${props.event.slug}/feedback/questions`}>{t('participants.questionsTitle')}</a>
      </p>
      <FeedbackSummaryView summary={props.summary} />
    </div>
  );
}
