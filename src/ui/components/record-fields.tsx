// Fields many records' forms ask the same way: the language the record is written in (the reader's
// own chosen first), and a name with its spelling in Latin letters (organisations, people).
import type { MessageKey } from '../../platform/i18n.ts';
import { languageOptions } from '../options.ts';
import { usePage } from '../page-context.ts';
import { Field, type FormState, SelectField } from './form.tsx';

/** "Written in": the record's language (`lang`), among the content languages unless told. */
export function WrittenInField(props: {
  label: MessageKey;
  state: FormState;
  languages?: readonly string[];
}) {
  const page = usePage();
  return (
    <SelectField
      name="lang"
      label={props.label}
      state={props.state}
      initial={page.locale}
      options={languageOptions(page, props.languages)}
    />
  );
}

/** The name as written (required) and in Latin letters, for a name in another script. */
export function NameFields({ state }: { state: FormState }) {
  return (
    <>
      <Field name="name" label="field.name" required maxlength={200} state={state} />
      <Field
        name="name_translit"
        label="field.nameTranslit"
        hint="field.nameTranslitHint"
        maxlength={200}
        state={state}
      />
    </>
  );
}
