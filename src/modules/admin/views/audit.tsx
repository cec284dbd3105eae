// /admin/audit: who changed what, when and from where, newest first, filtered by action, who,
// and record; "older entries" continues below the last one shown.
import { activeFilters, FilterInput, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { pageHref } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { AuditRow } from '../listing.ts';
import type { AuditFilter } from '../schemas.ts';
import { AdminBreadcrumb, Downloads, Table } from './parts.tsx';

function AuditFilters({ filter, actions }: { filter: AuditFilter; actions: string[] }) {
  const { t } = usePage();
  return (
    <FilterPanel action="/admin/audit" active={activeFilters(filter, ['before'])}>
      <FilterSelect
        name="action"
        label={t('admin.auditAction')}
        value={filter.action}
        any={t('admin.anyAction')}
        options={actions.map((a) => ({ value: a, label: a }))}
      />
      <FilterInput
        name="actor"
        type="search"
        label={t('admin.auditActor')}
        value={filter.actor}
        maxlength={100}
      />
      <FilterInput
        name="subject_type"
        label={t('admin.auditSubjectType')}
        value={filter.subject_type}
        maxlength={50}
      />
      <FilterInput
        name="subject_id"
        label={t('admin.auditSubjectId')}
        value={filter.subject_id}
        maxlength={100}
      />
    </FilterPanel>
  );
}

function AuditTable({ entries }: { entries: AuditRow[] }) {
  const { t, fmt } = usePage();
  return (
    <Table
      head={[
        'admin.auditWhen',
        'admin.auditActor',
        'admin.auditAction',
        'admin.auditSubject',
        'admin.auditDetails',
        'admin.auditFrom',
      ]}
    >
      {entries.map((e) => (
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
    </Table>
  );
}

export function AuditView(props: {
  entries: AuditRow[];
  hasMore: boolean;
  filter: AuditFilter;
  actions: string[];
}) {
  const { t, here } = usePage();
  const last = props.entries.at(-1);
  return (
    <div class="wrap">
      <AdminBreadcrumb />
      <h1>{t('admin.audit')}</h1>
      <AuditFilters filter={props.filter} actions={props.actions} />
      <div class="list-tools">
        <Downloads path="/admin/audit/export" />
      </div>
      {props.entries.length === 0 ? <p>{t('list.empty')}</p> : <AuditTable entries={props.entries} />}
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
