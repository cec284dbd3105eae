// The account page's section on sign-in with the organisation's identity provider: the linked
// identities, each with its "unlink" button when another way in is left.
import { Form } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { IdentityRow } from './actions.ts';

export function IdentitiesSection(props: {
  identities: IdentityRow[];
  /** The provider's name (OIDC_NAME), when one is configured. */
  provider: string | undefined;
  hasPassword: boolean;
}) {
  const { t, fmt } = usePage();
  const { identities, provider } = props;
  if (identities.length === 0 && !provider) return null;
  const mayUnlink = props.hasPassword || identities.length > 1;
  return (
    <section class="card" aria-labelledby="openid-h">
      <h2 id="openid-h">{t('openid.accountTitle')}</h2>
      {identities.length === 0 ? (
        <p class="muted">{t('openid.noneLinked', { name: provider ?? '' })}</p>
      ) : (
        <ul class="plain token-list">
          {identities.map((identity) => (
            <li>
              <span class="token-name">
                {identity.email ?? identity.subject}{' '}
                <small class="muted">({new URL(identity.issuer).host})</small>
              </span>
              <small class="muted">
                {t('openid.linkedOn', { when: fmt.dateTime(identity.created_at) })} ·{' '}
                {t('openid.lastUsed', { when: fmt.dateTime(identity.last_used_at) })}
              </small>
              {mayUnlink && (
                <Form action={`/account/openid/${identity.id}/unlink`} class="inline-form">
                  <button
                    type="submit"
                    class="button small danger"
                    aria-label={t('openid.unlinkNamed', { name: identity.email ?? identity.subject })}
                  >
                    {t('openid.unlink')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {identities.length > 0 && !mayUnlink && <p class="hint">{t('openid.setPasswordFirst')}</p>}
    </section>
  );
}
