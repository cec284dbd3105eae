// /unsubscribe/<secret>: the page a mail's unsubscribe link opens. Opening it changes nothing (mail
// scanners open links); the button does, once, without signing in.
import { CsrfField } from '../../../ui/components/form.tsx';
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';

export type UnsubscribeState = 'ask' | 'done' | 'used';

export function UnsubscribeView({
  state,
  what,
  action,
}: {
  state: UnsubscribeState;
  what: string;
  action: string;
}) {
  const { t } = usePage();
  return (
    <div class="wrap stack narrow">
      <PageHead title={t('notifications.unsubscribe.title')} />
      {state === 'ask' && (
        <form method="post" action={action}>
          <CsrfField />
          <p>{t('notifications.unsubscribe.ask', { what })}</p>
          <button type="submit" class="button">
            {t('notifications.unsubscribe.button')}
          </button>
        </form>
      )}
      {state === 'done' && (
        <p class="notice success" role="status">
          {t('notifications.unsubscribe.done', { what })}
        </p>
      )}
      {state === 'used' && (
        <p class="notice" role="status">
          {t('notifications.unsubscribe.used')}
        </p>
      )}
      <p>{t('notifications.unsubscribe.inboxStays')}</p>
      <p>
        <a href="/notifications/settings">{t('notifications.settings')}</a>
      </p>
    </div>
  );
}
