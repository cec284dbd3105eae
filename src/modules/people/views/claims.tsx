// The administrators' page of pending claims: who says which profile is theirs, with their
// message, and the buttons to give them the profile or refuse.
import { CsrfField } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { PendingClaim } from '../listing.ts';
import { PeopleBreadcrumb } from './breadcrumb.tsx';

/** One of the two buttons on a claim: give the profile, or refuse. */
function Decision(props: { claimId: number; decision: 'approve' | 'reject' }) {
  const { t } = usePage();
  const approve = props.decision === 'approve';
  return (
    <form
      method="post"
      action={`/directory/people/claims/${props.claimId}/${props.decision}`}
      class="inline-form"
    >
      <CsrfField />
      <button type="submit" class={approve ? 'button' : 'button secondary'}>
        {t(approve ? 'people.claimApprove' : 'people.claimReject')}
      </button>
    </form>
  );
}

export function ClaimsView({ claims }: { claims: PendingClaim[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="wrap">
      <PeopleBreadcrumb />
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
                <Decision claimId={claim.id} decision="approve" />
                <Decision claimId={claim.id} decision="reject" />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
