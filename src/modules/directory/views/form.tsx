// The form to add or edit an organisation. Shown again with every value kept and a message next to
// each field when something is wrong.
import { CONTACT_VISIBILITIES } from '../../../platform/vocabularies.ts';
import {
  CheckboxGroup,
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { NameFields, WrittenInField } from '../../../ui/components/record-fields.tsx';
import { TranslationRows } from '../../../ui/components/translation-rows.tsx';
import {
  countryOptions,
  domainOptions,
  languageOptions,
  organisationKindOptions,
  stageOptions,
} from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { OrganisationDetails } from '../access.ts';
import { FACILITIES } from '../vocab.ts';

export function OrganisationFormView(props: {
  action: string;
  state: FormState;
  editing?: OrganisationDetails;
}) {
  const page = usePage();
  const { t } = page;
  const { state, editing } = props;
  const languages = languageOptions(page);
  const facilities = FACILITIES.map((f) => ({ value: f, label: t(`directory.facility.${f}`) }));
  return (
    <div class="wrap">
      <Breadcrumb
        trail={[
          { href: '/directory', label: t('directory.title') },
          editing && { href: `/directory/${editing.slug}`, label: editing.name },
        ]}
      />
      <h1>{editing ? t('form.editTitle', { name: editing.name }) : t('directory.addTitle')}</h1>
      <Form action={props.action} state={state} requiredNote class="stack org-form">
        <fieldset>
          <legend>{t('profile.who')}</legend>
          <SelectField
            name="kind"
            label="field.organisationKind"
            state={state}
            blank="directory.chooseKind"
            options={organisationKindOptions(page)}
          />
          <NameFields state={state} />
          <WrittenInField label="directory.writtenIn" state={state} />
          <TextArea
            name="description"
            label="directory.description"
            hint="directory.descriptionHint"
            rows={8}
            maxlength={20000}
            state={state}
          />
          <Field name="founded_year" label="directory.foundedYear" type="number" state={state} />
          <Field
            name="parent"
            label="directory.parent"
            hint="directory.parentHint"
            maxlength={120}
            state={state}
          />
        </fieldset>
        <fieldset>
          <legend>{t('directory.where')}</legend>
          <SelectField
            name="country"
            label="field.country"
            state={state}
            blank="directory.chooseCountry"
            options={countryOptions(page)}
          />
          <Field name="province" label="directory.province" maxlength={100} state={state} />
          <Field name="city" label="directory.city" maxlength={100} state={state} />
          <Field name="address" label="directory.address" maxlength={300} state={state} />
          <div class="two-columns">
            <Field
              name="latitude"
              label="directory.latitude"
              hint="directory.coordinatesHint"
              state={state}
            />
            <Field name="longitude" label="directory.longitude" state={state} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('profile.what')}</legend>
          <CheckboxGroup name="domains" label="field.domains" state={state} options={domainOptions(page)} />
          <CheckboxGroup name="stages" label="field.stages" state={state} options={stageOptions(page)} />
          <CheckboxGroup name="languages" label="directory.languages" state={state} options={languages} />
          <CheckboxGroup
            name="facilities"
            label="directory.facilitiesHub"
            state={state}
            options={facilities}
          />
          <Field name="opening_hours" label="directory.openingHours" maxlength={500} state={state} />
        </fieldset>
        <fieldset>
          <legend>{t('field.contact')}</legend>
          <Field name="website" label="directory.website" type="url" maxlength={500} state={state} />
          <Field name="email" label="field.email" type="email" maxlength={254} state={state} />
          <Field name="phone" label="field.phone" type="tel" maxlength={50} state={state} />
          <TextArea name="links" label="directory.links" hint="directory.linksHint" rows={4} state={state} />
          <SelectField
            name="contact_visibility"
            label="field.contactVisibility"
            initial="members"
            state={state}
            options={CONTACT_VISIBILITIES.map((v) => ({
              value: v,
              label: t(`directory.contactVisibility.${v}`),
            }))}
          />
        </fieldset>
        <TranslationRows
          state={state}
          hint="directory.translationsHint"
          short={{ field: 'name', label: 'directory.translationRowName', maxLength: 200 }}
          long={{ field: 'description', label: 'directory.translationRowDescription', maxLength: 20_000 }}
        />
        <Submit label={editing ? 'form.save' : 'directory.add'} />
      </Form>
    </div>
  );
}
