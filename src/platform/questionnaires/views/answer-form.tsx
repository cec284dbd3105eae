// The questions of a questionnaire as a respondent fills them in, each drawn for its kind with the
// shared inputs (ui/components/form.tsx), in the reader's language where the owner translated it.
// Required questions are marked but not checked by the browser: the server checks (so "Save draft"
// always works, every message is the hub's own, and a question hidden by its condition never
// blocks the form). A question with a condition says when it is asked; questionnaire.js hides it
// while its condition is not met, and the page works without it.
import { assetUrl } from '../../../ui/assets.ts';
import {
  CheckboxGroup,
  DateField,
  Field,
  FileField,
  type FormState,
  RadioGroup,
  TextArea,
} from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type AnswerNaming, answerName, type FileAnswer } from '../answers.ts';
import { localised, type Question } from '../questions.ts';
import { ANSWER_FILE_ACCEPT, ANSWER_FILE_MAX_BYTES, RATING_MAX, RATING_MIN } from '../vocab.ts';

const LIMIT_MB = ANSWER_FILE_MAX_BYTES / 1024 / 1024;

/** "Answer this only if you answered “Crafts” to “Your domain”." */
function conditionNote(question: Question, byId: Map<number, Question>, page: ReturnType<typeof usePage>) {
  const source = question.condition && byId.get(question.condition.question);
  if (!source || !question.condition) return '';
  const shown = localised(source, page.locale);
  const answers = question.condition.values.map((v) =>
    source.kind === 'yes_no'
      ? page.t(v === 'yes' ? 'questionnaire.yes' : 'questionnaire.no')
      : (shown.choices.find((c) => c.value === v)?.label ?? v),
  );
  return page.t('questionnaire.askedIf', { question: shown.label, answer: answers.join(' / ') });
}

function QuestionInput(props: {
  question: Question;
  note: string;
  state: FormState;
  file?: FileAnswer;
  naming: AnswerNaming;
}) {
  const page = usePage();
  const { t, fmt } = page;
  const { question: q, state } = props;
  const shown = localised(q, page.locale);
  const name = answerName(q, props.naming);
  const hintOf = (...parts: string[]) => {
    const text = parts.filter(Boolean).join(' ');
    return text ? { text } : undefined;
  };
  const common = {
    name,
    label: { text: shown.label, lang: shown.lang },
    hint: hintOf(shown.help, props.note),
    state,
    required: q.required ? ('mark' as const) : undefined,
  };
  switch (q.kind) {
    case 'text':
      return <Field {...common} maxlength={500} />;
    case 'long_text':
      return <TextArea {...common} rows={6} maxlength={5000} />;
    // Text with a numeric keyboard rather than type=number: "2,5" is how much of the region writes
    // a decimal, and the hub, not the browser, says what is wrong with a value.
    case 'number':
      return <Field {...common} inputmode="decimal" />;
    case 'date':
      return <DateField {...common} />;
    case 'single_choice':
      return <RadioGroup {...common} options={shown.choices} />;
    case 'multiple_choice':
      return <CheckboxGroup {...common} options={shown.choices} />;
    case 'yes_no':
      return (
        <RadioGroup
          {...common}
          options={[
            { value: 'yes', label: t('questionnaire.yes') },
            { value: 'no', label: t('questionnaire.no') },
          ]}
        />
      );
    case 'rating':
      return (
        <RadioGroup
          {...common}
          hint={hintOf(shown.help, t('questionnaire.ratingHint'), props.note)}
          options={Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => ({
            value: String(RATING_MIN + i),
            label: t('questionnaire.ratingValue', { value: fmt.number(RATING_MIN + i) }),
          }))}
        />
      );
    case 'file':
      return (
        <FileField
          {...common}
          hint={hintOf(
            shown.help,
            props.note,
            t('questionnaire.fileLimits', { limit: fmt.number(LIMIT_MB) }),
            props.file
              ? t('questionnaire.currentFile', {
                  name: props.file.name,
                  size: fmt.number(Math.ceil(props.file.size / 1024)),
                })
              : '',
          )}
          accept={ANSWER_FILE_ACCEPT}
          state={{ ...state, errorValues: { ...state.errorValues, [name]: { limit: LIMIT_MB } } }}
        />
      );
  }
}

/** The questions asked (hidden ones are not), in order; files already sent are named. */
export function QuestionFields(props: {
  questions: readonly Question[];
  state: FormState;
  files?: ReadonlyMap<number, FileAnswer>;
  naming?: AnswerNaming;
}) {
  const page = usePage();
  const naming = props.naming ?? {};
  const byId = new Map(props.questions.map((q) => [q.id, q]));
  const asked = props.questions.filter((q) => !q.hidden);
  const conditional = asked.some((q) => q.condition);
  return (
    <>
      {asked.map((q) => {
        const source = q.condition && byId.get(q.condition.question);
        return (
          <div
            class="question"
            data-show-if={source ? answerName(source, naming) : undefined}
            data-show-values={source ? JSON.stringify(q.condition?.values) : undefined}
          >
            <QuestionInput
              question={q}
              note={conditionNote(q, byId, page)}
              state={props.state}
              file={props.files?.get(q.id)}
              naming={naming}
            />
          </div>
        );
      })}
      {conditional && <script type="module" src={assetUrl('questionnaire.js')} nonce={page.nonce} />}
    </>
  );
}
