// The page an invitation link opens: what it is for, and (for the right account) the button to
// accept it; or why it cannot be used.
import { Form, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { InvitationDetails, InvitationRefusal } from '../members.ts';

export type InvitationState =
  | { kind: 'invalid'; reason: InvitationRefusal }
  | { kind: 'signIn' | 'accept' | 'otherEmail' | 'unverified'; invitation: InvitationDetails; token: string };

export function InvitationView({ state }: { state: InvitationState }) {
  const { t } = usePage();
  if (state.kind === 'invalid') {
    return (
      <section class="wrap narrow">
        <h1>{t('directory.invitation.invalidTitle')}</h1>
        <p class="notice error" role="alert">
          {t(`directory.invitation.${state.reason}`)}
        </p>
      </section>
    );
  }
  const { invitation } = state;
  const here = `/directory/invitations/${state.token}`;
  return (
    <section class="wrap narrow">
      <h1>{t('directory.invitation.title', { name: invitation.name })}</h1>
      <p>
        {t('directory.invitation.summary', {
          name: invitation.name,
          role: t(`directory.role.${invitation.role}`),
        })}
        {invitation.invited_by_name && (
          <> {t('directory.invitation.invitedBy', { inviter: invitation.invited_by_name })}</>
        )}
      </p>
      <p>
        <a href={`/directory/${invitation.slug}`}>{invitation.name}</a>
      </p>
      {state.kind === 'signIn' && (
        <>
          <p>{t('directory.invitation.forEmail', { email: invitation.email })}</p>
          <p class="actions">
            <a class="button" href={`/login?next=${encodeURIComponent(here)}`}>
              {t('directory.invitation.signIn')}
            </a>
            <a class="button secondary" href="/register">
              {t('directory.invitation.register')}
            </a>
          </p>
        </>
      )}
      {state.kind === 'otherEmail' && (
        <p class="notice error" role="alert">
          {t('directory.invitation.otherEmail', { email: invitation.email })}
        </p>
      )}
      {state.kind === 'unverified' && (
        <p class="notice error" role="alert">
          {t('directory.invitation.unverified')}
        </p>
      )}
      {state.kind === 'accept' && (
        <Form action={here}>
          <Submit label="directory.invitation.accept" />
        </Form>
      )}
    </section>
  );
}
