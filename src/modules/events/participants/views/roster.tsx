// The organisers' roster: every participant with organisation, country, category, gender, role and
// days present, the links to add people, check them in, print certificates and export; and the
// form for one participant (the people the organisers enter themselves).
import { DangerZone } from '../../../../ui/components/danger-zone.tsx';
import {
  Checkbox,
  Field,
  Form,
  type FormState,
  SelectField,
  Submit,
} from '../../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../../ui/components/page-head.tsx';
import { Pagination } from '../../../../ui/components/pagination.tsx';
import { countryOptions, genderOptions, organisationKindOptions } from '../../../../ui/options.ts';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import { PARTICIPANT_ROLES } from '../../registration/vocab.ts';
import type { RosterRow } from '../access.ts';
import type { RosterPage } from '../listing.ts';
import { EventCrumbs, EventHeading } from './parts.tsx';

export function RosterView(props: {
  event: EventDetails;
  roster: RosterPage;
  counts: { participants: number; observers: number };
}) {
  const { t, fmt } = usePage();
  const { event } = props;
  const base = `/events/${event.slug}`;
  return (
    <div class="wrap">
      <EventCrumbs event={event} />
      <div class="page-head">
        <EventHeading event={event} heading={t('participants.rosterTitle')} />
        <div class="actions">
          <a class="button" href={`${base}/roster/new`}>
            {t('participants.add')}
          </a>
          <a class="button secondary" href={`${base}/checkin`}>
            {t('participants.checkin')}
          </a>
          <a class="button secondary" href={`${base}/certificates`}>
            {t('participants.allCertificates')}
          </a>
        </div>
      </div>
      <p>
        {t('participants.rosterCounts', {
          participants: props.counts.participants,
          observers: props.counts.observers,
        })}
      </p>
      <p class="hint">{t('participants.rosterPrivacy')}</p>
      <p>
        {t('participants.exportRoster')}: <a href={`${base}/roster.csv`}>CSV</a> ·{' '}
        <a href={`${base}/roster.xlsx`}>XLSX</a> · <a href={`${base}/report`}>{t('participants.report')}</a>
      </p>
      {props.roster.rows.length === 0 ? (
        <p class="notice">{t('participants.rosterEmpty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="roster">
            <caption class="visually-hidden">{t('participants.rosterTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participants.name')}</th>
                <th scope="col">{t('participants.organisation')}</th>
                <th scope="col">{t('field.country')}</th>
                <th scope="col">{t('participants.category')}</th>
                <th scope="col">{t('participants.genderLabel')}</th>
                <th scope="col">{t('participants.role')}</th>
                <th scope="col">{t('participants.daysPresent')}</th>
                <th scope="col">{t('participants.certificate')}</th>
              </tr>
            </thead>
            <tbody>
              {props.roster.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`${base}/roster/${r.id}`}>{r.name}</a>
                    {r.registration_id !== null && (
                      <span class="badge muted"> {t('participants.fromApplication')}</span>
                    )}
                  </th>
                  <td>
                    {r.organisationSlug ? (
                      <a href={`/directory/${r.organisationSlug}`}>{r.organisation_name}</a>
                    ) : (
                      r.organisation_name
                    )}
                    {r.organisation_kind && (
                      <span class="subtitle">{t(`vocab.organisationKind.${r.organisation_kind}`)}</span>
                    )}
                  </td>
                  <td>{r.country ? fmt.country(r.country) : ''}</td>
                  <td>{r.category}</td>
                  <td>{t(`vocab.gender.${r.gender ?? 'unstated'}`)}</td>
                  <td>{t(`participants.roleName.${r.role}`)}</td>
                  <td>{fmt.number(r.daysPresent)}</td>
                  <td>
                    <a href={`${base}/certificates/${r.id}`}>
                      {t('participants.certificate')}
                      <span class="visually-hidden"> — {r.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination {...props.roster} />
    </div>
  );
}

export function ParticipantFormView(props: {
  event: EventDetails;
  action: string;
  state: FormState;
  categories: { id: number; label: string }[];
  /** The row being changed, when not adding. */
  editing?: RosterRow;
}) {
  const page = usePage();
  const { t } = page;
  const { event, state } = props;
  const fromApplication = props.editing?.registration_id != null;
  return (
    <div class="wrap narrow">
      <EventCrumbs event={event} />
      <Breadcrumb trail={[{ href: `/events/${event.slug}/roster`, label: t('participants.rosterTitle') }]} />
      <h1>
        {props.editing
          ? t('participants.editTitle', { name: props.editing.name })
          : t('participants.addTitle')}
      </h1>
      {fromApplication ? (
        <p class="notice warning">{t('participants.appliedNotice')}</p>
      ) : (
        <Form action={props.action} state={state} requiredNote>
          <Field name="name" label="participants.nameOnCertificate" required maxlength={200} state={state} />
          <Field
            name="organisation"
            label="participants.directoryOrganisation"
            hint="participants.directoryOrganisationHint"
            maxlength={200}
            state={state}
          />
          <Field name="organisation_name" label="participants.organisation" maxlength={300} state={state} />
          <SelectField
            name="organisation_kind"
            label="participants.organisationKind"
            state={state}
            blank="participants.notKnown"
            options={organisationKindOptions(page)}
          />
          <SelectField
            name="country"
            label="field.country"
            state={state}
            blank="participants.notKnown"
            options={countryOptions(page)}
          />
          {props.categories.length > 0 && (
            <SelectField
              name="category_id"
              label="participants.category"
              state={state}
              blank="participants.notKnown"
              options={props.categories.map((c) => ({ value: String(c.id), label: c.label }))}
            />
          )}
          <SelectField
            name="gender"
            label="participants.genderLabel"
            hint="participants.genderHint"
            state={state}
            blank="vocab.gender.unstated"
            options={genderOptions(page)}
          />
          <SelectField
            name="role"
            label="participants.role"
            state={state}
            options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`participants.roleName.${r}`) }))}
          />
          <Checkbox name="networking_consent" label="participants.consentLabel" state={state} />
          <Field
            name="account"
            label="participants.account"
            hint="participants.accountHint"
            type="email"
            maxlength={254}
            state={state}
          />
          <Field
            name="person"
            label="participants.person"
            hint="participants.personHint"
            maxlength={200}
            state={state}
          />
          <Submit label={props.editing ? 'participants.save' : 'participants.add'} />
        </Form>
      )}
      {props.editing && !fromApplication && (
        <DangerZone
          summary={t('participants.remove')}
          action={`/events/${event.slug}/roster/${props.editing.id}/delete`}
          warning={t('participants.removeWarning', { name: props.editing.name })}
          confirm={t('participants.removeConfirm')}
        />
      )}
    </div>
  );
}
