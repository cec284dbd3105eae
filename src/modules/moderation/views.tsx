// The report form and the moderation queue.
import type { PendingItem } from '../../platform/context.ts';
import { fieldValue } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { CsrfField, Form, type FormState } from '../../ui/components/form.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { ReportRow } from './store.ts';
import { REPORT_REASONS, type ReportReason } from './vocab.ts';

export function ReportFormView(props: {
  type: string;
  targetKey: string;
  target: { title: string; url: string };
  label: MessageKey;
  state?: FormState;
}) {
  const { t } = usePage();
  const values = props.state?.values ?? {};
  const errors = props.state?.errors ?? {};
  const chosen = fieldValue(values, 'reason');
  return (
    <div class="wrap narrow">
      <h1>{t('moderation.reportTitle')}</h1>
      <p>
        {t(props.label)}: <a href={props.target.url}>{props.target.title}</a>
      </p>
      <p class="hint">{t('moderation.reportIntro')}</p>
      <Form action="/report" state={props.state}>
        <input type="hidden" name="type" value={props.type} />
        <input type="hidden" name="key" value={props.targetKey} />
        <fieldset
          class={errors.reason ? 'field invalid' : 'field'}
          aria-describedby={errors.reason ? 'reason-error' : undefined}
        >
          <legend>
            {t('moderation.reason')}
            <span class="required"> *</span>
          </legend>
          {errors.reason && (
            <p class="field-error" id="reason-error">
              {t(errors.reason)}
            </p>
          )}
          {REPORT_REASONS.map((r) => (
            <label class="checkbox">
              <input type="radio" name="reason" value={r} checked={chosen === r} required />{' '}
              {t(`moderation.reason.${r}`)}
            </label>
          ))}
        </fieldset>
        <div class={errors.message ? 'field invalid' : 'field'}>
          <label for="f-message">{t('moderation.message')}</label>
          <p class="hint" id="f-message-hint">
            {t('moderation.messageHint')}
          </p>
          {errors.message && (
            <p class="field-error" id="f-message-error">
              {t(errors.message)}
            </p>
          )}
          <textarea
            id="f-message"
            name="message"
            rows={5}
            maxlength={2000}
            aria-describedby={errors.message ? 'f-message-hint f-message-error' : 'f-message-hint'}
          >
            {fieldValue(values, 'message')}
          </textarea>
        </div>
        <p class="actions">
          <button type="submit" class="button">
            {t('moderation.send')}
          </button>{' '}
          <a href={props.target.url}>{t('moderation.cancel')}</a>
        </p>
      </Form>
    </div>
  );
}

function ReportCard({ report, typeLabel }: { report: ReportRow & { url: string }; typeLabel?: MessageKey }) {
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
        <form method="post" action={`/moderation/reports/${report.id}`} class="stack">
          <CsrfField />
          <div class="field">
            <label for={`note-${report.id}`}>{t('moderation.note')}</label>
            <input id={`note-${report.id}`} name="note" maxlength={1000} />
          </div>
          <p class="actions">
            <button type="submit" name="status" value="resolved" class="button">
              {t('moderation.resolve')}
            </button>{' '}
            <button type="submit" name="status" value="dismissed" class="button secondary">
              {t('moderation.dismiss')}
            </button>
          </p>
        </form>
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

export function ModerationView(props: {
  open: (ReportRow & { url: string })[];
  recent: (ReportRow & { url: string })[];
  pending: PendingItem[];
  typeLabels: Record<string, MessageKey>;
  switches: { key: string; label: MessageKey; hint: MessageKey; on: boolean }[];
}) {
  const { t, fmt } = usePage();
  return (
    <div class="wrap">
      <h1>{t('moderation.title')}</h1>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('moderation.pending', { count: props.pending.length })}</h2>
        {props.pending.length === 0 ? (
          <p class="muted">{t('moderation.nothingPending')}</p>
        ) : (
          <ul class="plain stack">
            {props.pending.map((item) => (
              <li class="card">
                <a href={item.url}>{item.title}</a>{' '}
                <small class="muted">
                  {props.typeLabels[item.type] ? t(props.typeLabels[item.type]!) : item.type} ·{' '}
                  {fmt.date(item.createdAt)}
                </small>
                <form method="post" action={item.approveAction} class="inline-form">
                  <CsrfField />
                  <button type="submit" class="button small">
                    {t('moderation.approve')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t('moderation.openReports', { count: props.open.length })}</h2>
        {props.open.length === 0 ? (
          <p class="muted">{t('moderation.nothingOpen')}</p>
        ) : (
          <div class="stack">
            {props.open.map((r) => (
              <ReportCard report={r} typeLabel={props.typeLabels[r.target_type]} />
            ))}
          </div>
        )}
      </section>

      {props.recent.length > 0 && (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">{t('moderation.recent')}</h2>
          <div class="stack">
            {props.recent.map((r) => (
              <ReportCard report={r} typeLabel={props.typeLabels[r.target_type]} />
            ))}
          </div>
        </section>
      )}

      {props.switches.length > 0 && (
        <section aria-labelledby="settings-title">
          <h2 id="settings-title">{t('moderation.settings')}</h2>
          <form method="post" action="/moderation/settings" class="stack">
            <CsrfField />
            {props.switches.map((s) => (
              <div class="field">
                <label class="checkbox">
                  <input
                    type="checkbox"
                    name={s.key}
                    value="1"
                    checked={s.on}
                    aria-describedby={`${s.key}-hint`}
                  />{' '}
                  {t(s.label)}
                </label>
                <p class="hint" id={`${s.key}-hint`}>
                  {t(s.hint)}
                </p>
              </div>
            ))}
            <p>
              <button type="submit" class="button">
                {t('form.save')}
              </button>
            </p>
          </form>
        </section>
      )}
    </div>
  );
}
