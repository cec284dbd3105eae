// Form building blocks. Every form goes through <Form>, which adds the CSRF token; every field shows
// its label, hint and error the same way, linked for screen readers.
import type { Child } from 'hono/jsx';
import { type FieldErrors, type FormValues, fieldValue } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { usePage } from '../page-context.ts';

export function CsrfField() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken} />;
}

export interface FormState {
  values?: FormValues;
  errors?: FieldErrors;
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
          {formError ? t(formError) : t('form.fixErrors', { count })}
        </div>
      )}
      {props.children}
    </form>
  );
}

interface FieldProps {
  name: string;
  /** Needed when two forms on one page have a field of the same name. */
  id?: string;
  label: MessageKey;
  state?: FormState;
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'tel' | 'number';
  hint?: MessageKey;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  minlength?: number;
  /** Value when the form is shown for the first time. */
  initial?: string;
}

export function Field(props: FieldProps) {
  const { t } = usePage();
  const id = props.id ?? `f-${props.name}`;
  const error = props.state?.errors?.[props.name];
  const value =
    props.type === 'password'
      ? undefined
      : props.state?.values && props.name in props.state.values
        ? fieldValue(props.state.values, props.name)
        : props.initial;
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>
        {t(props.label)}
        {props.required && <span class="required"> *</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {t(props.hint)}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={value}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        minlength={props.minlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: MessageKey;
  options: { value: string; label: string; lang?: string }[];
  state?: FormState;
  initial?: string;
  hint?: MessageKey;
  required?: boolean;
}) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const error = props.state?.errors?.[props.name];
  const current =
    props.state?.values && props.name in props.state.values
      ? fieldValue(props.state.values, props.name)
      : props.initial;
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>
        {t(props.label)}
        {props.required && <span class="required"> *</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {t(props.hint)}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </div>
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
