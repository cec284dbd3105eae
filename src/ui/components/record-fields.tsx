// Fields many records' forms ask the same way: the language the record is written in (the reader's
// own chosen first), a name with its spelling in Latin letters (organisations, people), and the
// organisations a record names with their roles (people, events).
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../platform/i18n.ts';
import { languageOptions } from '../options.ts';
import { usePage } from '../page-context.ts';
import { FieldRows, rowValues } from './field-rows.tsx';
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

/**
 * Rows of an organisation (its address in the directory, `org_slug`) and its role (`org_role`):
 * one more empty row than filled ones, at least three, at most `max`. What a role is belongs to
 * the module (a line of text, a choice), so `role` draws that cell of row `i`.
 */
export function OrganisationRows(props: {
  state: FormState;
  legend: MessageKey;
  hint: MessageKey;
  /** The label of a row's organisation, with its number as {n}. */
  rowLabel: MessageKey;
  max: number;
  role: (i: number, value: string | undefined) => Child;
}) {
  const { t } = usePage();
  const slugs = rowValues(props.state, 'org_slug');
  const roles = rowValues(props.state, 'org_role');
  const filled = Math.max(slugs.length, roles.length);
  return (
    <FieldRows
      name="organisations"
      legend={props.legend}
      hint={props.hint}
      state={props.state}
      count={Math.min(props.max, Math.max(3, filled + 1))}
      row={(i, describedBy) => (
        <div class="two-columns">
          <div class="field">
            <label for={`f-org-${i}`}>{t(props.rowLabel, { n: i + 1 })}</label>
            <input
              id={`f-org-${i}`}
              name="org_slug"
              value={slugs[i] ?? ''}
              maxlength={300}
              aria-describedby={describedBy}
            />
          </div>
          {props.role(i, roles[i])}
        </div>
      )}
    />
  );
}
