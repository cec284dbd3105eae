// The form to add or edit a document, from the shared inputs. Shown again with every value kept and
// a message next to each field when something is wrong.
import {
  Checkbox,
  CheckboxGroup,
  DateField,
  Field,
  Form,
  type FormState,
  MultiSelectField,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { WrittenInField } from '../../../ui/components/record-fields.tsx';
import { TranslationRows } from '../../../ui/components/translation-rows.tsx';
import { countryOptions, domainOptions, languageOptions, regionOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { DocumentDetails } from '../access.ts';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, DOCUMENT_STATUSES } from '../vocab.ts';
import { LibraryBreadcrumb } from './parts.tsx';

/** The issuer as a directory organisation's address name, suggested from the directory's list. */
function IssuerField({
  state,
  organisations,
}: {
  state: FormState;
  organisations: { slug: string; name: string }[];
}) {
  return (
    <>
      <Field
        name="issuer"
        label="library.issuerSlug"
        hint="library.issuerHint"
        maxlength={120}
        list="library-organisations"
        autocomplete="off"
        state={state}
      />
      <datalist id="library-organisations">
        {organisations.map((o) => (
          <option value={o.slug}>{o.name}</option>
        ))}
      </datalist>
    </>
  );
}

export function DocumentFormView(props: {
  action: string;
  state: FormState;
  editing?: DocumentDetails;
  organisations: { slug: string; name: string }[];
}) {
  const page = usePage();
  const { t } = page;
  const { state, editing } = props;
  const langs = languageOptions(page, DOCUMENT_LANGUAGES);
  return (
    <div class="wrap">
      <LibraryBreadcrumb record={editing && { href: `/library/${editing.slug}`, label: editing.title }} />
      <h1>{editing ? t('library.editTitle', { title: editing.title }) : t('library.addTitle')}</h1>
      {editing && (
        <p>
          <a href={`/library/${editing.slug}/files`}>
            {t('library.filesOfRecord', { count: editing.files.length })}
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
            blank="library.chooseKind"
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`library.kind.${k}`) }))}
          />
          <Field name="title" label="library.titleField" required maxlength={400} state={state} />
          <WrittenInField label="library.writtenIn" state={state} languages={DOCUMENT_LANGUAGES} />
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
            blank="library.statusNone"
            options={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`library.status.${s}`) }))}
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
          {/* Regions and countries are both `places`; the message shows once, under the countries. */}
          <CheckboxGroup
            name="places"
            id="f-regions"
            label="library.regions"
            state={{ values: state.values }}
            options={regionOptions(page)}
          />
          <MultiSelectField
            name="places"
            label="library.countries"
            hint="library.countriesHint"
            state={state}
            options={countryOptions(page)}
          />
          <CheckboxGroup name="languages" label="library.languages" state={state} options={langs} />
          <CheckboxGroup name="domains" label="library.domains" state={state} options={domainOptions(page)} />
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
          short={{ field: 'title', label: 'library.translationRowTitle', maxLength: 400 }}
          long={{ field: 'summary', label: 'library.translationRowSummary', maxLength: 20_000 }}
        />
        <Checkbox name="published" label="library.publishedField" state={state} />
        <Submit label={editing ? 'form.save' : 'library.add'} />
      </Form>
    </div>
  );
}
