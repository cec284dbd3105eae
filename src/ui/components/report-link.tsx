// "Report a problem with this …": the link every public record's page carries to the moderators'
// report form (modules/moderation), which asks visitors to sign in first. `type` is a Reportable a
// module registers in its moderation.ts; `recordKey` names the record (its slug or number).
import type { MessageKey } from '../../platform/i18n.ts';
import { usePage } from '../page-context.ts';

export function ReportLink(props: { type: string; recordKey: string | number; label?: MessageKey }) {
  const { t } = usePage();
  const href = `/report?type=${encodeURIComponent(props.type)}&key=${encodeURIComponent(String(props.recordKey))}`;
  return (
    <p class="report-link">
      <a href={href} rel="nofollow">
        {t(props.label ?? 'report.page')}
      </a>
    </p>
  );
}
