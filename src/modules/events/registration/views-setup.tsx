// The organisers' registration settings: how people get in, how many, until when, what the
// selection looks for, the participant categories and (invitation only) who is invited.
import type { FormValues } from '../../../platform/http/forms.ts';
import { fieldValue } from '../../../platform/http/forms.ts';
import { utcToLocal } from '../../../platform/time.ts';
import { Field, Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import type { RegistrationSettings } from './settings-store.ts';
import { AreaField, CheckboxField } from './views-parts.tsx';
import { MAX_CATEGORIES, REGISTRATION_MODES } from './vocab.ts';

const asArray = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The stored settings as the form sends them (the deadline back in the event's zone). */
export function settingsFormValues(
  event: EventDetails,
  settings: RegistrationSettings | undefined,
  invitations: string[],
): FormValues {
  if (!settings) return { mode: 'application', waiting_list: '1' };
  const deadline = settings.deadline ? utcToLocal(new Date(settings.deadline), event.time_zone) : null;
  return {
    mode: settings.mode,
    capacity: settings.capacity === null ? '' : String(settings.capacity),
    waiting_list: settings.waiting_list ? '1' : '',
    deadline: deadline ? `${deadline.date}T${deadline.time}` : '',
    criteria: settings.criteria,
    cat_id: settings.categories.map((c) => String(c.id)),
    cat_label: settings.categories.map((c) => c.label),
    invitations: invitations.join('\n'),
  };
}

function CategoryRows({ state }: { state: FormState }) {
  const { t } = usePage();
  const ids = asArray(state.values?.cat_id);
  const labels = asArray(state.values?.cat_label);
  const rows = Math.min(MAX_CATEGORIES, Math.max(3, labels.length + 2));
  const error = state.errors?.categories;
  return (
    <fieldset class={error ? 'field invalid' : 'field'} id="f-categories">
      <legend>{t('registration.categories')}</legend>
      <p class="hint" id="f-categories-hint">
        {t('registration.categoriesHint')}
      </p>
      {error && (
        <p class="field-error" id="f-categories-error">
          {t(error)}
        </p>
      )}
      {Array.from({ length: rows }, (_, i) => (
        <div class="field">
          <label for={`f-cat-${i}`}>{t('registration.categoryRow', { n: i + 1 })}</label>
          <input type="hidden" name="cat_id" value={ids[i] ?? ''} />
          <input
            id={`f-cat-${i}`}
            name="cat_label"
            value={labels[i] ?? ''}
            maxlength={200}
            aria-describedby={error ? 'f-categories-hint f-categories-error' : 'f-categories-hint'}
          />
        </div>
      ))}
    </fieldset>
  );
}

function DeadlineField({ state, zone }: { state: FormState; zone: string }) {
  const { t } = usePage();
  const error = state.errors?.deadline;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for="f-deadline">{t('registration.deadline')}</label>
      <p class="hint" id="f-deadline-hint">
        {t('registration.deadlineHint', { zone })}
      </p>
      <input
        id="f-deadline"
        name="deadline"
        type="datetime-local"
        value={fieldValue(state.values, 'deadline')}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'f-deadline-hint f-deadline-error' : 'f-deadline-hint'}
      />
      {error && (
        <p class="field-error" id="f-deadline-error">
          {t(error)}
        </p>
      )}
    </div>
  );
}

/** Links between the organisers' pages of one event's registration. */
export function SetupNav({
  event,
  current,
}: {
  event: EventDetails;
  current: 'settings' | 'form' | 'rubric' | 'review';
}) {
  const { t } = usePage();
  const links = [
    ['settings', `/events/${event.slug}/registration`, t('registration.settingsTitleShort')],
    ['form', `/events/${event.slug}/registration/form`, t('registration.formTitleShort')],
    ['rubric', `/events/${event.slug}/registration/rubric`, t('registration.rubricTitleShort')],
    ['review', `/events/${event.slug}/applications`, t('registration.applicationsTitleShort')],
  ] as const;
  // Plain links in a line: on a phone four buttons would take the first screen.
  return (
    <nav class="no-print setup-nav" aria-label={t('registration.setupNav')}>
      <p>
        {links.map(([key, href, label], i) => (
          <>
            {i > 0 && ' · '}
            {key === current ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>}
          </>
        ))}
      </p>
    </nav>
  );
}

export function SettingsView(props: { event: EventDetails; state: FormState; accepted: number }) {
  const { t, fmt } = usePage();
  const { event, state } = props;
  return (
    <div class="wrap narrow">
      <p class="breadcrumb no-print">
        <a href={`/events/${event.slug}`}>{event.title}</a>
      </p>
      <h1>{t('registration.settingsTitle')}</h1>
      <SetupNav event={event} current="settings" />
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
        <CheckboxField
          name="waiting_list"
          label="registration.waitingList"
          hint="registration.waitingListHint"
          state={state}
        />
        <DeadlineField state={state} zone={event.time_zone} />
        <AreaField
          name="criteria"
          label="registration.criteria"
          hint="registration.criteriaHint"
          state={state}
          rows={5}
          maxlength={5000}
        />
        <CategoryRows state={state} />
        <AreaField
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
