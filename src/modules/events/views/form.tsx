// The event form, to create or edit: shown again with every value kept and a message next to each
// field when something is wrong.
import { fieldValue } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { ZONE_CHOICES } from '../../../platform/time.ts';
import {
  CheckboxGroup,
  DateField,
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { OrganisationRows, WrittenInField } from '../../../ui/components/record-fields.tsx';
import { TranslationRows } from '../../../ui/components/translation-rows.tsx';
import { countryOptions, domainOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import {
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  MAX_EVENT_ORGANISATIONS,
  ORGANISATION_ROLES,
} from '../vocab.ts';

/** The zones offered, with the event's own kept even when it is an old name (Asia/Saigon). */
function zoneOptions(current: string) {
  const zones = current && !ZONE_CHOICES.includes(current) ? [current, ...ZONE_CHOICES] : ZONE_CHOICES;
  return zones.map((z) => ({ value: z, label: z }));
}

export function EventFormView(props: { action: string; state: FormState; editing?: EventDetails }) {
  const page = usePage();
  const { t } = page;
  const { state } = props;
  const vocab = (kind: 'type' | 'format' | 'status', codes: readonly string[]) =>
    codes.map((x) => ({ value: x, label: t(`events.${kind}.${x}` as MessageKey) }));
  return (
    <div class="wrap narrow">
      <h1>{props.editing ? t('events.editTitle', { title: props.editing.title }) : t('events.create')}</h1>
      <Form action={props.action} state={state} requiredNote>
        <Field name="title" label="events.titleLabel" state={state} required maxlength={300} />
        <WrittenInField label="events.language" state={state} />
        <SelectField
          name="type"
          label="events.typeLabel"
          state={state}
          options={vocab('type', EVENT_TYPES)}
        />
        <SelectField
          name="format"
          label="events.formatLabel"
          state={state}
          options={vocab('format', EVENT_FORMATS)}
        />
        <SelectField
          name="status"
          label="events.statusLabel"
          state={state}
          hint="events.statusHint"
          options={vocab('status', EVENT_STATUSES)}
        />
        <div class="two-columns">
          <DateField name="starts_on" label="events.startsOn" state={state} />
          <DateField name="ends_on" label="events.endsOn" state={state} />
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
          options={zoneOptions(fieldValue(state.values, 'time_zone'))}
        />
        <Field name="venue" label="events.venue" hint="events.venueHint" state={state} maxlength={300} />
        <Field name="venue_name" label="events.venueName" state={state} maxlength={300} />
        <Field name="address" label="events.address" state={state} maxlength={500} />
        <Field name="city" label="events.city" state={state} maxlength={120} />
        <SelectField
          name="country"
          label="field.country"
          state={state}
          blank="events.noCountry"
          options={countryOptions(page)}
        />
        <Field name="online_url" label="events.onlineUrl" type="url" state={state} maxlength={500} />
        <OrganisationRows
          state={state}
          legend="events.organisations"
          hint="events.organisationsHint"
          rowLabel="events.organisationRow"
          max={MAX_EVENT_ORGANISATIONS}
          role={(i, role) => (
            <div class="field">
              <label for={`f-org-role-${i}`}>{t('events.organisationRoleRow', { n: i + 1 })}</label>
              <select id={`f-org-role-${i}`} name="org_role">
                {ORGANISATION_ROLES.map((r) => (
                  <option value={r} selected={(role ?? 'organiser') === r}>
                    {t(`events.orgRole.${r}`, { count: 1 })}
                  </option>
                ))}
              </select>
            </div>
          )}
        />
        <CheckboxGroup name="domains" label="field.domain" state={state} options={domainOptions(page)} />
        <TextArea
          name="description"
          label="events.description"
          hint="events.descriptionHint"
          state={state}
          rows={10}
          maxlength={20000}
        />
        <TranslationRows
          state={state}
          hint="events.translationsHint"
          short={{ field: 'title', label: 'events.translationTitleRow', maxLength: 300 }}
          long={{ field: 'description', label: 'events.translationDescriptionRow', maxLength: 20000 }}
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
