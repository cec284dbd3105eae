// The page an invitation link opens: what it is for, and (for the invited account) the button to
// accept it; or why it cannot be used.
import type { InvitationRefusal } from '../../../platform/invitations.ts';
import { Form, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { GroupInvitation } from '../members.ts';

export type InvitationState =
  | { kind: 'invalid'; reason: InvitationRefusal }
  | { kind: 'signIn' | 'accept' | 'otherEmail' | 'unverified'; invitation: GroupInvitation; token: string };

export function InvitationView({ state }: { state: InvitationState }) {
  const { t } = usePage();
  if (state.kind === 'invalid')
    return (
      <section class="wrap narrow">
        <h1>{t('groups.invitation.invalidTitle')}</h1>
        <p class="notice error" role="alert">
          {t(`groups.invitation.${state.reason}`)}
        </p>
      </section>
    );
  const { invitation } = state;
  const here = `/groups/invitations/${state.token}`;
  return (
    <section class="wrap narrow">
      <h1>{t('groups.invitation.title', { name: invitation.name })}</h1>
      <p>
        {t('groups.invitation.summary', { name: invitation.name, role: t(`groups.role.${invitation.role}`) })}
        {invitation.invited_by_name && (
          <> {t('groups.invitation.invitedBy', { inviter: invitation.invited_by_name })}</>
        )}
      </p>
      {state.kind === 'signIn' && (
        <>
          <p>{t('groups.invitation.forEmail', { email: invitation.email })}</p>
          <p class="actions">
            <a class="button" href={`/login?next=${encodeURIComponent(here)}`}>
              {t('groups.invitation.signIn')}
            </a>
          </p>
        </>
      )}
      {state.kind === 'otherEmail' && (
        <p class="notice error" role="alert">
          {t('groups.invitation.otherEmail', { email: invitation.email })}
        </p>
      )}
      {state.kind === 'unverified' && (
        <p class="notice error" role="alert">
          {t('groups.invitation.unverified')}
        </p>
      )}
      {state.kind === 'accept' && (
        <Form action={here}>
          <Submit label="groups.invitation.accept" />
        </Form>
      )}
    </section>
  );
}
