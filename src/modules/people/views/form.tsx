// The profile form, to create one's own profile, to add someone without an account (editors), or to
// edit. Shown again with every value kept and a message next to each field when something is wrong.
import type { ImageRefusal } from '../../../platform/attached-images.ts';
import { rowValues } from '../../../ui/components/field-rows.tsx';
import {
  CheckboxGroup,
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { NameFields, OrganisationRows, WrittenInField } from '../../../ui/components/record-fields.tsx';
import { TranslationRows } from '../../../ui/components/translation-rows.tsx';
import { countryOptions, domainOptions, languageOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { PersonDetails } from '../access.ts';
import { MAX_ORGANISATIONS, PERSON_LANGUAGES, type PersonStatus } from '../vocab.ts';
import { PeopleBreadcrumb } from './breadcrumb.tsx';
import { PhotoSection } from './photo.tsx';

export function PersonFormView(props: {
  action: string;
  state: FormState;
  editing?: PersonDetails;
  /** Creating: whose profile it can be ('me', 'none' or both, for editors). */
  owners?: ('me' | 'none')[];
  statuses: PersonStatus[];
  /** A refused photo upload, shown next to the photo's file field. */
  photoRefusal?: ImageRefusal;
}) {
  const page = usePage();
  const { t } = page;
  const { state } = props;
  // Languages given through the API that the form does not offer stay checked.
  const spoken = [...new Set([...PERSON_LANGUAGES, ...rowValues(state, 'languages')])];
  const owners = props.owners ?? [];
  const heading = props.editing
    ? t('form.editTitle', { name: props.editing.name })
    : owners.length === 1 && owners[0] === 'none'
      ? t('people.addSomeone')
      : t('people.createMine');
  return (
    <div class="wrap">
      <PeopleBreadcrumb
        person={
          props.editing && { href: `/directory/people/${props.editing.slug}`, label: props.editing.name }
        }
      />
      <h1>{heading}</h1>
      <Form action={props.action} state={props.state} requiredNote class="stack person-form">
        <fieldset>
          <legend>{t('profile.who')}</legend>
          {owners.length > 1 && (
            <SelectField
              name="owner"
              label="people.owner"
              state={props.state}
              options={owners.map((o) => ({ value: o, label: t(`people.owner.${o}`) }))}
            />
          )}
          {owners.length === 1 && <input type="hidden" name="owner" value={owners[0]} />}
          <NameFields state={props.state} />
          <Field
            name="title"
            label="people.jobTitle"
            hint="people.jobTitleHint"
            maxlength={200}
            state={props.state}
          />
          <WrittenInField label="people.writtenIn" state={props.state} />
          <TextArea
            name="bio"
            label="people.bio"
            hint="people.bioHint"
            rows={6}
            maxlength={10_000}
            state={props.state}
          />
          <TranslationRows
            state={props.state}
            hint="people.translationsHint"
            short={{ field: 'title', label: 'people.translationRowTitle', maxLength: 200 }}
            long={{ field: 'bio', label: 'people.translationRowBio', maxLength: 10_000 }}
          />
        </fieldset>
        <fieldset>
          <legend>{t('profile.what')}</legend>
          <SelectField
            name="country"
            label="people.country"
            state={props.state}
            blank="people.noCountry"
            options={countryOptions(page)}
          />
          <OrganisationRows
            state={props.state}
            legend="people.organisations"
            hint="people.organisationsHint"
            rowLabel="people.organisationRow"
            max={MAX_ORGANISATIONS}
            role={(i, role) => (
              <div class="field">
                <label for={`f-role-${i}`}>{t('people.roleRow', { n: i + 1 })}</label>
                <input id={`f-role-${i}`} name="org_role" value={role ?? ''} maxlength={120} />
              </div>
            )}
          />
          <CheckboxGroup
            name="domains"
            label="field.domains"
            state={props.state}
            options={domainOptions(page)}
          />
          <Field
            name="skills"
            label="people.skills"
            hint="people.skillsHint"
            maxlength={1500}
            state={props.state}
          />
          <CheckboxGroup
            name="languages"
            label="people.languages"
            state={props.state}
            options={languageOptions(page, spoken)}
          />
        </fieldset>
        <fieldset>
          <legend>{t('field.contact')}</legend>
          <TextArea
            name="links"
            label="people.links"
            hint="people.linksHint"
            rows={3}
            maxlength={5500}
            state={props.state}
          />
          <Field name="email" label="field.email" type="email" maxlength={254} state={props.state} />
          <Field name="phone" label="field.phone" type="tel" maxlength={50} state={props.state} />
          <SelectField
            name="contact_visibility"
            label="field.contactVisibility"
            initial="hidden"
            state={props.state}
            options={(['hidden', 'members', 'public'] as const).map((v) => ({
              value: v,
              label: t(`people.contactVisibility.${v}`),
            }))}
          />
        </fieldset>
        <SelectField
          name="status"
          label="people.statusLabel"
          initial="published"
          state={props.state}
          options={props.statuses.map((s) => ({ value: s, label: t(`people.statusOption.${s}`) }))}
        />
        <Submit label={props.editing ? 'form.save' : 'people.create'} />
      </Form>
      {props.editing && (
        <PhotoSection
          slug={props.editing.slug}
          name={props.editing.name}
          photo={props.editing.photo}
          refusal={props.photoRefusal}
        />
      )}
    </div>
  );
}
