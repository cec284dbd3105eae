// The page where an organisation's people manage it: the logo, the members and their roles,
// handing over ownership, and invitations by email. Every action is a small form of its own, so it
// all works without JavaScript.
import type { MessageKey, MessageValues } from '../../../platform/i18n.ts';
import { DangerZone } from '../../../ui/components/danger-zone.tsx';
import { CsrfField, Field, Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { ImageSection } from '../../../ui/components/image-upload.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { LOGO_MAX_BYTES, type LogoInfo, logoUrl } from '../logo.ts';
import type { Member, PendingInvitation } from '../members.ts';
import { MEMBER_ROLES, type MemberRole } from '../vocab.ts';
import { PendingUnitsSection } from './units.tsx';

export interface MembersPageProps {
  org: { slug: string; name: string };
  members: Member[];
  invitations: PendingInvitation[];
  viewerId: number;
  viewerRole: MemberRole | null;
  may: { manage: boolean; transfer: boolean; logo: boolean };
  logo: LogoInfo | undefined;
  /** Organisations that named this one as their parent and wait for its owners' confirmation. */
  pendingUnits: { slug: string; name: string }[];
  invite?: FormState;
  /** A refused action, shown at the top of the page. */
  error?: MessageKey;
  /** A refused logo upload, shown next to the file field. */
  logoError?: { key: MessageKey; values?: MessageValues };
}

export function MembersView(props: MembersPageProps) {
  const { t, fmt } = usePage();
  const { org, may } = props;
  const base = `/directory/${org.slug}`;
  const roleOptions = MEMBER_ROLES.map((r) => ({ value: r, label: t(`directory.role.${r}`) }));
  const others = props.members.filter((m) => m.user_id !== props.viewerId);
  return (
    <div class="wrap">
      <Breadcrumb
        trail={[
          { href: '/directory', label: t('directory.title') },
          { href: base, label: org.name },
        ]}
      />
      <h1>{t('directory.members.title', { name: org.name })}</h1>
      <p class="hint">{t('directory.members.intro')}</p>
      {props.error && (
        <div class="notice error" role="alert">
          {t(props.error)}
        </div>
      )}

      {may.logo && <LogoSection {...props} />}

      <PendingUnitsSection base={base} units={props.pendingUnits} />

      <section>
        <h2>{t('directory.members.listTitle')}</h2>
        {props.members.length === 0 ? (
          <p>{t('directory.members.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('directory.members.name')}</th>
                  {may.manage && <th scope="col">{t('directory.members.email')}</th>}
                  <th scope="col">{t('directory.members.role')}</th>
                  <th scope="col">{t('directory.members.since')}</th>
                  {may.manage && <th scope="col">{t('directory.members.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {props.members.map((m) => (
                  <tr>
                    <td>
                      {m.name}
                      {m.user_id === props.viewerId && <> {t('directory.members.you')}</>}
                    </td>
                    {may.manage && <td>{m.email}</td>}
                    <td>{t(`directory.role.${m.role}`)}</td>
                    <td>
                      <time datetime={m.created_at}>{fmt.date(m.created_at)}</time>
                    </td>
                    {may.manage && (
                      <td>
                        <form method="post" action={`${base}/members/role`} class="inline-form">
                          <CsrfField />
                          <input type="hidden" name="user_id" value={String(m.user_id)} />
                          <label class="visually-hidden" for={`role-${m.user_id}`}>
                            {t('directory.members.roleOf', { name: m.name })}
                          </label>
                          <select id={`role-${m.user_id}`} name="role">
                            {roleOptions.map((o) => (
                              <option value={o.value} selected={o.value === m.role}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                          <button type="submit" class="button secondary small">
                            {t('directory.members.changeRole')}
                            <span class="visually-hidden"> {m.name}</span>
                          </button>
                        </form>{' '}
                        {m.user_id !== props.viewerId && (
                          <form method="post" action={`${base}/members/remove`} class="inline-form">
                            <CsrfField />
                            <input type="hidden" name="user_id" value={String(m.user_id)} />
                            <button type="submit" class="button danger small">
                              {t('directory.members.remove')}
                              <span class="visually-hidden"> {m.name}</span>
                            </button>
                          </form>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {may.transfer && others.length > 0 && (
        <section>
          <h2>{t('directory.members.transferTitle')}</h2>
          <Form action={`${base}/members/transfer`}>
            <SelectField
              name="user_id"
              label="directory.members.transferTo"
              hint="directory.members.transferHint"
              options={others.map((m) => ({ value: String(m.user_id), label: m.name }))}
            />
            <Submit label="directory.members.transfer" variant="secondary" />
          </Form>
        </section>
      )}

      {may.manage && (
        <section>
          <h2>{t('directory.members.inviteTitle')}</h2>
          <Form action={`${base}/members/invite`} state={props.invite} id="invite">
            <Field
              name="email"
              label="directory.members.inviteEmail"
              hint="directory.members.inviteHint"
              type="email"
              autocomplete="off"
              required
              maxlength={254}
              state={props.invite}
            />
            <SelectField
              name="role"
              label="directory.members.role"
              initial="editor"
              options={roleOptions}
              state={props.invite}
            />
            <Submit label="directory.members.invite" />
          </Form>
          {props.invitations.length > 0 && (
            <>
              <h3>{t('directory.members.pendingTitle')}</h3>
              <ul class="plain">
                {props.invitations.map((i) => (
                  <li>
                    {t('directory.members.pendingItem', {
                      email: i.email,
                      role: t(`directory.role.${i.role}`),
                      date: fmt.date(i.expires_at),
                    })}{' '}
                    <form method="post" action={`${base}/members/revoke`} class="inline-form">
                      <CsrfField />
                      <input type="hidden" name="invitation_id" value={String(i.id)} />
                      <button type="submit" class="button secondary small">
                        {t('directory.members.revoke')}
                        <span class="visually-hidden"> {i.email}</span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {props.viewerRole !== null && (
        <DangerZone
          summary={t('directory.members.leave')}
          action={`${base}/members/leave`}
          warning={t('directory.members.leaveWarning', { name: org.name })}
          confirm={t('directory.members.leave')}
        />
      )}
    </div>
  );
}

function LogoSection(props: MembersPageProps) {
  const { t } = usePage();
  const { org, logo } = props;
  return (
    <ImageSection
      id="logo"
      title={t('directory.logo.title')}
      image={
        logo && (
          <p>
            <img
              src={logoUrl(org.slug, logo)}
              width={logo.fullWidth}
              height={logo.fullHeight}
              alt={t('directory.logo.alt', { name: org.name })}
            />
          </p>
        )
      }
      none={t('directory.logo.none')}
      action={`/directory/${org.slug}/logo`}
      field={{
        name: 'logo',
        label: 'directory.logo.file',
        hint: 'directory.logo.hint',
        maxBytes: LOGO_MAX_BYTES,
      }}
      refusal={props.logoError}
      upload="directory.logo.upload"
      remove={t('directory.logo.remove')}
    />
  );
}
