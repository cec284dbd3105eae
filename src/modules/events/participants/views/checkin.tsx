// Check-in, one day at a time: the event's days as links, and for the chosen day a form with a
// checkbox per participant (no script: the boxes are sent as they are ticked). A page of the roster
// at a time; only the rows shown are changed when it is saved.
import { Form, type FormState } from '../../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../../ui/components/page-head.tsx';
import { Pagination } from '../../../../ui/components/pagination.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import { fullDate } from '../../format.ts';
import type { RosterPage } from '../listing.ts';
import { EventCrumbs } from './parts.tsx';

export function CheckinView(props: {
  event: EventDetails;
  days: string[];
  day: string;
  roster: RosterPage;
  present: Set<number>;
  state?: FormState;
}) {
  const { t, locale, fmt } = usePage();
  const { event, day } = props;
  const base = `/events/${event.slug}`;
  const ticked = props.state?.values
    ? new Set([props.state.values.present ?? []].flat().map(Number))
    : props.present;
  return (
    <div class="wrap">
      <EventCrumbs event={event} />
      <Breadcrumb trail={[{ href: `${base}/roster`, label: t('participants.rosterTitle') }]} />
      <h1>{t('participants.checkinTitle')}</h1>
      <nav aria-label={t('participants.checkinDays')}>
        <ul class="plain checkin-days">
          {props.days.map((d) => (
            <li>
              <a href={`${base}/checkin?day=${d}`} aria-current={d === day ? 'page' : undefined}>
                {fullDate(locale, d)}
              </a>
              {d === day && ` (${t('participants.shownDay')})`}
            </li>
          ))}
        </ul>
      </nav>
      <h2>{fullDate(locale, day)}</h2>
      {props.roster.rows.length === 0 ? (
        <p class="notice">{t('participants.rosterEmpty')}</p>
      ) : (
        <Form action={`${base}/checkin`} state={props.state}>
          <input type="hidden" name="day" value={day} />
          {props.roster.page > 1 && <input type="hidden" name="page" value={String(props.roster.page)} />}
          <fieldset>
            <legend>{t('participants.presentOn', { day: fullDate(locale, day) })}</legend>
            {props.roster.rows.map((r) => (
              <div class="field checkbox">
                <input type="hidden" name="shown" value={String(r.id)} />
                <input
                  type="checkbox"
                  id={`present-${r.id}`}
                  name="present"
                  value={String(r.id)}
                  checked={ticked.has(r.id)}
                />
                <label for={`present-${r.id}`}>
                  {r.name}
                  {r.organisation_name && <span class="muted"> · {r.organisation_name}</span>}
                  {r.role === 'observer' && (
                    <span class="muted"> · {t('participants.roleName.observer')}</span>
                  )}
                </label>
              </div>
            ))}
          </fieldset>
          <p class="hint">
            {t('participants.checkedInCount', {
              count: fmt.number(ticked.size),
              total: fmt.number(props.roster.total),
            })}
          </p>
          <button type="submit" class="button">
            {t('participants.saveCheckin')}
          </button>
        </Form>
      )}
      <Pagination {...props.roster} />
    </div>
  );
}
