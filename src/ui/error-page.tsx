// The page shown when a request is refused or fails, in the reader's language.
import type { MessageKey } from '../platform/i18n.ts';
import { usePage } from './page-context.ts';

export function ErrorView(props: { status: number; title: MessageKey; message: string; requestId?: string }) {
  const { t, user, here } = usePage();
  return (
    <section class="wrap narrow">
      <h1>
        {t(props.title)} <span class="muted">({props.status})</span>
      </h1>
      <p>{props.message}</p>
      {props.status === 401 && !user && (
        <p>
          <a class="button" href={`/login?next=${encodeURIComponent(here)}`}>
            {t('layout.logIn')}
          </a>
        </p>
      )}
      {props.status === 403 && props.title === 'error.403.title' && (
        <p class="hint">{t('error.goBackHint')}</p>
      )}
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
      {props.requestId && (
        <p class="muted">
          <small>{t('error.requestId', { id: props.requestId })}</small>
        </p>
      )}
    </section>
  );
}
