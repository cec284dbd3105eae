// A response as its readers see it (the respondent, the owner's reviewers): each question asked
// with its answer, in the reader's language; files linked for download; a question no longer
// asked is shown only when it was answered, and says it is hidden.
import { usePage } from '../../../ui/page-context.ts';
import { type Answers, type AnswerValue, askedQuestions, isFileAnswer } from '../answers.ts';
import { localised, type Question } from '../questions.ts';

function Value(props: { question: Question; value: AnswerValue; fileUrl: (questionId: number) => string }) {
  const page = usePage();
  const { t, fmt } = page;
  const { question, value } = props;
  const choice = (v: string) =>
    localised(question, page.locale).choices.find((c) => c.value === v)?.label ?? v;
  if (isFileAnswer(value))
    return (
      <a href={props.fileUrl(question.id)}>
        {value.name}
        <span class="muted">
          {' '}
          ({t('questionnaire.kilobytes', { size: fmt.number(Math.ceil(value.size / 1024)) })})
        </span>
      </a>
    );
  if (typeof value === 'boolean') return <>{t(value ? 'questionnaire.yes' : 'questionnaire.no')}</>;
  if (Array.isArray(value)) return <>{value.map(choice).join(', ')}</>;
  if (typeof value === 'number') return <>{fmt.number(value)}</>;
  return <>{question.kind === 'single_choice' ? choice(value) : value}</>;
}

export function AnswerList(props: {
  questions: readonly Question[];
  answers: Answers;
  /** Where a file answer is downloaded. */
  fileUrl: (questionId: number) => string;
}) {
  const page = usePage();
  const { t } = page;
  const { answers } = props;
  const asked = askedQuestions(props.questions, (q) => answers[String(q.id)]);
  const shown = props.questions.filter((q) => answers[String(q.id)] !== undefined || asked.has(q.id));
  if (shown.length === 0) return null;
  const none = <span class="muted">{t('questionnaire.noAnswer')}</span>;
  return (
    <dl class="facts answers">
      {shown.map((question) => {
        const value = answers[String(question.id)];
        const label = localised(question, page.locale);
        return (
          <>
            <dt>
              <span lang={label.lang}>{label.label}</span>
              {question.hidden && <span class="muted"> ({t('questionnaire.hiddenBadge')})</span>}
            </dt>
            <dd class="answer">
              {value === undefined || value === '' ? (
                none
              ) : (
                <Value question={question} value={value} fileUrl={props.fileUrl} />
              )}
            </dd>
          </>
        );
      })}
    </dl>
  );
}
