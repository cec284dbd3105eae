// Administration pages.

import type { z } from 'zod';
import { ROLES, type User } from '../../db/schema.ts';
import { CsrfField } from '../../ui/components/form.tsx';
import { Pagination, pageHref } from '../../ui/components/pagination.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { auditFilterSchema, userFilterSchema } from './schemas.ts';
import { type listAudit, USER_STATUSES } from './store.ts';

export function AdminHomeView({
  roles,
  outbox,
}: {
  roles: Record<string, number>;
  outbox: { pending: number; failing: number };
}) {
  const { t, fmt } = usePage();
  return (
    <div class="wrap">
      <h1>{t('admin.title')}</h1>
      <div class="grid">
        <section class="card">
          <h2>
            <a href="/admin/users">{t('admin.users')}</a>
          </h2>
          <dl class="figures">
            {ROLES.map((r) => (
              <div>
                <dt>{t(`role.${r}`)}</dt>
                <dd>{fmt.number(roles[r] ?? 0)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section class="card">
          <h2>
            <a href="/admin/audit">{t('admin.audit')}</a>
          </h2>
          <p>{t('admin.auditIntro')}</p>
        </section>
        <section class="card">
          <h2>{t('admin.outbox')}</h2>
          <p>{t('admin.outboxStatus', { pending: outbox.pending, failing: outbox.failing })}</p>
        </section>
      </div>
    </div>
  );
}

function statusOf(user: User): (typeof USER_STATUSES)[number] {
  if (user.disabled_at) return 'disabled';
  if (!user.email_verified_at) return 'unverified';
  return 'active';
}

export function UsersView(props: {
  users: User[];
  total: number;
  filter: z.infer<typeof userFilterSchema>;
  pageSize: number;
}) {
  const { t, fmt, here, user: me } = usePage();
  const { filter } = props;
  const back = encodeURIComponent(here);
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/admin">{t('admin.title')}</a>
      </p>
      <h1>{t('admin.users')}</h1>
      <form method="get" action="/admin/users" class="filters">
        <div class="field">
          <label for="q">{t('admin.searchUsers')}</label>
          <input id="q" type="search" name="q" value={filter.q ?? ''} maxlength={100} />
        </div>
        <div class="field">
          <label for="role">{t('admin.role')}</label>
          <select id="role" name="role">
            <option value="">{t('admin.anyRole')}</option>
            {ROLES.map((r) => (
              <option value={r} selected={filter.role === r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="status">{t('admin.status')}</label>
          <select id="status" name="status">
            <option value="">{t('admin.anyStatus')}</option>
            {USER_STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {t(`admin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('list.filter')}
        </button>
      </form>
      <p role="status">{t('list.count', { count: props.total })}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.joined')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('admin.accountActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr>
                <td>
                  {u.name}
                  <br />
                  <small class="muted">{u.email}</small>
                </td>
                <td>
                  <form method="post" action={`/admin/users/${u.id}/role?back=${back}`} class="inline-form">
                    <CsrfField />
                    <label class="visually-hidden" for={`role-${u.id}`}>
                      {t('admin.roleOf', { name: u.name })}
                    </label>
                    <select id={`role-${u.id}`} name="role">
                      {ROLES.map((r) => (
                        <option value={r} selected={u.role === r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="button small secondary">
                      {t('admin.changeRole')}
                    </button>
                  </form>
                </td>
                <td>{t(`admin.status.${statusOf(u)}`)}</td>
                <td>{fmt.date(u.created_at)}</td>
                <td>
                  {u.id !== me?.id && (
                    <form
                      method="post"
                      action={`/admin/users/${u.id}/${u.disabled_at ? 'enable' : 'disable'}?back=${back}`}
                      class="inline-form"
                    >
                      <CsrfField />
                      <button
                        type="submit"
                        class={u.disabled_at ? 'button small secondary' : 'button small danger'}
                      >
                        {u.disabled_at ? t('admin.enable') : t('admin.disable')}
                        <span class="visually-hidden"> {u.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}

type AuditRow = Awaited<ReturnType<typeof listAudit>>['entries'][number];

export function AuditView(props: {
  entries: AuditRow[];
  hasMore: boolean;
  filter: z.infer<typeof auditFilterSchema>;
  actions: string[];
}) {
  const { t, fmt, here } = usePage();
  const { filter } = props;
  const last = props.entries.at(-1);
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/admin">{t('admin.title')}</a>
      </p>
      <h1>{t('admin.audit')}</h1>
      <form method="get" action="/admin/audit" class="filters">
        <div class="field">
          <label for="action">{t('admin.auditAction')}</label>
          <select id="action" name="action">
            <option value="">{t('admin.anyAction')}</option>
            {props.actions.map((a) => (
              <option value={a} selected={filter.action === a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="actor">{t('admin.auditActor')}</label>
          <input id="actor" type="search" name="actor" value={filter.actor ?? ''} maxlength={100} />
        </div>
        <div class="field">
          <label for="subject_type">{t('admin.auditSubjectType')}</label>
          <input id="subject_type" name="subject_type" value={filter.subject_type ?? ''} maxlength={50} />
        </div>
        <div class="field">
          <label for="subject_id">{t('admin.auditSubjectId')}</label>
          <input id="subject_id" name="subject_id" value={filter.subject_id ?? ''} maxlength={100} />
        </div>
        <button type="submit" class="button">
          {t('list.filter')}
        </button>
      </form>
      {props.entries.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.auditWhen')}</th>
                <th scope="col">{t('admin.auditActor')}</th>
                <th scope="col">{t('admin.auditAction')}</th>
                <th scope="col">{t('admin.auditSubject')}</th>
                <th scope="col">{t('admin.auditDetails')}</th>
                <th scope="col">{t('admin.auditFrom')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((e) => (
                <tr>
                  <td>
                    <time datetime={e.at}>{fmt.dateTime(e.at)}</time>
                  </td>
                  <td>
                    {e.actor_id === null
                      ? t('audit.system')
                      : (e.actor_name ?? t('admin.auditDeletedUser', { id: e.actor_id }))}
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.subject_type ? `${e.subject_type} #${e.subject_id}` : ''}</td>
                  <td>
                    <code class="details">{e.details ?? ''}</code>
                  </td>
                  <td>
                    <small>
                      {e.ip ?? ''}
                      {e.request_id && (
                        <>
                          <br />
                          <span class="muted">{e.request_id}</span>
                        </>
                      )}
                    </small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.hasMore && last && (
        <nav class="pagination" aria-label={t('list.pagination')}>
          <span />
          <a href={pageHref(here, { before: last.id })} rel="next">
            {t('list.older')}
          </a>
        </nav>
      )}
    </div>
  );
}
