// A fieldset of repeated rows that together are one field of the schema (a record's organisations
// with their roles, its translations, an event's participant categories): the legend, the hint, the
// field's one error, and `count` rows drawn by the caller, each input described by the hint and the
// error. The form sends each column as a list; rowValues() reads one back when the form comes back.
import type { Child } from 'hono/jsx';
import type { MessageKey, MessageValues } from '../../platform/i18n.ts';
import { usePage } from '../page-context.ts';
import type { FormState } from './form.tsx';

/** The values a column of rows was sent with (none, one, or several), as a list. */
export function rowValues(state: FormState, column: string): string[] {
  const v = state.values?.[column];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function FieldRows(props: {
  /** The schema's field the rows make (its error is shown once, above the rows). */
  name: string;
  /** The fieldset's id, when it is not the field's name. */
  id?: string;
  legend: MessageKey;
  hint: MessageKey;
  hintValues?: MessageValues;
  state: FormState;
  count: number;
  /** Row `i`; `describedBy` is for the inputs' aria-describedby. */
  row: (i: number, describedBy: string) => Child;
}) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const error = props.state.errors?.[props.name];
  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`;
  return (
    <fieldset class={error ? 'field invalid' : 'field'} id={props.id ?? props.name}>
      <legend>{t(props.legend)}</legend>
      <p class="hint" id={`${id}-hint`}>
        {t(props.hint, props.hintValues)}
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
      {Array.from({ length: props.count }, (_, i) => props.row(i, describedBy))}
    </fieldset>
  );
}
