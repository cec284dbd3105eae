// /network/reported/:id: a reported message as the moderators see it — that message alone, who
// sent it and when; the rest of the conversation stays private.
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';

export function ReportedMessageView(props: { senderName: string; body: string; createdAt: string }) {
  const { t, fmt } = usePage();
  return (
    <div class="wrap stack narrow">
      <PageHead title={t('network.reportedTitle')} />
      <p class="hint">{t('network.reportedHint')}</p>
      <div class="message">
        <p class="muted">
          {props.senderName} · <time datetime={props.createdAt}>{fmt.dateTime(props.createdAt)}</time>
        </p>
        <p class="message-body">{props.body}</p>
      </div>
      <p>
        <a href="/moderation">{t('network.backToQueue')}</a>
      </p>
    </div>
  );
}
