// /notifications/settings: how each kind reaches the member — in the inbox only, by mail at once, in
// the daily or weekly digest, or not at all. One select per kind, one save button.

import type { MessageKey } from '../../../platform/i18n.ts';
import type { Delivery } from '../../../platform/notifications/kinds.ts';
import { DELIVERIES } from '../../../platform/notifications/kinds.ts';
import { Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';

export interface SettingsViewProps {
  kinds: { kind: string; label: MessageKey; delivery: Delivery }[];
  state?: FormState;
}

export function SettingsView({ kinds, state }: SettingsViewProps) {
  const { t } = usePage();
  const options = DELIVERIES.map((d) => ({ value: d, label: t(`notifications.delivery.${d}`) }));
  return (
    <div class="wrap stack narrow">
      <PageHead title={t('notifications.settingsTitle')} />
      <p>{t('notifications.settingsIntro')}</p>
      <Form action="/notifications/settings" state={state}>
        {kinds.map((k) => (
          <SelectField name={k.kind} label={k.label} options={options} initial={k.delivery} state={state} />
        ))}
        <Submit label="notifications.save" />
      </Form>
      <p>
        <a href="/notifications/following">{t('notifications.following')}</a>
      </p>
    </div>
  );
}
