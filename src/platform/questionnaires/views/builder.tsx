// The builder: an owner's questions in order, each with its ways to be changed, moved, hidden and
// deleted, and the form to add or change one — kind, label, help, choices, whether it must be
// answered, a condition on an earlier question's answer, and translations. A question with answers
// says so, keeps its kind, and can only be hidden.
import { LOCALE_NAMES, LOCALES } from '../../../locales/index.ts';
import { FieldRows, rowValues } from '../../../ui/components/field-rows.tsx';
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
import type { Option } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { QuestionnaireOwner } from '../actions.ts';
import type { Question } from '../questions.ts';
import { conditionValue } from '../schemas.ts';
import { CONDITION_KINDS, MAX_HELP, MAX_LABEL, MAX_QUESTION_TRANSLATIONS } from '../vocab.ts';

/** The answers a later question may wait for: "“Your domain” is “Crafts”", one per choice. */
function conditionOptions(page: ReturnType<typeof usePage>, earlier: readonly Question[]): Option[] {
  return earlier
    .filter((q) => !q.hidden && CONDITION_KINDS.has(q.kind))
    .flatMap((q) =>
      (q.kind === 'yes_no' ? ['yes', 'no'] : q.choices).map((answer) => ({
        value: conditionValue({ question: q.id, values: [answer] }),
        label: page.t('questionnaire.conditionOption', {
          question: q.label,
          answer:
            q.kind === 'yes_no'
              ? page.t(answer === 'yes' ? 'questionnaire.yes' : 'questionnaire.no')
              : answer,
        }),
      })),
    );
}

/** The question in other languages: a row per language, one more than those filled. */
function TranslationRows({ state }: { state: FormState }) {
  const { t, locale } = usePage();
  const [langs, labels, helps, options] = ['tr_lang', 'tr_label', 'tr_help', 'tr_options'].map((k) =>
    rowValues(state, k),
  ) as string[][];
  const languages = LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }));
  return (
    <FieldRows
      name="translations"
      id="f-translations"
      legend="translations.legend"
      hint="questionnaire.translationsHint"
      hintValues={{ language: LOCALE_NAMES[locale] }}
      state={state}
      count={Math.min(MAX_QUESTION_TRANSLATIONS, Math.max(labels?.length ?? 0, langs?.length ?? 0) + 1)}
      row={(i) => {
        const row: FormState = {
          values: {
            tr_lang: langs?.[i] ?? '',
            tr_label: labels?.[i] ?? '',
            tr_help: helps?.[i] ?? '',
            tr_options: options?.[i] ?? '',
          },
        };
        const label = (key: Parameters<typeof t>[0]) => ({ text: t(key, { n: i + 1 }) });
        return (
          <div class="stack translation-row">
            <SelectField
              name="tr_lang"
              id={`f-tr-lang-${i}`}
              label={label('questionnaire.translationLanguage')}
              state={row}
              blank="translations.noLanguage"
              options={languages}
            />
            <Field
              name="tr_label"
              id={`f-tr-label-${i}`}
              label={label('questionnaire.translationLabel')}
              state={row}
              maxlength={MAX_LABEL}
            />
            <TextArea
              name="tr_help"
              id={`f-tr-help-${i}`}
              label={label('questionnaire.translationHelp')}
              state={row}
              rows={2}
              maxlength={MAX_HELP}
            />
            <TextArea
              name="tr_options"
              id={`f-tr-options-${i}`}
              label={label('questionnaire.translationOptions')}
              state={row}
              rows={3}
            />
          </div>
        );
      }}
    />
  );
}

function QuestionForm(props: {
  action: string;
  state: FormState;
  owner: QuestionnaireOwner;
  /** The questions before this one: a condition names one of them. */
  earlier: readonly Question[];
  answered: boolean;
  editing: boolean;
}) {
  const page = usePage();
  const { t } = page;
  const { state } = props;
  const kind = rowValues(state, 'kind')[0] ?? props.owner.kinds[0];
  const conditions = conditionOptions(page, props.earlier);
  return (
    <Form action={props.action} state={state} requiredNote>
      {props.answered ? (
        <p>
          <input type="hidden" name="kind" value={kind} />
          {t('questionnaire.kindLabel')}: {t(`questionnaire.kind.${kind as Question['kind']}`)}{' '}
          <span class="hint">{t('questionnaire.kindFixed')}</span>
        </p>
      ) : (
        <SelectField
          name="kind"
          label="questionnaire.kindLabel"
          state={state}
          initial={props.owner.kinds[0]}
          options={props.owner.kinds.map((k) => ({ value: k, label: t(`questionnaire.kind.${k}`) }))}
        />
      )}
      <Field name="label" label="questionnaire.label" state={state} required maxlength={MAX_LABEL} />
      <TextArea name="help" label="questionnaire.help" state={state} rows={2} maxlength={MAX_HELP} />
      <TextArea
        name="options"
        label="questionnaire.options"
        hint="questionnaire.optionsHint"
        state={state}
        rows={4}
      />
      <Checkbox name="required" label="questionnaire.required" state={state} />
      {props.editing && (
        <Checkbox name="hidden" label="questionnaire.hidden" hint="questionnaire.hiddenHint" state={state} />
      )}
      {(conditions.length > 0 || state.values?.condition) && (
        <SelectField
          name="condition"
          label="questionnaire.condition"
          hint="questionnaire.conditionHint"
          state={state}
          blank="questionnaire.conditionAlways"
          options={conditions}
        />
      )}
      <TranslationRows state={state} />
      <Submit label={props.editing ? 'form.save' : 'questionnaire.addQuestion'} />
    </Form>
  );
}

function QuestionRow(props: {
  base: string;
  question: Question;
  answered: boolean;
  first: boolean;
  last: boolean;
}) {
  const { t } = usePage();
  const { question: q } = props;
  const base = `${props.base}/${q.id}`;
  const named = <span class="visually-hidden"> — {q.label}</span>;
  return (
    <li class="card form-field-row" id={`field-${q.id}`}>
      <p class="card-title">
        {q.label}
        {q.required && <span class="required"> *</span>}
      </p>
      <p class="muted">
        {t(`questionnaire.kind.${q.kind}`)}
        {q.choices.length > 0 && ` · ${q.choices.join(' / ')}`}
        {q.condition && ` · ${t('questionnaire.conditionBadge')}`}
        {q.translations.length > 0 &&
          ` · ${q.translations.map((tr) => LOCALE_NAMES[tr.lang as 'en'] ?? tr.lang).join(', ')}`}
        {q.hidden && <span class="badge"> {t('questionnaire.hiddenBadge')}</span>}
        {props.answered && <span class="badge"> {t('questionnaire.answeredBadge')}</span>}
      </p>
      <div class="actions">
        <a class="button secondary small" href={base}>
          {t('questionnaire.edit')}
          {named}
        </a>
        {(['up', 'down'] as const).map(
          (direction) =>
            !(direction === 'up' ? props.first : props.last) && (
              <form method="post" action={`${base}/move`} class="inline-form">
                <CsrfField />
                <input type="hidden" name="direction" value={direction} />
                <button type="submit" class="button secondary small">
                  {t(direction === 'up' ? 'questionnaire.moveUp' : 'questionnaire.moveDown')}
                  {named}
                </button>
              </form>
            ),
        )}
        {!props.answered && (
          <form method="post" action={`${base}/delete`} class="inline-form">
            <CsrfField />
            <button type="submit" class="button danger small">
              {t('questionnaire.delete')}
              {named}
            </button>
          </form>
        )}
      </div>
    </li>
  );
}

/** The list of questions and the form to add one. */
export function QuestionsBuilder(props: {
  base: string;
  owner: QuestionnaireOwner;
  questions: readonly Question[];
  answered: ReadonlySet<number>;
  add: FormState;
}) {
  const { t } = usePage();
  const { questions } = props;
  return (
    <>
      <h2>{t('questionnaire.questions')}</h2>
      {questions.length === 0 ? (
        <p class="muted">{t('questionnaire.noQuestions')}</p>
      ) : (
        <ol class="plain stack">
          {questions.map((q, i) => (
            <QuestionRow
              base={props.base}
              question={q}
              answered={props.answered.has(q.id)}
              first={i === 0}
              last={i === questions.length - 1}
            />
          ))}
        </ol>
      )}
      <h2 id="add-field">{t('questionnaire.addQuestion')}</h2>
      <QuestionForm
        action={props.base}
        state={props.add}
        owner={props.owner}
        earlier={questions}
        answered={false}
        editing={false}
      />
    </>
  );
}

/** One question's form, with what answering it has fixed. */
export function QuestionEditor(props: {
  base: string;
  owner: QuestionnaireOwner;
  question: Question;
  questions: readonly Question[];
  answered: boolean;
  state: FormState;
}) {
  const { t } = usePage();
  const { question } = props;
  const at = props.questions.findIndex((q) => q.id === question.id);
  return (
    <>
      {props.answered && <p class="notice">{t('questionnaire.answeredNotice')}</p>}
      <QuestionForm
        action={`${props.base}/${question.id}`}
        state={props.state}
        owner={props.owner}
        earlier={props.questions.slice(0, Math.max(0, at))}
        answered={props.answered}
        editing
      />
    </>
  );
}
