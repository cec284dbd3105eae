// The moderation queue: records waiting for approval, open reports with the decision form, the
// reports handled last, and (for admins) the switches the modules declare.
import type { PendingItem } from '../../../platform/context.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { Checkbox, Field, Form, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { ReportRow } from '../listing.ts';
import type { ReportReason } from '../vocab.ts';

export type ReportCardRow = ReportRow & { url: string };

function Decision({ report }: { report: ReportCardRow }) {
  const { t } = usePage();
  return (
    <Form action={`/moderation/reports/${report.id}`} class="stack">
      <Field id={`note-${report.id}`} name="note" label="moderation.note" maxlength={1000} />
      <p class="actions">
        <button type="submit" name="status" value="resolved" class="button">
          {t('moderation.resolve')}
        </button>{' '}
        <button type="submit" name="status" value="dismissed" class="button secondary">
          {t('moderation.dismiss')}
        </button>
      </p>
    </Form>
  );
}

function ReportCard({ report, typeLabel }: { report: ReportCardRow; typeLabel?: MessageKey }) {
  const { t, fmt } = usePage();
  return (
    <article class="card" aria-labelledby={`report-${report.id}`}>
      <h3 id={`report-${report.id}`}>
        {typeLabel && <span class="muted">{t(typeLabel)}: </span>}
        <a href={report.url}>{report.target_title}</a>
      </h3>
      <p>
        <strong>{t(`moderation.reason.${report.reason as ReportReason}`)}</strong>
        {' · '}
        {t('moderation.reportedBy', {
          name: report.reporter_name ?? t('moderation.deletedAccount'),
          date: fmt.date(report.created_at),
        })}
      </p>
      {report.message && <blockquote>{report.message}</blockquote>}
      {report.status === 'open' ? (
        <Decision report={report} />
      ) : (
        <p class="muted">
          {t(`moderation.status.${report.status as 'resolved' | 'dismissed'}`)}
          {report.handler_name && <> · {report.handler_name}</>}
          {report.note && <> · {report.note}</>}
        </p>
      )}
    </article>
  );
}

/** A titled list of report cards. */
function Reports(props: {
  id: string;
  title: string;
  reports: ReportCardRow[];
  typeLabels: Record<string, MessageKey>;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <div class="stack">
        {props.reports.map((r) => (
          <ReportCard report={r} typeLabel={props.typeLabels[r.target_type]} />
        ))}
      </div>
    </section>
  );
}

function Pending({ items, typeLabels }: { items: PendingItem[]; typeLabels: Record<string, MessageKey> }) {
  const { t, fmt } = usePage();
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t('moderation.pending', { count: items.length })}</h2>
      {items.length === 0 ? (
        <p class="muted">{t('moderation.nothingPending')}</p>
      ) : (
        <ul class="plain stack">
          {items.map((item) => (
            <li class="card">
              <a href={item.url}>{item.title}</a>{' '}
              <small class="muted">
                {typeLabels[item.type] ? t(typeLabels[item.type]!) : item.type} · {fmt.date(item.createdAt)}
              </small>
              <Form action={item.approveAction} class="inline-form">
                <button type="submit" class="button small">
                  {t('moderation.approve')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface Switch {
  key: string;
  label: MessageKey;
  hint: MessageKey;
  on: boolean;
}

function Switches({ switches }: { switches: Switch[] }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('moderation.settings')}</h2>
      <Form action="/moderation/settings" class="stack">
        {switches.map((s) => (
          <Checkbox name={s.key} label={s.label} hint={s.hint} initial={s.on} />
        ))}
        <p>
          <Submit label="form.save" />
        </p>
      </Form>
    </section>
  );
}

export function ModerationView(props: {
  open: ReportCardRow[];
  recent: ReportCardRow[];
  pending: PendingItem[];
  typeLabels: Record<string, MessageKey>;
  switches: Switch[];
}) {
  const { t } = usePage();
  return (
    <div class="wrap">
      <h1>{t('moderation.title')}</h1>
      <p>
        <a href="/moderation/members">{t('moderation.membersTitle')}</a>
      </p>
      <Pending items={props.pending} typeLabels={props.typeLabels} />
      {props.open.length === 0 ? (
        <section aria-labelledby="reports-title">
          <h2 id="reports-title">{t('moderation.openReports', { count: 0 })}</h2>
          <p class="muted">{t('moderation.nothingOpen')}</p>
        </section>
      ) : (
        <Reports
          id="reports-title"
          title={t('moderation.openReports', { count: props.open.length })}
          reports={props.open}
          typeLabels={props.typeLabels}
        />
      )}
      {props.recent.length > 0 && (
        <Reports
          id="recent-title"
          title={t('moderation.recent')}
          reports={props.recent}
          typeLabels={props.typeLabels}
        />
      )}
      {props.switches.length > 0 && <Switches switches={props.switches} />}
    </div>
  );
}
