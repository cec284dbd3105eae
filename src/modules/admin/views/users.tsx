// /admin/users: the accounts, searched by name or address and filtered by role and status, each
// with its role form and the button that disables (or enables) it.
import { ROLES, type User } from '../../../db/schema.ts';
import { activeFilters, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { CsrfField } from '../../../ui/components/form.tsx';
import { WordsFilter } from '../../../ui/components/list-filters.tsx';
import { ListTools } from '../../../ui/components/list-tools.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { UserFilter } from '../schemas.ts';
import { statusOf, USER_STATUSES } from '../vocab.ts';
import { AdminBreadcrumb, Downloads, Table } from './parts.tsx';

function UserFilters({ filter }: { filter: UserFilter }) {
  const { t } = usePage();
  return (
    <FilterPanel action="/admin/users" active={activeFilters(filter)}>
      <WordsFilter label={t('admin.searchUsers')} value={filter.q} maxlength={100} />
      <FilterSelect
        name="role"
        label={t('admin.role')}
        value={filter.role}
        any={t('admin.anyRole')}
        options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      />
      <FilterSelect
        name="status"
        label={t('admin.status')}
        value={filter.status}
        any={t('admin.anyStatus')}
        options={USER_STATUSES.map((s) => ({ value: s, label: t(`admin.status.${s}`) }))}
      />
    </FilterPanel>
  );
}

/** The role of an account, changed in place. */
function RoleForm({ user, back }: { user: User; back: string }) {
  const { t } = usePage();
  return (
    <form method="post" action={`/admin/users/${user.id}/role?back=${back}`} class="inline-form">
      <CsrfField />
      <label class="visually-hidden" for={`role-${user.id}`}>
        {t('admin.roleOf', { name: user.name })}
      </label>
      <select id={`role-${user.id}`} name="role">
        {ROLES.map((r) => (
          <option value={r} selected={user.role === r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <button type="submit" class="button small secondary">
        {t('admin.changeRole')}
      </button>
    </form>
  );
}

function DisableForm({ user, back }: { user: User; back: string }) {
  const { t } = usePage();
  return (
    <form
      method="post"
      action={`/admin/users/${user.id}/${user.disabled_at ? 'enable' : 'disable'}?back=${back}`}
      class="inline-form"
    >
      <CsrfField />
      <button type="submit" class={user.disabled_at ? 'button small secondary' : 'button small danger'}>
        {user.disabled_at ? t('admin.enable') : t('admin.disable')}
        <span class="visually-hidden"> {user.name}</span>
      </button>
    </form>
  );
}

/** Turns off a member's two-factor sign-in (they lost their phone and their recovery codes). */
function TwoFactorReset({ user, back }: { user: User; back: string }) {
  const { t } = usePage();
  return (
    <form method="post" action={`/admin/users/${user.id}/two-factor-reset?back=${back}`} class="inline-form">
      <CsrfField />
      <button type="submit" class="button small secondary">
        {t('admin.resetTwoFactor')}
        <span class="visually-hidden"> {user.name}</span>
      </button>
    </form>
  );
}

export function UsersView(props: {
  users: User[];
  /** The accounts of the page that sign in with a second step. */
  twoFactor: ReadonlySet<number>;
  total: number;
  filter: UserFilter;
  pageSize: number;
}) {
  const { t, fmt, here, user: me } = usePage();
  const back = encodeURIComponent(here);
  return (
    <div class="wrap">
      <AdminBreadcrumb />
      <h1>{t('admin.users')}</h1>
      <UserFilters filter={props.filter} />
      <ListTools total={props.total}>
        <Downloads path="/admin/users/export" />
      </ListTools>
      <Table
        head={[
          'admin.name',
          'admin.role',
          'admin.status',
          'admin.joined',
          { hidden: 'admin.accountActions' },
        ]}
      >
        {props.users.map((u) => (
          <tr>
            <td>
              {u.name}
              <br />
              <small class="muted">{u.email}</small>
            </td>
            <td>
              <RoleForm user={u} back={back} />
            </td>
            <td>
              {t(`admin.status.${statusOf(u)}`)}
              {props.twoFactor.has(u.id) && (
                <>
                  <br />
                  <small>{t('admin.twoFactorOn')}</small>
                </>
              )}
            </td>
            <td>{fmt.date(u.created_at)}</td>
            <td>
              {u.id !== me?.id && <DisableForm user={u} back={back} />}
              {u.id !== me?.id && props.twoFactor.has(u.id) && <TwoFactorReset user={u} back={back} />}
            </td>
          </tr>
        ))}
      </Table>
      <Pagination page={props.filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
