// Form building blocks. Every form goes through <Form>, which adds the CSRF token; every input shows
// its label, hint and error the same way, linked for screen readers (aria-describedby,
// aria-invalid), and shows again what was typed when the form comes back with a message. Inputs:
// Field (one line of text, email, url…), TextArea, SelectField, MultiSelectField, Checkbox,
// CheckboxGroup, RadioGroup, DateField, FileField. A label or hint is a UI string's key, or a text
// of the page's own (LabelText: a question an organiser wrote). The filters of a list are in filters.tsx.
import type { Child } from 'hono/jsx';
import { type FieldErrors, type FormValues, fieldValue } from '../../platform/http/forms.ts';
import type { MessageKey, MessageValues } from '../../platform/i18n.ts';
import type { Option } from '../options.ts';
import { usePage } from '../page-context.ts';

export function CsrfField() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken} />;
}

export interface FormState {
  values?: FormValues;
  errors?: FieldErrors;
  /** Values for the placeholders of an error message, by field (a file's size limit). */
  errorValues?: Record<string, MessageValues>;
}

export function Form(props: {
  action: string;
  method?: 'post' | 'get';
  children: Child;
  class?: string;
  state?: FormState;
  id?: string;
  /** Say what the * next to a label means (forms with required fields). */
  requiredNote?: boolean;
  /** multipart/form-data for forms with a file field. */
  enctype?: 'multipart/form-data';
}) {
  const { t } = usePage();
  const errors = props.state?.errors ?? {};
  const formError = errors._form;
  const count = Object.keys(errors).length;
  return (
    <form
      method={props.method ?? 'post'}
      action={props.action}
      class={props.class ?? 'stack'}
      id={props.id}
      enctype={props.enctype}
    >
      {(props.method ?? 'post') === 'post' && <CsrfField />}
      {props.requiredNote && <p class="hint">{t('form.requiredNote')}</p>}
      {count > 0 && (
        <div class="notice error" role="alert">
          {formError ? t(formError, props.state?.errorValues?._form) : t('form.fixErrors', { count })}
        </div>
      )}
      {props.children}
    </form>
  );
}

/**
 * A label or hint: a UI string's key, or a text of the page's own (a question its owner wrote), in
 * `lang` when that is not the page's language.
 */
export type LabelText = MessageKey | { text: string; lang?: string };

/** What every input takes: its name, label, hint, the form's state and whether it is required. */
interface InputProps {
  name: string;
  /** Needed when two forms on one page have a field of the same name. */
  id?: string;
  label: LabelText;
  hint?: LabelText;
  /** Values for the hint's placeholders. */
  hintValues?: MessageValues;
  state?: FormState;
  /** Marked with * and checked by the browser; 'mark': marked only (the server checks). */
  required?: boolean | 'mark';
}

/** A label's or hint's text on the page. */
function Said({ text, values }: { text: LabelText; values?: MessageValues }) {
  const { t } = usePage();
  if (typeof text === 'string') return <>{t(text, values)}</>;
  return text.lang ? <span lang={text.lang}>{text.text}</span> : <>{text.text}</>;
}

/** The id, error and aria wiring of an input, computed once for every kind. */
function wiring(props: InputProps) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.state?.errors?.[props.name];
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return {
    id,
    error,
    aria: {
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': describedBy || undefined,
    },
  };
}

/** The value to show: what was sent (when the form comes back), else the initial value. */
function shownValue(
  props: { name: string; state?: FormState },
  initial: string | undefined,
): string | undefined {
  const values = props.state?.values;
  return values && props.name in values ? fieldValue(values, props.name) : initial;
}

/** The values chosen in a field of several (what was sent, else the initial ones). */
function chosenValues(props: { name: string; state?: FormState; initial?: readonly string[] }): Set<string> {
  const sent = props.state?.values;
  const raw = sent && props.name in sent ? sent[props.name] : props.initial;
  return new Set(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
}

/** The legend of a fieldset that is one field (check boxes, radio buttons), marked when required. */
function Legend(props: { label: LabelText; required?: boolean | 'mark' }) {
  return (
    <legend>
      <Said text={props.label} />
      {props.required && <span class="required"> *</span>}
    </legend>
  );
}

function Hint({ id, hint, values }: { id: string; hint?: LabelText; values?: MessageValues }) {
  return hint ? (
    <p class="hint" id={`${id}-hint`}>
      <Said text={hint} values={values} />
    </p>
  ) : null;
}

function ErrorText({ id, error, values }: { id: string; error?: MessageKey; values?: MessageValues }) {
  const { t } = usePage();
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {t(error, values)}
    </p>
  ) : null;
}

/** Label, hint, the input and its error, in the layout every field has. */
function Shell(props: InputProps & { id: string; error?: MessageKey; children: Child }) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>
        <Said text={props.label} />
        {props.required && <span class="required"> *</span>}
      </label>
      <Hint id={props.id} hint={props.hint} values={props.hintValues} />
      {props.children}
      <ErrorText id={props.id} error={props.error} values={props.state?.errorValues?.[props.name]} />
    </div>
  );
}

/** The attributes of a one-line input; what a kind does not take stays undefined and is left out. */
interface LineAttributes {
  type: string;
  value?: string;
  accept?: string;
  min?: string;
  max?: string;
  autocomplete?: string;
  maxlength?: number;
  minlength?: number;
  list?: string;
  inputmode?: 'decimal' | 'numeric' | 'email' | 'tel' | 'url';
}

/** An <input> in its shell: what Field, DateField and FileField draw, in one attribute order. */
function LineInput(props: InputProps & { attributes: LineAttributes }) {
  const { id, error, aria } = wiring(props);
  const a = props.attributes;
  return (
    <Shell {...props} id={id} error={error}>
      <input
        id={id}
        name={props.name}
        type={a.type}
        value={a.value}
        accept={a.accept}
        min={a.min}
        max={a.max}
        required={props.required === true}
        autocomplete={a.autocomplete}
        maxlength={a.maxlength}
        minlength={a.minlength}
        list={a.list}
        inputmode={a.inputmode}
        {...aria}
      />
    </Shell>
  );
}

/** One line of text (or an email, a web address, a number…). */
export function Field(
  props: InputProps & {
    type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'tel' | 'number';
    autocomplete?: string;
    maxlength?: number;
    minlength?: number;
    /** Suggestions from a <datalist> with this id. */
    list?: string;
    /** The keyboard a phone shows ("decimal" for a number typed as text, "2,5" included). */
    inputmode?: LineAttributes['inputmode'];
    /** Value when the form is shown for the first time. */
    initial?: string;
  },
) {
  const { type = 'text', autocomplete, maxlength, minlength, list, inputmode } = props;
  const value = type === 'password' ? undefined : shownValue(props, props.initial);
  return (
    <LineInput {...props} attributes={{ type, value, autocomplete, maxlength, minlength, list, inputmode }} />
  );
}

/** Several lines of text (Markdown where the page renders it). */
export function TextArea(props: InputProps & { rows?: number; maxlength?: number; initial?: string }) {
  const { id, error, aria } = wiring(props);
  return (
    <Shell {...props} id={id} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxlength}
        required={props.required === true}
        {...aria}
      >
        {shownValue(props, props.initial) ?? ''}
      </textarea>
    </Shell>
  );
}

/**
 * A calendar date (or a date and time, or a time of day): browsers show a picker; without one,
 * YYYY-MM-DD (or HH:MM) is typed.
 */
export function DateField(
  props: InputProps & {
    type?: 'date' | 'datetime-local' | 'time';
    min?: string;
    max?: string;
    initial?: string;
  },
) {
  const { type = 'date', min, max } = props;
  return <LineInput {...props} attributes={{ type, value: shownValue(props, props.initial), min, max }} />;
}

/** One of several values; `blank` labels an empty first choice ("Choose a country", "None"). */
export function SelectField(props: InputProps & { options: Option[]; blank?: MessageKey; initial?: string }) {
  const { t } = usePage();
  const { id, error, aria } = wiring(props);
  const current = shownValue(props, props.initial);
  const options = props.blank ? [{ value: '', label: t(props.blank) }, ...props.options] : props.options;
  return (
    <Shell {...props} id={id} error={error}>
      <select id={id} name={props.name} required={props.required === true} {...aria}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === current} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A check box sending "1" when ticked (fields.checkbox() reads it). */
export function Checkbox(props: Omit<InputProps, 'required'> & { initial?: boolean }) {
  const { id, error, aria } = wiring(props);
  const sent = props.state?.values;
  const checked = sent && props.name in sent ? fieldValue(sent, props.name) === '1' : !!props.initial;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label class="checkbox" for={id}>
        <input id={id} type="checkbox" name={props.name} value="1" checked={checked} {...aria} />{' '}
        <Said text={props.label} />
      </label>
      <Hint id={id} hint={props.hint} values={props.hintValues} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

/**
 * Several check boxes of one name in a fieldset (domains, languages…); each sends its value.
 * `required` only marks the legend: a browser cannot require one box of a group.
 */
export function CheckboxGroup(
  props: Omit<InputProps, 'required'> & {
    options: Option[];
    initial?: readonly string[];
    required?: 'mark';
  },
) {
  const { id, error } = wiring(props);
  const chosen = chosenValues(props);
  return (
    <fieldset class={error ? 'field invalid' : 'field'} id={id}>
      <Legend {...props} />
      <Hint id={id} hint={props.hint} values={props.hintValues} />
      <div class="checkbox-grid">
        {props.options.map((o) => (
          <label class="checkbox">
            <input type="checkbox" name={props.name} value={o.value} checked={chosen.has(o.value)} />{' '}
            <span lang={o.lang}>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText id={id} error={error} />
    </fieldset>
  );
}

/** One of several values as radio buttons in a fieldset (a choice, yes or no, a rating). */
export function RadioGroup(props: InputProps & { options: Option[]; initial?: string }) {
  const { id, error, aria } = wiring(props);
  const current = shownValue(props, props.initial);
  return (
    <fieldset class={error ? 'field invalid' : 'field'} id={id} aria-describedby={aria['aria-describedby']}>
      <Legend {...props} />
      <Hint id={id} hint={props.hint} values={props.hintValues} />
      {props.options.map((o, i) => (
        <label class="checkbox" for={`${id}-${i}`}>
          <input
            id={`${id}-${i}`}
            type="radio"
            name={props.name}
            value={o.value}
            checked={o.value === current}
            required={props.required === true}
          />{' '}
          <span lang={o.lang}>{o.label}</span>
        </label>
      ))}
      <ErrorText id={id} error={error} values={props.state?.errorValues?.[props.name]} />
    </fieldset>
  );
}

/**
 * A file to upload (the form needs enctype multipart/form-data). A browser cannot keep a chosen
 * file when the form comes back with a message, so the hint asks for it again.
 */
export function FileField(props: InputProps & { accept?: string }) {
  return <LineInput {...props} attributes={{ type: 'file', accept: props.accept }} />;
}

/** A select of several values (Ctrl or ⌘ to choose more) for long lists, such as countries. */
export function MultiSelectField(
  props: Omit<InputProps, 'required'> & { options: Option[]; initial?: readonly string[]; size?: number },
) {
  const { id, error, aria } = wiring(props);
  const chosen = chosenValues(props);
  return (
    <Shell {...props} id={id} error={error}>
      <select id={id} name={props.name} multiple size={props.size ?? 8} {...aria}>
        {props.options.map((o) => (
          <option value={o.value} selected={chosen.has(o.value)} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function Submit({ label, variant }: { label: MessageKey; variant?: 'danger' | 'secondary' }) {
  const { t } = usePage();
  return (
    <button type="submit" class={variant ? `button ${variant}` : 'button'}>
      {t(label)}
    </button>
  );
}
