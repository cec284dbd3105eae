// What those who manage a group see on its page: the requests to join (approve, decline), each
// member's role (change, remove), the open invitations (revoke) and the form to invite by email.
import { CsrfField, Field, Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { GroupDetails } from '../access.ts';
import type { GroupMember } from '../members.ts';
import { GROUP_ROLES, type GroupRole } from '../vocab.ts';

export interface ManageProps {
  group: GroupDetails;
  members: GroupMember[];
  viewerId: number | null;
  requests: { id: number; name: string; message: string; created_at: string }[];
  invitations: { id: number; email: string; role: GroupRole; expires_at: string }[];
  invite?: FormState;
}

export function ManagePanel(props: ManageProps) {
  const { t, fmt } = usePage();
  const base = `/groups/${props.group.slug}`;
  const roleOptions = GROUP_ROLES.map((r) => ({ value: r, label: t(`groups.role.${r}`) }));
  return (
    <section class="stack">
      <h2>{t('groups.manage')}</h2>
      {props.requests.length > 0 && (
        <>
          <h3>{t('groups.join.requests')}</h3>
          <ul class="plain stack">
            {props.requests.map((r) => (
              <li>
                {r.name} <span class="muted">· {fmt.date(r.created_at)}</span>
                {r.message && <p>{r.message}</p>}
                <form method="post" action={`${base}/decide`} class="inline-form">
                  <CsrfField />
                  <input type="hidden" name="request_id" value={String(r.id)} />
                  <button type="submit" name="decision" value="approve" class="button">
                    {t('groups.join.approve')}
                  </button>{' '}
                  <button type="submit" name="decision" value="decline" class="button secondary">
                    {t('groups.join.decline')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('groups.roles')}</h3>
      <ul class="plain stack">
        {props.members.map((m) => (
          <li>
            <form method="post" action={`${base}/role`} class="inline-form">
              <CsrfField />
              <input type="hidden" name="user_id" value={String(m.user_id)} />
              <label>
                {m.name}{' '}
                <select name="role">
                  {roleOptions.map((o) => (
                    <option value={o.value} selected={o.value === m.role}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <button type="submit" class="button secondary">
                {t('groups.changeRole')}
              </button>
            </form>{' '}
            {m.user_id !== props.viewerId && (
              <form method="post" action={`${base}/remove`} class="inline-form">
                <CsrfField />
                <input type="hidden" name="user_id" value={String(m.user_id)} />
                <button type="submit" class="button danger">
                  {t('groups.remove')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {props.invitations.length > 0 && (
        <>
          <h3>{t('groups.invitations')}</h3>
          <ul class="plain stack">
            {props.invitations.map((i) => (
              <li>
                {i.email}{' '}
                <span class="muted">
                  · {t(`groups.role.${i.role}`)} · {fmt.date(i.expires_at)}
                </span>{' '}
                <form method="post" action={`${base}/revoke`} class="inline-form">
                  <CsrfField />
                  <input type="hidden" name="invitation_id" value={String(i.id)} />
                  <button type="submit" class="button secondary">
                    {t('groups.revoke')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('groups.invite')}</h3>
      <Form action={`${base}/invite`} state={props.invite}>
        <Field
          name="email"
          label="groups.inviteEmail"
          type="email"
          required
          maxlength={254}
          state={props.invite ?? {}}
        />
        <SelectField
          name="role"
          label="groups.inviteRole"
          options={roleOptions}
          initial="member"
          state={props.invite ?? {}}
        />
        <Submit label="groups.inviteSend" />
      </Form>
    </section>
  );
}
