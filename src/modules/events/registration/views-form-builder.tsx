// The organisers' application form: their questions in order, with forms to add, change, move,
// hide and delete them. A question with answers says so, keeps its kind, and can only be hidden.
import type { FormValues } from '../../../platform/http/forms.ts';
import { CsrfField, Field, Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import type { FormField } from './answers.ts';
import { AreaField, CheckboxField } from './views-parts.tsx';
import { SetupNav } from './views-setup.tsx';
import { FORM_FIELD_KINDS } from './vocab.ts';

export function fieldFormValues(field: FormField): FormValues {
  return {
    kind: field.kind,
    label: field.label,
    help: field.help,
    required: field.required ? '1' : '',
    hidden: field.hidden ? '1' : '',
    options: field.options.join('\n'),
  };
}

function FieldForm(props: { action: string; state: FormState; answered: boolean; editing: boolean }) {
  const { t } = usePage();
  const kind = props.state.values?.kind;
  return (
    <Form action={props.action} state={props.state} requiredNote>
      {props.answered ? (
        <p>
          <input type="hidden" name="kind" value={typeof kind === 'string' ? kind : ''} />
          {t('registration.fieldKind')}: {t(`registration.kind.${(kind as FormField['kind']) ?? 'text'}`)}{' '}
          <span class="hint">{t('registration.kindFixed')}</span>
        </p>
      ) : (
        <SelectField
          name="kind"
          label="registration.fieldKind"
          state={props.state}
          options={FORM_FIELD_KINDS.map((k) => ({ value: k, label: t(`registration.kind.${k}`) }))}
        />
      )}
      <Field name="label" label="registration.fieldLabel" state={props.state} required maxlength={300} />
      <AreaField name="help" label="registration.fieldHelp" state={props.state} rows={2} maxlength={1000} />
      <AreaField
        name="options"
        label="registration.fieldOptions"
        hint="registration.fieldOptionsHint"
        state={props.state}
        rows={4}
      />
      <CheckboxField name="required" label="registration.fieldRequired" state={props.state} />
      {props.editing && (
        <CheckboxField
          name="hidden"
          label="registration.fieldHidden"
          hint="registration.fieldHiddenHint"
          state={props.state}
        />
      )}
      <Submit label={props.editing ? 'events.save' : 'registration.addField'} />
    </Form>
  );
}

function FieldRow(props: {
  event: EventDetails;
  field: FormField;
  answered: boolean;
  first: boolean;
  last: boolean;
}) {
  const { t } = usePage();
  const { field, event } = props;
  const base = `/events/${event.slug}/registration/form/${field.id}`;
  return (
    <li class="card form-field-row" id={`field-${field.id}`}>
      <p class="card-title">
        {field.label}
        {field.required && <span class="required"> *</span>}
      </p>
      <p class="muted">
        {t(`registration.kind.${field.kind}`)}
        {field.options.length > 0 && ` · ${field.options.join(' / ')}`}
        {field.hidden && <span class="badge"> {t('registration.hiddenBadge')}</span>}
        {props.answered && <span class="badge"> {t('registration.answeredBadge')}</span>}
      </p>
      <div class="actions">
        <a class="button secondary small" href={base}>
          {t('registration.editField')}
          <span class="visually-hidden"> — {field.label}</span>
        </a>
        {(['up', 'down'] as const).map(
          (direction) =>
            !(direction === 'up' ? props.first : props.last) && (
              <form method="post" action={`${base}/move`} class="inline-form">
                <CsrfField />
                <input type="hidden" name="direction" value={direction} />
                <button type="submit" class="button secondary small">
                  {t(direction === 'up' ? 'registration.moveUp' : 'registration.moveDown')}
                  <span class="visually-hidden"> — {field.label}</span>
                </button>
              </form>
            ),
        )}
        {!props.answered && (
          <form method="post" action={`${base}/delete`} class="inline-form">
            <CsrfField />
            <button type="submit" class="button danger small">
              {t('registration.deleteField')}
              <span class="visually-hidden"> — {field.label}</span>
            </button>
          </form>
        )}
      </div>
    </li>
  );
}

export function FormBuilderView(props: {
  event: EventDetails;
  fields: FormField[];
  answered: ReadonlySet<number>;
  add: FormState;
}) {
  const { t } = usePage();
  const { event, fields } = props;
  return (
    <div class="wrap narrow">
      <p class="breadcrumb no-print">
        <a href={`/events/${event.slug}`}>{event.title}</a>
      </p>
      <h1>{t('registration.formTitle')}</h1>
      <SetupNav event={event} current="form" />
      <p>{t('registration.formIntro')}</p>
      <h2>{t('registration.questions')}</h2>
      {fields.length === 0 ? (
        <p class="muted">{t('registration.noQuestions')}</p>
      ) : (
        <ol class="plain stack">
          {fields.map((field, i) => (
            <FieldRow
              event={event}
              field={field}
              answered={props.answered.has(field.id)}
              first={i === 0}
              last={i === fields.length - 1}
            />
          ))}
        </ol>
      )}
      <h2 id="add-field">{t('registration.addField')}</h2>
      <FieldForm
        action={`/events/${event.slug}/registration/form`}
        state={props.add}
        answered={false}
        editing={false}
      />
    </div>
  );
}

export function FieldEditView(props: {
  event: EventDetails;
  field: FormField;
  state: FormState;
  answered: boolean;
}) {
  const { t } = usePage();
  const { event, field } = props;
  return (
    <div class="wrap narrow">
      <p class="breadcrumb no-print">
        <a href={`/events/${event.slug}/registration/form`}>{t('registration.formTitle')}</a>
      </p>
      <h1>{t('registration.editFieldTitle', { label: field.label })}</h1>
      {props.answered && <p class="notice">{t('registration.answeredNotice')}</p>}
      <FieldForm
        action={`/events/${event.slug}/registration/form/${field.id}`}
        state={props.state}
        answered={props.answered}
        editing
      />
    </div>
  );
}
