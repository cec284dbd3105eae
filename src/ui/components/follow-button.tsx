// "Follow" on a record's page (an organisation, a person, an event, a group, a library filtered by
// country or domain): a form to POST /follow (the notifications module), so it works without
// JavaScript; a visitor gets a link to log in first and come back.
import type { FollowTarget } from '../../platform/notifications/follows.ts';
import { usePage } from '../page-context.ts';
import { CsrfField } from './form.tsx';

export function FollowButton({ target, following }: { target: FollowTarget; following: boolean }) {
  const { t, user, here } = usePage();
  if (!user)
    return (
      <p class="follow">
        <a class="button secondary small" href={`/login?next=${encodeURIComponent(here)}`}>
          {t('follow.signInToFollow')}
        </a>
      </p>
    );
  return (
    <form method="post" action="/follow" class="follow">
      <CsrfField />
      <input type="hidden" name="type" value={target.type} />
      <input type="hidden" name="key" value={target.key} />
      <input type="hidden" name="back" value={here} />
      <input type="hidden" name="follow" value={following ? '0' : '1'} />
      <button type="submit" class={following ? 'button secondary small' : 'button small'}>
        {following ? t('follow.unfollow') : t('follow.follow')}
      </button>
      {following && <span class="muted"> {t('follow.following')}</span>}
    </form>
  );
}
