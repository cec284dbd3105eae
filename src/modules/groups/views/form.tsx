// The form to start or edit a group: name, language, description, kind, who may see it, its country
// and organisation, and translations of the name and description.
import { Field, Form, type FormState, SelectField, Submit, TextArea } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { WrittenInField } from '../../../ui/components/record-fields.tsx';
import { TranslationRows } from '../../../ui/components/translation-rows.tsx';
import { countryOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { GroupDetails } from '../access.ts';
import { GROUP_KINDS, GROUP_VISIBILITIES } from '../vocab.ts';

export function GroupFormView(props: { action: string; state: FormState; editing?: GroupDetails }) {
  const page = usePage();
  const { t } = page;
  const { state, editing } = props;
  return (
    <div class="wrap">
      <Breadcrumb
        trail={[
          { href: '/groups', label: t('groups.title') },
          editing && { href: `/groups/${editing.slug}`, label: editing.name, lang: editing.lang },
        ]}
      />
      <h1>{editing ? t('groups.editTitle') : t('groups.addTitle')}</h1>
      <Form action={props.action} state={state} requiredNote class="stack">
        <Field name="name" label="field.name" required maxlength={200} state={state} />
        <WrittenInField label="groups.writtenIn" state={state} />
        <TextArea
          name="description"
          label="groups.description"
          hint="groups.descriptionHint"
          rows={6}
          maxlength={10000}
          state={state}
        />
        <SelectField
          name="kind"
          label="groups.kind"
          state={state}
          options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groups.kind.${k}`) }))}
        />
        <SelectField
          name="visibility"
          label="groups.visibility"
          hint="groups.visibilityHint"
          state={state}
          options={GROUP_VISIBILITIES.map((v) => ({ value: v, label: t(`groups.visibility.${v}`) }))}
        />
        <SelectField
          name="country"
          label="groups.country"
          blank="groups.noCountry"
          state={state}
          options={countryOptions(page)}
        />
        <Field
          name="organisation"
          label="groups.organisation"
          hint="groups.organisationHint"
          maxlength={300}
          state={state}
        />
        <TranslationRows
          state={state}
          hint="groups.translationsHint"
          short={{ field: 'name', label: 'groups.translationRowName', maxLength: 200 }}
          long={{ field: 'description', label: 'groups.translationRowDescription', maxLength: 10000 }}
        />
        <Submit label={editing ? 'form.save' : 'groups.add'} />
      </Form>
    </div>
  );
}
