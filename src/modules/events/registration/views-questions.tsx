// The organiser's questions as the applicant fills them in, one component per kind, each with its
// label, help, error and (for files) the file already sent. No `required` attributes: the server
// checks (so "Save draft" always works, and every message is the hub's own, translated).
import { fieldValue } from '../../../platform/http/forms.ts';
import type { FormState } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { answerName, type FileAnswer, type FormField } from './answers.ts';
import { APPLICATION_FILE_ACCEPT, APPLICATION_FILE_MAX_BYTES } from './vocab.ts';

const asArray = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function Label({ field }: { field: FormField }) {
  return (
    <>
      {field.label}
      {field.required && <span class="required"> *</span>}
    </>
  );
}

function Help({ field, id }: { field: FormField; id: string }) {
  return field.help ? (
    <p class="hint" id={`${id}-hint`}>
      {field.help}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/** A choice question (one or several) or yes/no: a group of radio buttons or checkboxes. */
function ChoiceGroup(props: {
  field: FormField;
  state: FormState;
  options: { value: string; label: string }[];
  type: 'radio' | 'checkbox';
}) {
  const { t } = usePage();
  const { field, state } = props;
  const name = answerName(field);
  const id = `f-${name}`;
  const error = state.errors?.[name];
  const chosen = new Set(asArray(state.values?.[name]));
  const describedBy = [field.help && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <fieldset class={error ? 'field invalid' : 'field'} id={id} aria-describedby={describedBy || undefined}>
      <legend>
        <Label field={field} />
      </legend>
      <Help field={field} id={id} />
      <ErrorText id={id} error={error && t(error)} />
      {props.options.map((o, i) => (
        <label class="checkbox" for={`${id}-${i}`}>
          <input
            id={`${id}-${i}`}
            type={props.type}
            name={name}
            value={o.value}
            checked={chosen.has(o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

function FileQuestion({ field, state, file }: { field: FormField; state: FormState; file?: FileAnswer }) {
  const { t, fmt } = usePage();
  const name = answerName(field);
  const id = `f-${name}`;
  const error = state.errors?.[name];
  const describedBy = [`${id}-limits`, field.help && `${id}-hint`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>
        <Label field={field} />
      </label>
      <Help field={field} id={id} />
      <p class="hint" id={`${id}-limits`}>
        {t('registration.fileLimits', { limit: fmt.number(APPLICATION_FILE_MAX_BYTES / 1024 / 1024) })}
      </p>
      {file && (
        <p>
          {t('registration.currentFile', { name: file.name, size: fmt.number(Math.ceil(file.size / 1024)) })}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="file"
        accept={APPLICATION_FILE_ACCEPT}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      <ErrorText id={id} error={error && t(error, { limit: APPLICATION_FILE_MAX_BYTES / 1024 / 1024 })} />
    </div>
  );
}

/** One question of the form, drawn for its kind. */
export function Question({ field, state, file }: { field: FormField; state: FormState; file?: FileAnswer }) {
  const { t } = usePage();
  const name = answerName(field);
  const id = `f-${name}`;
  const error = state.errors?.[name];
  const describedBy =
    [field.help && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required ? 'true' : undefined,
  };
  const value = fieldValue(state.values, name);
  switch (field.kind) {
    case 'single_choice':
    case 'multiple_choice':
      return (
        <ChoiceGroup
          field={field}
          state={state}
          type={field.kind === 'single_choice' ? 'radio' : 'checkbox'}
          options={field.options.map((o) => ({ value: o, label: o }))}
        />
      );
    case 'yes_no':
      return (
        <ChoiceGroup
          field={field}
          state={state}
          type="radio"
          options={[
            { value: 'yes', label: t('registration.yes') },
            { value: 'no', label: t('registration.no') },
          ]}
        />
      );
    case 'file':
      return <FileQuestion field={field} state={state} file={file} />;
  }
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>
        <Label field={field} />
      </label>
      <Help field={field} id={id} />
      {field.kind === 'long_text' ? (
        <textarea {...common} rows={6} maxlength={5000}>
          {value}
        </textarea>
      ) : field.kind === 'number' ? (
        // Text with a numeric keyboard rather than type=number: "2,5" is how much of the region
        // writes a decimal, and the hub, not the browser, says what is wrong with a value.
        <input {...common} type="text" inputmode="decimal" value={value} />
      ) : field.kind === 'date' ? (
        <input {...common} type="date" value={value} />
      ) : (
        <input {...common} type="text" value={value} maxlength={500} />
      )}
      <ErrorText id={id} error={error && t(error)} />
    </div>
  );
}
