// The form of a country's status towards the 2005 Convention (admins, the country's focal points).
// Shown again with what was typed and a message by each field when something is wrong.
import {
  Checkbox,
  DateField,
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { INSTRUMENTS } from '../vocab.ts';

export function StatusFormView({ code, state }: { code: string; state: FormState }) {
  const { t, fmt } = usePage();
  const name = fmt.country(code);
  return (
    <div class="wrap">
      <Breadcrumb
        trail={[
          { href: '/countries', label: t('countries.title') },
          { href: `/countries/${code}`, label: name },
        ]}
      />
      <h1>{t('countries.statusFormTitle', { country: name })}</h1>
      <Form action={`/countries/${code}/status`} state={state}>
        <Checkbox name="party" label="countries.partyField" state={state} />
        <DateField name="party_since" label="countries.sinceField" hint="countries.sinceHint" state={state} />
        <SelectField
          name="instrument"
          label="countries.instrumentField"
          blank="countries.instrumentNone"
          options={INSTRUMENTS.map((i) => ({ value: i, label: t(`countries.instrument.${i}`) }))}
          state={state}
        />
        <Field
          name="source_url"
          type="url"
          label="countries.sourceField"
          hint="countries.sourceHint"
          maxlength={500}
          state={state}
        />
        <TextArea name="note" label="countries.noteField" maxlength={1000} rows={3} state={state} />
        <Submit label="form.save" />
      </Form>
    </div>
  );
}
