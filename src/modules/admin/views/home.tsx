// /admin: how many accounts of each role, the way to the audit log, the outgoing mail, the jobs and
// the countries' focal points.
import { ROLES } from '../../../db/schema.ts';
import { usePage } from '../../../ui/page-context.ts';

export function AdminHomeView({
  roles,
  outbox,
  jobs,
}: {
  roles: Record<string, number>;
  outbox: { pending: number; failing: number };
  jobs: { queued: number; failed: number };
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
        <section class="card">
          <h2>
            <a href="/admin/jobs">{t('admin.jobs')}</a>
          </h2>
          <p>{t('admin.jobsStatus', { queued: jobs.queued, failed: jobs.failed })}</p>
        </section>
        <section class="card">
          <h2>
            <a href="/admin/site">{t('admin.site')}</a>
          </h2>
          <p>{t('admin.siteIntro')}</p>
          <p>
            <a href="/admin/pages">{t('admin.sitePages')}</a>
          </p>
        </section>
        <section class="card">
          <h2>
            <a href="/admin/focal-points">{t('admin.focalPoints.title')}</a>
          </h2>
          <p>{t('admin.focalPoints.intro')}</p>
        </section>
      </div>
    </div>
  );
}
