// Pieces the registration pages share: a textarea and a checkbox laid out like <Field>, an
// application's status, moments in the event's own zone, and the balance of the selection.
import { fieldValue } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { formatOffset, offsetMinutes } from '../../../platform/time.ts';
import type { Gender } from '../../../platform/vocabularies.ts';
import type { FormState } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { Balance, BalanceRow } from './review-store.ts';
import type { Category } from './settings-store.ts';
import type { RegistrationStatus } from './vocab.ts';

/** A textarea with its label, hint and error, linked for screen readers as <Field> does. */
export function AreaField(props: {
  name: string;
  label: MessageKey;
  state?: FormState;
  hint?: MessageKey;
  rows?: number;
  maxlength?: number;
  required?: boolean;
}) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const error = props.state?.errors?.[props.name];
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>
        {t(props.label)}
        {props.required && <span class="required"> *</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {t(props.hint)}
        </p>
      )}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {fieldValue(props.state?.values, props.name)}
      </textarea>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

/** A checkbox sending "1" when ticked. */
export function CheckboxField(props: {
  name: string;
  label: MessageKey;
  state?: FormState;
  hint?: MessageKey;
}) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const checked = fieldValue(props.state?.values, props.name) === '1';
  return (
    <div class="field">
      <label class="checkbox" for={id}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          value="1"
          checked={checked}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
        />{' '}
        {t(props.label)}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {t(props.hint)}
        </p>
      )}
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
