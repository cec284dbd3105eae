// An application as its applicant sees it (status, what they sent, withdrawing), the list of one's
// own applications, and the answers block the reviewers' page shows too.
import { AnswerList, type Question } from '../../../../platform/questionnaires/index.ts';
import { DangerZone } from '../../../../ui/components/danger-zone.tsx';
import { Breadcrumb } from '../../../../ui/components/page-head.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import { dateRange } from '../../format.ts';
import type { Application, OwnApplication } from '../applications.ts';
import { StatusBadge } from './parts.tsx';

/** The application's standard fields and its answers, files linked for download. */
export function AnswersView(props: { event: EventDetails; application: Application; questions: Question[] }) {
  const { t, fmt } = usePage();
  const { application: a, event } = props;
  const none = <span class="muted">{t('registration.noAnswer')}</span>;
  return (
    <>
      <dl class="facts">
        <dt>{t('registration.name')}</dt>
        <dd>{a.name || none}</dd>
        <dt>{t('registration.organisationName')}</dt>
        <dd>
          {a.organisation ? (
            <a href={`/directory/${a.organisation.slug}`}>{a.organisation.name}</a>
          ) : (
            a.organisation_name || none
          )}
          {a.organisation_kind && (
            <span class="muted"> · {t(`vocab.organisationKind.${a.organisation_kind}`)}</span>
          )}
        </dd>
        <dt>{t('registration.country')}</dt>
        <dd>{a.country ? fmt.country(a.country) : none}</dd>
        {a.categoryLabel && (
          <>
            <dt>{t('registration.category')}</dt>
            <dd>{a.categoryLabel}</dd>
          </>
        )}
        <dt>{t('registration.gender')}</dt>
        <dd>{a.gender ? t(`vocab.gender.${a.gender}`) : t('registration.notStated')}</dd>
        <dt>{t('registration.networking')}</dt>
        <dd>{t(a.networking_consent ? 'registration.yes' : 'registration.no')}</dd>
      </dl>
      <AnswerList
        questions={props.questions}
        answers={a.answers}
        fileUrl={(questionId) => `/events/${event.slug}/applications/${a.id}/files/${questionId}`}
      />
    </>
  );
}

export function ApplicationView(props: {
  event: EventDetails;
  application: Application;
  questions: Question[];
  mayWithdraw: boolean;
  editable: boolean;
}) {
  const { t, fmt } = usePage();
  const { event, application: a } = props;
  return (
    <div class="wrap narrow">
      <p class="breadcrumb no-print">
        <a href={`/events/${event.slug}`}>{event.title}</a> ·{' '}
        <a href="/account/applications">{t('registration.myApplications')}</a>
      </p>
      <h1>{t('registration.yourApplication', { title: event.title })}</h1>
      <p>
        <StatusBadge status={a.status} />{' '}
        {a.submitted_at && (
          <span class="muted">{t('registration.submittedOn', { when: fmt.dateTime(a.submitted_at) })}</span>
        )}
      </p>
      <p>{t(`registration.statusExplained.${a.status}`)}</p>
      {props.editable && (
        <p>
          <a class="button" href={`/events/${event.slug}/apply`}>
            {t(a.status === 'draft' ? 'registration.continueDraft' : 'registration.applyAgain')}
          </a>
        </p>
      )}
      <AnswersView event={event} application={a} questions={props.questions} />
      {props.mayWithdraw && (
        <DangerZone
          noPrint
          summary={t('registration.withdraw')}
          action={`/events/${event.slug}/application/withdraw`}
          warning={t('registration.withdrawWarning')}
          confirm={t('registration.withdrawConfirm')}
        />
      )}
    </div>
  );
}

export function MyApplicationsView({ applications }: { applications: OwnApplication[] }) {
  const { t, locale } = usePage();
  return (
    <div class="wrap">
      <Breadcrumb noPrint trail={[{ href: '/account', label: t('layout.myAccount') }]} />
      <h1>{t('registration.myApplications')}</h1>
      {applications.length === 0 ? (
        <p>
          {t('registration.noApplications')} <a href="/events">{t('events.title')}</a>
        </p>
      ) : (
        <ul class="plain stack cards">
          {applications.map((a) => (
            <li class="card">
              <p class="card-title">
                <a href={`/events/${a.event.slug}/application`}>{a.event.title}</a>
              </p>
              <p class="muted">{dateRange(locale, a.event.starts_on, a.event.ends_on)}</p>
              <p>
                <StatusBadge status={a.status} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
