// The organisers' registration settings: how people get in, how many, until when, what the
// selection looks for, the participant categories and (invitation only) who is invited.

import { FieldRows, rowValues } from '../../../../ui/components/field-rows.tsx';
import {
  Checkbox,
  DateField,
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
  TextArea,
} from '../../../../ui/components/form.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import { MAX_CATEGORIES, REGISTRATION_MODES } from '../vocab.ts';
import { RegistrationHead } from './parts.tsx';

/** One row per category (and a few empty ones): an existing category keeps its id when renamed. */
function CategoryRows({ state }: { state: FormState }) {
  const { t } = usePage();
  const ids = rowValues(state, 'cat_id');
  const labels = rowValues(state, 'cat_label');
  return (
    <FieldRows
      name="categories"
      id="f-categories"
      legend="registration.categories"
      hint="registration.categoriesHint"
      state={state}
      count={Math.min(MAX_CATEGORIES, Math.max(3, labels.length + 2))}
      row={(i) => (
        <>
          <input type="hidden" name="cat_id" value={ids[i] ?? ''} />
          <Field
            name="cat_label"
            id={`f-cat-${i}`}
            label={{ text: t('registration.categoryRow', { n: i + 1 }) }}
            state={{ values: { cat_label: labels[i] ?? '' } }}
            maxlength={200}
          />
        </>
      )}
    />
  );
}

export function SettingsView(props: { event: EventDetails; state: FormState; accepted: number }) {
  const { t, fmt } = usePage();
  const { event, state } = props;
  return (
    <div class="wrap narrow">
      <RegistrationHead event={event} title={t('registration.settingsTitle')} setup="settings" />
      {event.status !== 'registration_open' && (
        <p class="notice warning">
          {t('registration.statusNotOpen', { status: t(`events.status.${event.status}`) })}{' '}
          <a href={`/events/${event.slug}/edit`}>{t('events.edit')}</a>
        </p>
      )}
      <Form action={`/events/${event.slug}/registration`} state={state} requiredNote>
        <SelectField
          name="mode"
          label="registration.mode"
          hint="registration.modeHint"
          state={state}
          options={REGISTRATION_MODES.map((m) => ({ value: m, label: t(`events.mode.${m}`) }))}
        />
        <Field
          name="capacity"
          type="number"
          label="registration.capacity"
          hint="registration.capacityHint"
          state={state}
        />
        {props.accepted > 0 && (
          <p class="hint">{t('registration.acceptedSoFar', { count: fmt.number(props.accepted) })}</p>
        )}
        <Checkbox
          name="waiting_list"
          label="registration.waitingList"
          hint="registration.waitingListHint"
          state={state}
        />
        <DateField
          name="deadline"
          type="datetime-local"
          label="registration.deadline"
          hint="registration.deadlineHint"
          hintValues={{ zone: event.time_zone }}
          state={state}
        />
        <TextArea
          name="criteria"
          label="registration.criteria"
          hint="registration.criteriaHint"
          state={state}
          rows={5}
          maxlength={5000}
        />
        <CategoryRows state={state} />
        <TextArea
          name="invitations"
          label="registration.invitations"
          hint="registration.invitationsHint"
          state={state}
          rows={5}
        />
        <Submit label="events.save" />
      </Form>
    </div>
  );
}
