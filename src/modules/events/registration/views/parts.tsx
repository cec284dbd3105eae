// Pieces the registration pages share: the links between the organisers' pages and the frame of
// the application form's builder, an application's status, moments in the event's own zone, and
// the balance of the selection.
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../../../platform/i18n.ts';
import { formatOffset, offsetMinutes } from '../../../../platform/time.ts';
import type { Gender } from '../../../../platform/vocabularies.ts';
import { Breadcrumb, type Crumb } from '../../../../ui/components/page-head.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import type { Category } from '../access.ts';
import type { Balance, BalanceRow } from '../reviews.ts';
import type { RegistrationStatus } from '../vocab.ts';

type SetupPage = 'settings' | 'form' | 'rubric' | 'review';

/** Links between the organisers' pages of one event's registration. */
export function SetupNav({ event, current }: { event: EventDetails; current: SetupPage }) {
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

/**
 * The head of a registration page: the way back (to the event unless `back` says where), the
 * heading, and on an organisers' page (`setup`) the links between those pages.
 */
export function RegistrationHead(props: {
  event: EventDetails;
  title: string;
  back?: Crumb;
  setup?: SetupPage | false;
}) {
  const { event } = props;
  return (
    <>
      <Breadcrumb noPrint trail={[props.back ?? { href: `/events/${event.slug}`, label: event.title }]} />
      <h1>{props.title}</h1>
      {props.setup && <SetupNav event={event} current={props.setup} />}
    </>
  );
}

/** The page around the application form's builder (platform/questionnaires) and its question pages. */
export function FormFrame(props: { event: EventDetails; title: string; editing: boolean; children: Child }) {
  const { t } = usePage();
  const { event } = props;
  return (
    <div class="wrap narrow">
      <RegistrationHead
        event={event}
        title={props.title}
        back={
          props.editing
            ? { href: `/events/${event.slug}/registration/form`, label: t('registration.formTitle') }
            : undefined
        }
        setup={!props.editing && 'form'}
      />
      {!props.editing && <p>{t('registration.formIntro')}</p>}
      {props.children}
    </div>
  );
}

export function StatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = usePage();
  return <span class={`badge status-${status}`}>{t(`events.registrationStatus.${status}`)}</span>;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** "3 December 2026, 17:00 (Asia/Vientiane, UTC+07:00)": a moment as the event's zone reads it. */
export function inEventZone(locale: string, iso: string, zone: string): string {
  const key = `${locale}|${zone}`;
  let format = zoneFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
    zoneFormats.set(key, format);
  }
  const moment = new Date(iso);
  return `${format.format(moment)} (${zone}, UTC${formatOffset(offsetMinutes(zone, moment))})`;
}

function BalanceTable(props: {
  caption: MessageKey;
  rows: BalanceRow[];
  label: (key: string | null) => string;
}) {
  const { t, fmt } = usePage();
  if (props.rows.length === 0) return null;
  return (
    // A region that scrolls sideways on a phone is reachable by keyboard (tabindex) and named.
    <section class="table-scroll" tabindex={0} aria-label={t(props.caption)}>
      <table class="balance">
        {/* The first column's header names the table on screen; the caption does for screen readers. */}
        <caption class="visually-hidden">{t(props.caption)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(props.caption)}</th>
            <th scope="col">{t('events.registrationStatus.accepted')}</th>
            <th scope="col">{t('events.registrationStatus.waitlisted')}</th>
            <th scope="col">{t('registration.waiting')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">{props.label(row.key)}</th>
              <td>{fmt.number(row.accepted)}</td>
              <td>{fmt.number(row.waitlisted)}</td>
              <td>{fmt.number(row.submitted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Accepted so far against the capacity, and by country, category and gender. */
export function BalanceView({
  balance,
  categories,
  level = 2,
}: {
  balance: Balance;
  categories: Category[];
  /** 3 where it sits under another heading (the decision). */
  level?: 2 | 3;
}) {
  const { t, fmt } = usePage();
  const Heading = level === 2 ? 'h2' : 'h3';
  const categoryLabel = new Map(categories.map((c) => [String(c.id), c.label]));
  const notStated = t('registration.notStated');
  return (
    <section class="balance-section" aria-labelledby="balance-title">
      <Heading id="balance-title">{t('registration.balance')}</Heading>
      <p>
        {balance.capacity === null
          ? t('registration.acceptedNoLimit', { accepted: fmt.number(balance.accepted) })
          : t('registration.acceptedOfCapacity', {
              accepted: fmt.number(balance.accepted),
              capacity: fmt.number(balance.capacity),
            })}{' '}
        {t('registration.balanceRest', {
          waitlisted: fmt.number(balance.waitlisted),
          submitted: fmt.number(balance.submitted),
        })}
      </p>
      <BalanceTable
        caption="field.country"
        rows={balance.byCountry}
        label={(k) => (k ? fmt.country(k) : notStated)}
      />
      <BalanceTable
        caption="registration.category"
        rows={balance.byCategory}
        label={(k) => (k ? (categoryLabel.get(k) ?? k) : notStated)}
      />
      <BalanceTable
        caption="registration.gender"
        rows={balance.byGender}
        label={(k) => (k ? t(`vocab.gender.${k as Gender}`) : notStated)}
      />
    </section>
  );
}
