// The administrators' page of pending claims: who says which profile is theirs, with their
// message, and the buttons to give them the profile or refuse.
import { CsrfField } from '../../ui/components/form.tsx';
import { usePage } from '../../ui/page-context.ts';

export interface PendingClaim {
  id: number;
  message: string;
  created_at: string;
  person_slug: string;
  person_name: string;
  user_name: string;
  user_email: string;
}

export function ClaimsView({ claims }: { claims: PendingClaim[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/directory">{t('nav.directory')}</a>
        {' › '}
        <a href="/directory/people">{t('people.title')}</a>
      </p>
      <h1>{t('people.claimsTitle')}</h1>
      <p class="lead">{t('people.claimsIntro')}</p>
      {claims.length === 0 ? (
        <p class="notice">{t('people.noClaims')}</p>
      ) : (
        <ul class="plain stack">
          {claims.map((claim) => (
            <li class="card">
              <h2 class="card-title">
                <a href={`/directory/people/${claim.person_slug}`}>{claim.person_name}</a>
              </h2>
              <p>
                {t('people.claimBy', { name: claim.user_name, email: claim.user_email })} ·{' '}
                <time datetime={claim.created_at}>{fmt.dateTime(claim.created_at)}</time>
              </p>
              {claim.message && <blockquote>{claim.message}</blockquote>}
              <div class="actions">
                <form
                  method="post"
                  action={`/directory/people/claims/${claim.id}/approve`}
                  class="inline-form"
                >
                  <CsrfField />
                  <button type="submit" class="button">
                    {t('people.claimApprove')}
                  </button>
                </form>
                <form
                  method="post"
                  action={`/directory/people/claims/${claim.id}/reject`}
                  class="inline-form"
                >
                  <CsrfField />
                  <button type="submit" class="button secondary">
                    {t('people.claimReject')}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
