// The registration block of the event page: how to take part and until when, the reader's own
// application and its status, and the organisers' and reviewers' ways in. The event page's route
// loads it with registrationBlock() and the page shows it with <RegistrationBlock>.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { EventDetails } from '../access.ts';
import { acceptedCount, getSettings, isInvited, type RegistrationSettings } from './access.ts';
import { applicationOf, waitingCount } from './applications.ts';
import { type ApplyRefusal, applyRefusal, canManage, canReview, closesAt } from './permissions.ts';
import { isReviewer } from './reviews.ts';
import { inEventZone, StatusBadge } from './views/parts.tsx';
import type { RegistrationStatus } from './vocab.ts';

export interface RegistrationBlockData {
  /** Null: the event takes no registrations (the block shows only the organisers' link). */
  settings: RegistrationSettings | null;
  closesAt: string | null;
  accepted: number;
  mine: { status: RegistrationStatus } | null;
  refusal: ApplyRefusal | null;
  mayManage: boolean;
  mayReview: boolean;
  /** Applications waiting for a decision, for the reviewers' link. */
  waiting: number;
}

export async function registrationBlock(
  db: Kysely<Database>,
  event: EventDetails,
  user: User | null,
  organiser: boolean,
): Promise<RegistrationBlockData | null> {
  const mayManage = canManage(user, organiser);
  const settings = (await getSettings(db, event.id)) ?? null;
  if (!settings && !mayManage) return null;
  const [accepted, mine, invited, reviewer, waiting] = await Promise.all([
    settings ? acceptedCount(db, event.id) : 0,
    user ? applicationOf(db, event.id, user.id) : undefined,
    user ? isInvited(db, event.id, user) : false,
    isReviewer(db, user, event.id),
    waitingCount(db, event.id),
  ]);
  return {
    settings,
    closesAt: settings ? closesAt(event, settings).toISOString() : null,
    accepted,
    mine: mine ? { status: mine.status } : null,
    refusal: settings ? applyRefusal(event, settings, { now: new Date(), invited }) : 'noRegistration',
    mayManage,
    mayReview: canReview(user, organiser, reviewer),
    waiting,
  };
}

function Availability({ data, event }: { data: RegistrationBlockData; event: EventDetails }) {
  const { t, fmt, locale, user } = usePage();
  const { settings } = data;
  if (!settings || !data.closesAt) return null;
  const closes = inEventZone(locale, data.closesAt, event.time_zone);
  if (data.refusal === 'notOpen') return <p>{t('registration.block.notOpen')}</p>;
  if (data.refusal === 'deadlinePassed') return <p>{t('registration.block.closed', { when: closes })}</p>;
  const full = settings.capacity !== null && data.accepted >= settings.capacity;
  const open = settings.mode !== 'application';
  return (
    <>
      <p>
        {t(`registration.block.open.${settings.mode}`, { when: closes })}
        {settings.capacity !== null &&
          open &&
          ` ${full ? t(settings.waiting_list ? 'registration.block.fullWaiting' : 'registration.block.full') : t('registration.block.placesLeft', { count: settings.capacity - data.accepted, places: fmt.number(settings.capacity - data.accepted) })}`}
      </p>
      {data.refusal === 'notInvited' && user ? (
        <p class="muted">{t('registration.block.notInvited')}</p>
      ) : (
        !(full && open && !settings.waiting_list) && (
          <p>
            <a class="button" href={`/events/${event.slug}/apply`}>
              {t(open ? 'registration.register' : 'registration.apply')}
            </a>
          </p>
        )
      )}
    </>
  );
}

export function RegistrationBlock({ data, event }: { data: RegistrationBlockData; event: EventDetails }) {
  const { t, fmt } = usePage();
  const base = `/events/${event.slug}`;
  return (
    <section class="registration-block card no-print" aria-labelledby="registration-title">
      <h2 id="registration-title">
        {t(data.settings?.mode === 'application' ? 'registration.applications' : 'registration.title')}
      </h2>
      {data.mine && data.mine.status !== 'withdrawn' ? (
        <p>
          {t('registration.block.yours')} <StatusBadge status={data.mine.status} />{' '}
          <a href={`${base}/application`}>
            {t(data.mine.status === 'draft' ? 'registration.continueDraft' : 'registration.seeApplication')}
          </a>
        </p>
      ) : (
        <Availability data={data} event={event} />
      )}
      {(data.mayManage || data.mayReview) && (
        <p class="actions">
          {data.mayManage && (
            <>
              <a class="button secondary small" href={`${base}/registration`}>
                {t(data.settings ? 'registration.settingsTitleShort' : 'registration.setUp')}
              </a>
              {data.settings && (
                <a class="button secondary small" href={`${base}/registration/form`}>
                  {t('registration.formTitleShort')}
                </a>
              )}
            </>
          )}
          {data.mayReview && data.settings && (
            <a class="button secondary small" href={`${base}/applications`}>
              {t('registration.reviewLink', { count: data.waiting, waiting: fmt.number(data.waiting) })}
            </a>
          )}
        </p>
      )}
    </section>
  );
}
