// The form to add or edit an organisation. Shown again with every value kept and a message next to
// each field when something is wrong.

import { COUNTRY_CODES } from '../../platform/countries.ts';
import type { FieldErrors, FormValues } from '../../platform/http/forms.ts';
import { fieldValue } from '../../platform/http/forms.ts';
import {
  CONTACT_VISIBILITIES,
  CONTENT_LANGUAGES,
  DOMAINS,
  ORGANISATION_KINDS,
  VALUE_CHAIN_STAGES,
} from '../../platform/vocabularies.ts';
import { Field, Form, type FormState, SelectField, Submit } from '../../ui/components/form.tsx';
import { TranslationRows } from '../../ui/components/translation-rows.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { OrganisationDetails } from './store.ts';
import { FACILITIES } from './vocab.ts';

/** The values of an existing organisation, as the form sends them. */
export function formValuesOf(org: OrganisationDetails): FormValues {
  const text = (v: string | number | null) => (v === null ? '' : String(v));
  return {
    kind: org.kind,
    name: org.name,
    name_translit: text(org.name_translit),
    lang: org.lang,
    description: org.description,
    country: org.country,
    province: text(org.province),
    city: text(org.city),
    address: text(org.address),
    latitude: text(org.latitude),
    longitude: text(org.longitude),
    website: text(org.website),
    email: text(org.email),
    phone: text(org.phone),
    contact_visibility: org.contact_visibility,
    founded_year: text(org.founded_year),
    parent: org.parent?.slug ?? '',
    opening_hours: text(org.opening_hours),
    domains: org.domains,
    stages: org.stages,
    languages: org.languages,
    facilities: org.facilities,
    links: org.linkList.map((l) => (l.label ? `${l.label} ${l.url}` : l.url)).join('\n'),
    tr_lang: org.translations.map((tr) => tr.lang),
    tr_name: org.translations.map((tr) => tr.name),
    tr_description: org.translations.map((tr) => tr.description),
  };
}

function LinksField({ state }: { state: FormState }) {
  const { t } = usePage();
  const error = state.errors?.links;
  const describedBy = error ? 'f-links-hint f-links-error' : 'f-links-hint';
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for="f-links">{t('directory.links')}</label>
      <p class="hint" id="f-links-hint">
        {t('directory.linksHint')}
      </p>
      {error && (
        <p class="field-error" id="f-links-error">
          {t(error)}
        </p>
      )}
      <textarea id="f-links" name="links" rows={4} aria-describedby={describedBy} aria-invalid={!!error}>
        {fieldValue(state.values ?? {}, 'links')}
      </textarea>
    </div>
  );
}

function Checkboxes(props: {
  name: string;
  legend: string;
  options: [string, string][];
  values: FormValues;
  errors?: FieldErrors;
}) {
  const { t } = usePage();
  const chosen = new Set(
    Array.isArray(props.values[props.name])
      ? (props.values[props.name] as string[])
      : [fieldValue(props.values, props.name)],
  );
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
      {error && <p class="field-error">{t(error)}</p>}
    </fieldset>
  );
}

export function OrganisationFormView(props: {
  action: string;
  state: FormState;
  editing?: OrganisationDetails;
}) {
  const { t, fmt, locale } = usePage();
  const values = props.state.values ?? {};
  const errors = props.state.errors;
  const collator = new Intl.Collator(locale);
  const countries = COUNTRY_CODES.map((c) => ({ value: c, label: fmt.country(c) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
  const langs = CONTENT_LANGUAGES.map((l) => ({ value: l, label: fmt.language(l), lang: l }));
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/directory">{t('directory.title')}</a>
        {props.editing && (
          <>
            {' › '}
            <a href={`/directory/${props.editing.slug}`}>{props.editing.name}</a>
          </>
        )}
      </p>
      <h1>{props.editing ? t('form.editTitle', { name: props.editing.name }) : t('directory.addTitle')}</h1>
      <Form action={props.action} state={props.state} requiredNote class="stack org-form">
        <fieldset>
          <legend>{t('profile.who')}</legend>
          <SelectField
            name="kind"
            label="field.organisationKind"
            state={props.state}
            options={[
              { value: '', label: t('directory.chooseKind') },
              ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`vocab.organisationKind.${k}`) })),
            ]}
          />
          <Field name="name" label="field.name" required maxlength={200} state={props.state} />
          <Field
            name="name_translit"
            label="field.nameTranslit"
            hint="field.nameTranslitHint"
            maxlength={200}
            state={props.state}
          />
          <SelectField
            name="lang"
            label="directory.writtenIn"
            state={props.state}
            initial={locale === 'zh-Hans' ? 'zh-Hans' : locale}
            options={langs}
          />
          <div class="field">
            <label for="f-description">{t('directory.description')}</label>
            <p class="hint" id="f-description-hint">
              {t('directory.descriptionHint')}
            </p>
            <textarea
              id="f-description"
              name="description"
              rows={8}
              maxlength={20000}
              aria-describedby="f-description-hint"
            >
              {fieldValue(values, 'description')}
            </textarea>
          </div>
          <Field name="founded_year" label="directory.foundedYear" type="number" state={props.state} />
          <Field
            name="parent"
            label="directory.parent"
            hint="directory.parentHint"
            maxlength={120}
            state={props.state}
          />
        </fieldset>
        <fieldset>
          <legend>{t('directory.where')}</legend>
          <SelectField
            name="country"
            label="field.country"
            state={props.state}
            options={[{ value: '', label: t('directory.chooseCountry') }, ...countries]}
          />
          <Field name="province" label="directory.province" maxlength={100} state={props.state} />
          <Field name="city" label="directory.city" maxlength={100} state={props.state} />
          <Field name="address" label="directory.address" maxlength={300} state={props.state} />
          <div class="two-columns">
            <Field
              name="latitude"
              label="directory.latitude"
              hint="directory.coordinatesHint"
              state={props.state}
            />
            <Field name="longitude" label="directory.longitude" state={props.state} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('profile.what')}</legend>
          <Checkboxes
            name="domains"
            legend={t('field.domains')}
            values={values}
            errors={errors}
            options={DOMAINS.map((d) => [d, t(`vocab.domain.${d}`)])}
          />
          <Checkboxes
            name="stages"
            legend={t('field.stages')}
            values={values}
            errors={errors}
            options={VALUE_CHAIN_STAGES.map((s) => [s, t(`vocab.stage.${s}`)])}
          />
          <Checkboxes
            name="languages"
            legend={t('directory.languages')}
            values={values}
            errors={errors}
            options={langs.map((l) => [l.value, l.label])}
          />
          <Checkboxes
            name="facilities"
            legend={t('directory.facilitiesHub')}
            values={values}
            errors={errors}
            options={FACILITIES.map((f) => [f, t(`directory.facility.${f}`)])}
          />
          <Field name="opening_hours" label="directory.openingHours" maxlength={500} state={props.state} />
        </fieldset>
        <fieldset>
          <legend>{t('field.contact')}</legend>
          <Field name="website" label="directory.website" type="url" maxlength={500} state={props.state} />
          <Field name="email" label="field.email" type="email" maxlength={254} state={props.state} />
          <Field name="phone" label="field.phone" type="tel" maxlength={50} state={props.state} />
          <LinksField state={props.state} />
          <SelectField
            name="contact_visibility"
            label="field.contactVisibility"
            initial="members"
            state={props.state}
            options={CONTACT_VISIBILITIES.map((v) => ({
              value: v,
              label: t(`directory.contactVisibility.${v}`),
            }))}
          />
        </fieldset>
        <TranslationRows
          state={props.state}
          languages={CONTENT_LANGUAGES}
          hint="directory.translationsHint"
          fields={{ short: 'name', long: 'description' }}
          labels={{ short: 'directory.translationRowName', long: 'directory.translationRowDescription' }}
          maxLength={{ short: 200, long: 20_000 }}
        />
        <Submit label={props.editing ? 'form.save' : 'directory.add'} />
      </Form>
    </div>
  );
}
