// Feedback: the participant's form (a rating from 1 to 5 as radio buttons, a choice, a text), the
// organisers' questions with the form to add one, and the summary of the answers.
import { fieldValue } from '../../../platform/http/forms.ts';
import { BarChart } from '../../../ui/components/charts.tsx';
import {
  Checkbox,
  CsrfField,
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import type { FeedbackSummary } from './feedback.ts';
import type { Question } from './schemas.ts';
import { EventCrumbs } from './views/parts.tsx';
import { MAX_ANSWER_LENGTH, QUESTION_KINDS, RATING_MAX, RATING_MIN } from './vocab.ts';

function QuestionField({ q, state }: { q: Question; state: FormState }) {
  const { t, fmt } = usePage();
  const name = `q${q.id}`;
  const error = state.errors?.[name];
  const value = fieldValue(state.values, name);
  const errorId = `${name}-error`;
  const mark = q.required && <span class="required"> *</span>;
  const message = error && (
    <p class="field-error" id={errorId}>
      {t(error)}
    </p>
  );
  if (q.kind === 'text')
    return (
      <div class={error ? 'field invalid' : 'field'}>
        <label for={`f-${name}`}>
          {q.label}
          {mark}
        </label>
        <textarea
          id={`f-${name}`}
          name={name}
          rows={4}
          maxlength={MAX_ANSWER_LENGTH}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
        >
          {value}
        </textarea>
        {message}
      </div>
    );
  const options =
    q.kind === 'rating'
      ? Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => {
          const v = String(RATING_MIN + i);
          return { value: v, label: t('participants.ratingValue', { value: fmt.number(RATING_MIN + i) }) };
        })
      : q.choices.map((c) => ({ value: c, label: c }));
  return (
    <fieldset class={error ? 'field invalid' : 'field'} aria-describedby={error ? errorId : undefined}>
      <legend>
        {q.label}
        {mark}
      </legend>
      {q.kind === 'rating' && <p class="hint">{t('participants.ratingHint')}</p>}
      {options.map((o, i) => (
        <div class="field checkbox">
          <input type="radio" id={`f-${name}-${i}`} name={name} value={o.value} checked={value === o.value} />
          <label for={`f-${name}-${i}`}>{o.label}</label>
        </div>
      ))}
      {message}
    </fieldset>
  );
}

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
      ) : props.questions.length === 0 ? (
        <p class="notice">{t('participants.noQuestions')}</p>
      ) : (
        <Form action={`/events/${event.slug}/feedback`} state={props.state} requiredNote>
          <p class="hint">{t('participants.feedbackAnonymous')}</p>
          {props.questions.map((q) => (
            <QuestionField q={q} state={props.state} />
          ))}
          <Submit label="participants.sendFeedback" />
        </Form>
      )}
    </div>
  );
}

export function QuestionsView(props: { event: EventDetails; questions: Question[]; state: FormState }) {
  const { t } = usePage();
  const { event } = props;
  const base = `/events/${event.slug}/feedback`;
  return (
    <div class="wrap narrow">
      <EventCrumbs event={event} />
      <h1>{t('participants.questionsTitle')}</h1>
      <p>
        <a href={`${base}/summary`}>{t('participants.feedbackSummary')}</a>
      </p>
      {props.questions.length === 0 ? (
        <p class="notice">{t('participants.noQuestions')}</p>
      ) : (
        <ol class="questions">
          {props.questions.map((q) => (
            <li>
              <strong>{q.label}</strong> <span class="muted">({t(`participants.question.${q.kind}`)})</span>
              {q.required && <span class="badge"> {t('participants.requiredQuestion')}</span>}
              {q.choices.length > 0 && <p class="hint">{q.choices.join(' · ')}</p>}
              <form method="post" action={`${base}/questions/${q.id}/delete`} class="inline-form">
                <CsrfField />
                <button type="submit" class="button small secondary">
                  {t('participants.deleteQuestion')}
                  <span class="visually-hidden"> — {q.label}</span>
                </button>
              </form>
            </li>
          ))}
        </ol>
      )}
      <h2>{t('participants.addQuestion')}</h2>
      <Form action={`${base}/questions`} state={props.state} requiredNote>
        <Field name="label" label="participants.questionLabel" required maxlength={300} state={props.state} />
        <SelectField
          name="kind"
          label="participants.questionKind"
          state={props.state}
          options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`participants.question.${k}`) }))}
        />
        <TextArea
          name="choices"
          label="participants.choices"
          hint="participants.choicesHint"
          maxlength={3000}
          rows={4}
          state={props.state}
        />
        <Checkbox name="required" label="participants.requiredQuestion" state={props.state} />
        <Submit label="participants.addQuestion" />
      </Form>
    </div>
  );
}

export function FeedbackSummaryView({ summary }: { summary: FeedbackSummary }) {
  const { t, fmt, locale } = usePage();
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div class="feedback-summary">
      <p>{t('participants.responses', { count: summary.responses })}</p>
      {summary.questions.map((q) => (
        <section aria-labelledby={`question-${q.id}`}>
          <h3 id={`question-${q.id}`}>{q.label}</h3>
          <p class="hint">{t('participants.answeredBy', { count: q.answered })}</p>
          {q.kind === 'rating' && q.average !== null && (
            <p>
              {t('participants.average', { average: average.format(q.average), max: fmt.number(RATING_MAX) })}
            </p>
          )}
          {q.kind !== 'text' && q.answered > 0 && (
            <BarChart
              id={`chart-question-${q.id}`}
              title={q.label}
              labelHeading={q.kind === 'rating' ? t('participants.rating') : t('participants.choice')}
              countHeading={t('participants.count')}
              total={q.answered}
              rows={q.counts.map((c) => ({
                label: q.kind === 'rating' ? t('participants.ratingValue', { value: c.value }) : c.value,
                value: c.count,
              }))}
            />
          )}
          {q.kind === 'text' && q.texts.length > 0 && (
            <ul class="feedback-texts">
              {q.texts.map((text) => (
                <li>{text}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
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
