// Networking: the people of an event who agreed to be seen by the others, with their public profile
// of the directory where they have one, or their name and organisation. Only the event's
// participants and organisers reach this page; gender is never shown here.
import { CsrfField } from '../../../../ui/components/form.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import type { RosterRow } from '../access.ts';
import { EventCrumbs, EventHeading } from './parts.tsx';

export function NetworkingView(props: {
  event: EventDetails;
  people: RosterRow[];
  /** The reader's own row, when they are on the roster. */
  me: RosterRow | undefined;
  hidden: number;
}) {
  const { t, fmt } = usePage();
  const { event, me } = props;
  return (
    <div class="wrap">
      <EventCrumbs event={event} />
      <EventHeading event={event} heading={t('participants.networkingTitle')} />
      <p class="hint">{t('participants.networkingIntro')}</p>
      {me && (
        <form method="post" action={`/events/${event.slug}/participants/consent`} class="stack">
          <CsrfField />
          <p>{me.networking_consent ? t('participants.youAreShown') : t('participants.youAreHidden')}</p>
          <input type="hidden" name="consent" value={me.networking_consent ? '0' : '1'} />
          <button type="submit" class="button secondary">
            {me.networking_consent ? t('participants.hideMe') : t('participants.showMe')}
          </button>
        </form>
      )}
      {props.people.length === 0 ? (
        <p class="notice">{t('participants.nobodyShown')}</p>
      ) : (
        <ul class="cards grid networking">
          {props.people.map((p) => (
            <li class="card">
              <p class="card-title">
                {p.personSlug ? <a href={`/directory/people/${p.personSlug}`}>{p.name}</a> : p.name}
              </p>
              {p.organisation_name && (
                <p>
                  {p.organisationSlug ? (
                    <a href={`/directory/${p.organisationSlug}`}>{p.organisation_name}</a>
                  ) : (
                    p.organisation_name
                  )}
                </p>
              )}
              <p class="muted">
                {[
                  p.country ? fmt.country(p.country) : null,
                  p.role === 'observer' ? t('participants.roleName.observer') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {/* Connecting is the network module's page, reached by its address. */}
              {p.user_id && p.user_id !== me?.user_id && (
                <p>
                  <a href={`/network/members/${p.user_id}/connect`}>{t('participants.connect')}</a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.hidden > 0 && <p class="hint">{t('participants.othersHidden', { count: props.hidden })}</p>}
    </div>
  );
}
