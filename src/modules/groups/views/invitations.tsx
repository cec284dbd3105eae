// The signed-in member's open invitations to groups (/groups/invitations), where a notification of an
// invitation leads: each with the group, the role, who invited and until when, and the button to
// join (once the address is confirmed). A secret group's name is told by the invitation itself.
import { Form, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { GroupInvitation } from '../members.ts';

export function InvitationsView(props: { invitations: GroupInvitation[]; verified: boolean }) {
  const { t, fmt } = usePage();
  return (
    <section class="wrap narrow">
      <h1>{t('groups.invitations.title')}</h1>
      {props.invitations.length === 0 && <p>{t('groups.invitations.none')}</p>}
      {!props.verified && props.invitations.length > 0 && (
        <p class="notice warning">{t('groups.invitation.unverified')}</p>
      )}
      {props.invitations.map((invitation) => (
        <article class="card">
          <h2 lang={invitation.lang}>{invitation.name}</h2>
          <p>
            {t('groups.invitation.summary', {
              name: invitation.name,
              role: t(`groups.role.${invitation.role}`),
            })}
            {invitation.invited_by_name && (
              <> {t('groups.invitation.invitedBy', { inviter: invitation.invited_by_name })}</>
            )}{' '}
            {t('groups.invitations.until', { date: fmt.date(invitation.expires_at) })}
          </p>
          {props.verified && (
            <Form action={`/groups/invitations/${invitation.id}/accept`}>
              <Submit label="groups.invitation.accept" />
            </Form>
          )}
        </article>
      ))}
    </section>
  );
}
