// /notifications/following: what the member follows, each with its stop button, and small forms to
// follow a country, a cultural domain or a tag (records are followed from their own pages).
import type { MessageKey } from '../../../platform/i18n.ts';
import type { FollowType } from '../../../platform/notifications/follows.ts';
import { FollowButton } from '../../../ui/components/follow-button.tsx';
import { CsrfField } from '../../../ui/components/form.tsx';
import { PageHead } from '../../../ui/components/page-head.tsx';
import { countryOptions, domainOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';

export interface FollowedRow {
  type: FollowType;
  key: string;
  label: MessageKey;
  title: string;
  url: string | null;
}

function FollowForm({ type, children }: { type: FollowType; children: unknown }) {
  const { t } = usePage();
  return (
    <form method="post" action="/follow" class="inline-form">
      <CsrfField />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="follow" value="1" />
      <input type="hidden" name="back" value="/notifications/following" />
      {children}
      <button type="submit" class="button small">
        {t('follow.follow')}
      </button>
    </form>
  );
}

export function FollowingView({ rows }: { rows: FollowedRow[] }) {
  const page = usePage();
  const { t } = page;
  return (
    <div class="wrap stack">
      <PageHead title={t('notifications.followingTitle')} />
      {rows.length === 0 ? (
        <p class="empty">{t('notifications.followingNone')}</p>
      ) : (
        <ul class="following">
          {rows.map((row) => (
            <li>
              <span class="muted">{t(row.label)}:</span>{' '}
              {row.url ? <a href={row.url}>{row.title}</a> : row.title}
              <FollowButton target={{ type: row.type, key: row.key }} following={true} />
            </li>
          ))}
        </ul>
      )}
      <h2>{t('notifications.followMore')}</h2>
      <FollowForm type="country">
        <label for="follow-country">{t('follow.target.country')}</label>{' '}
        <select id="follow-country" name="key">
          {countryOptions(page).map((o) => (
            <option value={o.value}>{o.label}</option>
          ))}
        </select>{' '}
      </FollowForm>
      <FollowForm type="domain">
        <label for="follow-domain">{t('follow.target.domain')}</label>{' '}
        <select id="follow-domain" name="key">
          {domainOptions(page).map((o) => (
            <option value={o.value}>{o.label}</option>
          ))}
        </select>{' '}
      </FollowForm>
      <FollowForm type="tag">
        <label for="follow-tag">{t('follow.target.tag')}</label>{' '}
        <input id="follow-tag" name="key" maxlength={60} required />{' '}
      </FollowForm>
      <p>
        <a href="/notifications">{t('notifications.title')}</a> ·{' '}
        <a href="/notifications/settings">{t('notifications.settings')}</a>
      </p>
    </div>
  );
}
