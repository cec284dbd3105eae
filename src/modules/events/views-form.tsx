// The event form, to create or edit: shown again with every value kept and a message next to each
// field when something is wrong.
import { COUNTRY_CODES } from '../../platform/countries.ts';
import { type FormValues, fieldValue } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { ZONE_CHOICES } from '../../platform/time.ts';
import { CONTENT_LANGUAGES, DOMAINS } from '../../platform/vocabularies.ts';
import { Field, Form, type FormState, SelectField, Submit } from '../../ui/components/form.tsx';
import { TranslationRows } from '../../ui/components/translation-rows.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { EventDetails } from './access.ts';
import {
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  MAX_EVENT_ORGANISATIONS,
  ORGANISATION_ROLES,
} from './vocab.ts';

const asArray = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The values of an existing event, as the form sends them. */
export function formValuesOf(event: EventDetails): FormValues {
  const text = (v: string | null) => v ?? '';
  return {
    title: event.title,
    lang: event.lang,
    type: event.type,
    format: event.format,
    status: event.status,
    description: event.description,
    starts_on: event.starts_on,
    ends_on: event.ends_on,
    start_time: text(event.start_time),
    end_time: text(event.end_time),
    time_zone: event.time_zone,
    venue: event.venue?.slug ?? '',
    venue_name: text(event.venue_name),
    address: text(event.address),
    city: text(event.city),
    country: text(event.country),
    online_url: text(event.online_url),
    org_slug: event.organisations.map((o) => o.slug),
    org_role: event.organisations.map((o) => o.role),
    domains: event.domains,
    tr_lang: event.translations.map((tr) => tr.lang),
    tr_title: event.translations.map((tr) => tr.title),
    tr_description: event.translations.map((tr) => tr.description),
  };
}

function DateField(props: {
  name: string;
  label: MessageKey;
  state: FormState;
  type: 'date' | 'time';
  hint?: MessageKey;
}) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const error = props.state.errors?.[props.name];
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{t(props.label)}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {t(props.hint)}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type}
        value={fieldValue(props.state.values, props.name)}
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

function OrganisationRows({ state }: { state: FormState }) {
  const { t } = usePage();
  const slugs = asArray(state.values?.org_slug);
  const roles = asArray(state.values?.org_role);
  const rows = Math.min(MAX_EVENT_ORGANISATIONS, Math.max(3, slugs.length + 1));
  const error = state.errors?.organisations;
  return (
    <fieldset class={error ? 'field invalid' : 'field'} id="organisations">
      <legend>{t('events.organisations')}</legend>
      <p class="hint" id="f-organisations-hint">
        {t('events.organisationsHint')}
      </p>
      {error && (
        <p class="field-error" id="f-organisations-error">
          {t(error)}
        </p>
      )}
      {Array.from({ length: rows }, (_, i) => (
        <div class="two-columns">
          <div class="field">
            <label for={`f-org-${i}`}>{t('events.organisationRow', { n: i + 1 })}</label>
            <input
              id={`f-org-${i}`}
              name="org_slug"
              value={slugs[i] ?? ''}
              maxlength={300}
              aria-describedby={error ? 'f-organisations-hint f-organisations-error' : 'f-organisations-hint'}
            />
          </div>
          <div class="field">
            <label for={`f-org-role-${i}`}>{t('events.organisationRoleRow', { n: i + 1 })}</label>
            <select id={`f-org-role-${i}`} name="org_role">
              {ORGANISATION_ROLES.map((r) => (
                <option value={r} selected={(roles[i] ?? 'organiser') === r}>
                  {t(`events.orgRole.${r}`, { count: 1 })}
                </option>
              ))}
            </select>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** The zones offered, with the event's own kept even when it is an old name (Asia/Saigon). */
function zoneOptions(current: string) {
  const zones = current && !ZONE_CHOICES.includes(current) ? [current, ...ZONE_CHOICES] : ZONE_CHOICES;
  return zones.map((z) => ({ value: z, label: z }));
}

export function EventFormView(props: { action: string; state: FormState; editing?: EventDetails }) {
  const { t, fmt, locale } = usePage();
  const { state } = props;
  const values = state.values ?? {};
  const collator = new Intl.Collator(locale);
  const countries = COUNTRY_CODES.map((c) => ({ value: c, label: fmt.country(c) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
  const chosenDomains = new Set(asArray(values.domains));
  const descriptionError = state.errors?.description;
  return (
    <div class="wrap narrow">
      <h1>{props.editing ? t('events.editTitle', { title: props.editing.title }) : t('events.create')}</h1>
      <Form action={props.action} state={state} requiredNote>
        <Field name="title" label="events.titleLabel" state={state} required maxlength={300} />
        <SelectField
          name="lang"
          label="events.language"
          state={state}
          initial={locale}
          options={CONTENT_LANGUAGES.map((l) => ({ value: l, label: fmt.language(l), lang: l }))}
        />
        <SelectField
          name="type"
          label="events.typeLabel"
          state={state}
          options={EVENT_TYPES.map((x) => ({ value: x, label: t(`events.type.${x}`) }))}
        />
        <SelectField
          name="format"
          label="events.formatLabel"
          state={state}
          options={EVENT_FORMATS.map((x) => ({ value: x, label: t(`events.format.${x}`) }))}
        />
        <SelectField
          name="status"
          label="events.statusLabel"
          state={state}
          hint="events.statusHint"
          options={EVENT_STATUSES.map((x) => ({ value: x, label: t(`events.status.${x}`) }))}
        />
        <div class="two-columns">
          <DateField name="starts_on" label="events.startsOn" state={state} type="date" />
          <DateField name="ends_on" label="events.endsOn" state={state} type="date" />
        </div>
        <div class="two-columns">
          <DateField
            name="start_time"
            label="events.startTime"
            state={state}
            type="time"
            hint="events.timesHint"
          />
          <DateField name="end_time" label="events.endTime" state={state} type="time" />
        </div>
        <SelectField
          name="time_zone"
          label="events.timeZone"
          state={state}
          hint="events.timeZoneHint"
          options={zoneOptions(fieldValue(values, 'time_zone'))}
        />
        <Field name="venue" label="events.venue" hint="events.venueHint" state={state} maxlength={300} />
        <Field name="venue_name" label="events.venueName" state={state} maxlength={300} />
        <Field name="address" label="events.address" state={state} maxlength={500} />
        <Field name="city" label="events.city" state={state} maxlength={120} />
        <SelectField
          name="country"
          label="field.country"
          state={state}
          options={[{ value: '', label: t('events.noCountry') }, ...countries]}
        />
        <Field name="online_url" label="events.onlineUrl" type="url" state={state} maxlength={500} />
        <OrganisationRows state={state} />
        <fieldset class="field">
          <legend>{t('field.domain')}</legend>
          <div class="checkbox-grid">
            {DOMAINS.map((d) => (
              <label class="checkbox">
                <input type="checkbox" name="domains" value={d} checked={chosenDomains.has(d)} />{' '}
                {t(`vocab.domain.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div class={descriptionError ? 'field invalid' : 'field'}>
          <label for="f-description">{t('events.description')}</label>
          <p class="hint" id="f-description-hint">
            {t('events.descriptionHint')}
          </p>
          <textarea
            id="f-description"
            name="description"
            rows={10}
            maxlength={20000}
            aria-describedby={
              descriptionError ? 'f-description-hint f-description-error' : 'f-description-hint'
            }
          >
            {fieldValue(values, 'description')}
          </textarea>
          {descriptionError && (
            <p class="field-error" id="f-description-error">
              {t(descriptionError)}
            </p>
          )}
        </div>
        <TranslationRows
          state={state}
          languages={CONTENT_LANGUAGES}
          hint="events.translationsHint"
          fields={{ short: 'title', long: 'description' }}
          labels={{ short: 'events.translationTitleRow', long: 'events.translationDescriptionRow' }}
          maxLength={{ short: 300, long: 20000 }}
        />
        <Submit label={props.editing ? 'events.save' : 'events.create'} />
      </Form>
      {props.editing && (
        <p>
          <a href={`/events/${props.editing.slug}`}>{t('events.backToEvent')}</a>
        </p>
      )}
    </div>
  );
}
