// The form to add or edit a document. Shown again with every value kept and a message next to each
// field when something is wrong.
import { COUNTRY_CODES } from '../../platform/countries.ts';
import { type FieldErrors, type FormValues, fieldValue } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { DOMAINS, REGIONS } from '../../platform/vocabularies.ts';
import { Field, Form, type FormState, SelectField, Submit } from '../../ui/components/form.tsx';
import { TranslationRows } from '../../ui/components/translation-rows.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { DocumentDetails } from './store.ts';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, DOCUMENT_STATUSES } from './vocab.ts';

/** The values of an existing document, as the form sends them. */
export function formValuesOf(doc: DocumentDetails): FormValues {
  const text = (v: string | null) => v ?? '';
  return {
    kind: doc.kind,
    title: doc.title,
    lang: doc.lang,
    summary: doc.summary,
    official_number: text(doc.official_number),
    issuer: doc.issuer?.slug ?? '',
    issuer_name: text(doc.issuer_name),
    places: doc.places,
    languages: doc.languages,
    issued_on: text(doc.issued_on),
    in_force_from: text(doc.in_force_from),
    in_force_to: text(doc.in_force_to),
    status: text(doc.status),
    domains: doc.domains,
    themes: doc.themes.join(', '),
    tags: doc.tags.join(', '),
    licence: text(doc.licence),
    source_url: text(doc.source_url),
    supersedes: doc.supersedes.map((s) => s.slug).join('\n'),
    language_version_of: doc.languageVersionOf?.slug ?? '',
    published: doc.published_at ? '1' : '',
    tr_lang: doc.translations.map((tr) => tr.lang),
    tr_title: doc.translations.map((tr) => tr.title),
    tr_summary: doc.translations.map((tr) => tr.summary),
  };
}

const listOf = (values: FormValues, name: string) => {
  const v = values[name];
  return new Set(Array.isArray(v) ? v : v ? [v] : []);
};

function ErrorText({ id, error }: { id: string; error?: MessageKey }) {
  const { t } = usePage();
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {t(error)}
    </p>
  ) : null;
}

function Checkboxes(props: {
  name: string;
  legend: string;
  options: [string, string][];
  values: FormValues;
  errors?: FieldErrors;
}) {
  const chosen = listOf(props.values, props.name);
  const error = props.errors?.[props.name];
  return (
    <fieldset class={error ? 'field invalid' : 'field'}>
      <legend>{props.legend}</legend>
      <div class="checkbox-grid">
        {props.options.map(([value, label]) => (
          <label class="checkbox">
            <input type="checkbox" name={props.name} value={value} checked={chosen.has(value)} /> {label}
          </label>
        ))}
      </div>
      <ErrorText id={`f-${props.name}`} error={error} />
    </fieldset>
  );
}

/** A calendar date; browsers show a date picker, and without one YYYY-MM-DD is typed. */
function DateField({ name, label, state }: { name: string; label: MessageKey; state: FormState }) {
  const { t } = usePage();
  const error = state.errors?.[name];
  const id = `f-${name}`;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{t(label)}</label>
      <input
        id={id}
        name={name}
        type="date"
        value={fieldValue(state.values, name)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

function TextArea(props: {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  state: FormState;
  rows: number;
  maxlength: number;
}) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const error = props.state.errors?.[props.name];
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{t(props.label)}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {t(props.hint)}
        </p>
      )}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {fieldValue(props.state.values, props.name)}
      </textarea>
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** The issuer as a directory organisation's address name, suggested from the directory's list. */
function IssuerField({
  state,
  organisations,
}: {
  state: FormState;
  organisations: { slug: string; name: string }[];
}) {
  const { t } = usePage();
  const error = state.errors?.issuer;
  const describedBy = error ? 'f-issuer-hint f-issuer-error' : 'f-issuer-hint';
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for="f-issuer">{t('library.issuerSlug')}</label>
      <p class="hint" id="f-issuer-hint">
        {t('library.issuerHint')}
      </p>
      <input
        id="f-issuer"
        name="issuer"
        value={fieldValue(state.values, 'issuer')}
        maxlength={120}
        list="library-organisations"
        autocomplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      <datalist id="library-organisations">
        {organisations.map((o) => (
          <option value={o.slug}>{o.name}</option>
        ))}
      </datalist>
      <ErrorText id="f-issuer" error={error} />
    </div>
  );
}

export function DocumentFormView(props: {
  action: string;
  state: FormState;
  editing?: DocumentDetails;
  organisations: { slug: string; name: string }[];
}) {
  const { t, fmt, locale } = usePage();
  const { state } = props;
  const values = state.values ?? {};
  const errors = state.errors;
  const collator = new Intl.Collator(locale);
  const chosenPlaces = listOf(values, 'places');
  const countries = COUNTRY_CODES.map((c) => ({ value: c, label: fmt.country(c) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
  const langs = DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: fmt.language(l), lang: l }));
  const placesError = errors?.places;
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/library">{t('library.title')}</a>
        {props.editing && (
          <>
            {' › '}
            <a href={`/library/${props.editing.slug}`}>{props.editing.title}</a>
          </>
        )}
      </p>
      <h1>
        {props.editing ? t('library.editTitle', { title: props.editing.title }) : t('library.addTitle')}
      </h1>
      {props.editing && (
        <p>
          <a href={`/library/${props.editing.slug}/files`}>
            {t('library.filesOfRecord', { count: props.editing.files.length })}
          </a>
        </p>
      )}
      <Form action={props.action} state={state} requiredNote class="stack document-form">
        <fieldset>
          <legend>{t('library.identity')}</legend>
          <SelectField
            name="kind"
            label="library.kind"
            state={state}
            options={[
              { value: '', label: t('library.chooseKind') },
              ...DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`library.kind.${k}`) })),
            ]}
          />
          <Field name="title" label="library.titleField" required maxlength={400} state={state} />
          <SelectField name="lang" label="library.writtenIn" state={state} initial={locale} options={langs} />
          <TextArea
            name="summary"
            label="library.summary"
            hint="library.summaryHint"
            state={state}
            rows={8}
            maxlength={20000}
          />
          <Field
            name="official_number"
            label="library.officialNumber"
            hint="library.officialNumberHint"
            maxlength={100}
            state={state}
          />
          <IssuerField state={state} organisations={props.organisations} />
          <Field name="issuer_name" label="library.issuerName" maxlength={200} state={state} />
          <SelectField
            name="status"
            label="library.status"
            state={state}
            hint="library.statusHint"
            options={[
              { value: '', label: t('library.statusNone') },
              ...DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`library.status.${s}`) })),
            ]}
          />
        </fieldset>
        <fieldset>
          <legend>{t('library.dates')}</legend>
          <DateField name="issued_on" label="library.issuedOn" state={state} />
          <DateField name="in_force_from" label="library.inForceFrom" state={state} />
          <DateField name="in_force_to" label="library.inForceTo" state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('library.scope')}</legend>
          <Checkboxes
            name="places"
            legend={t('library.regions')}
            values={values}
            options={REGIONS.map((r) => [r, t(`vocab.region.${r}`)])}
          />
          <div class={placesError ? 'field invalid' : 'field'}>
            <label for="f-places">{t('library.countries')}</label>
            <p class="hint" id="f-places-hint">
              {t('library.countriesHint')}
            </p>
            <select id="f-places" name="places" multiple size={8} aria-describedby="f-places-hint">
              {countries.map((c) => (
                <option value={c.value} selected={chosenPlaces.has(c.value)}>
                  {c.label}
                </option>
              ))}
            </select>
            <ErrorText id="f-places" error={placesError} />
          </div>
          <Checkboxes
            name="languages"
            legend={t('library.languages')}
            values={values}
            errors={errors}
            options={langs.map((l) => [l.value, l.label])}
          />
          <Checkboxes
            name="domains"
            legend={t('library.domains')}
            values={values}
            errors={errors}
            options={DOMAINS.map((d) => [d, t(`vocab.domain.${d}`)])}
          />
          <Field
            name="themes"
            label="library.themes"
            hint="library.termsHint"
            maxlength={1300}
            state={state}
          />
          <Field name="tags" label="library.tags" hint="library.termsHint" maxlength={1300} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('library.sourceAndLinks')}</legend>
          <Field name="source_url" label="library.source" type="url" maxlength={500} state={state} />
          <Field name="licence" label="library.licence" maxlength={200} state={state} />
          <TextArea
            name="supersedes"
            label="library.supersedes"
            hint="library.supersedesHint"
            state={state}
            rows={3}
            maxlength={2500}
          />
          <Field
            name="language_version_of"
            label="library.languageVersionOf"
            hint="library.languageVersionOfHint"
            maxlength={120}
            state={state}
          />
        </fieldset>
        <TranslationRows
          state={state}
          languages={DOCUMENT_LANGUAGES}
          hint="library.translationsHint"
          fields={{ short: 'title', long: 'summary' }}
          labels={{ short: 'library.translationRowTitle', long: 'library.translationRowSummary' }}
          maxLength={{ short: 400, long: 20_000 }}
        />
        <div class="field checkbox">
          <input
            id="f-published"
            type="checkbox"
            name="published"
            value="1"
            checked={fieldValue(values, 'published') === '1'}
          />
          <label for="f-published">{t('library.publishedField')}</label>
        </div>
        <Submit label={props.editing ? 'form.save' : 'library.add'} />
      </Form>
    </div>
  );
}
