// /admin/jobs: the recurring jobs (schedule, next and last run, the error of a failing one), what
// runs now, what waits, and the failed jobs with their error (docs/jobs.md).
import type { Job } from '../../../db/schema.ts';
import type { JobsOverview } from '../../../platform/jobs/index.ts';
import { parseSchedule } from '../../../platform/jobs/index.ts';
import { usePage } from '../../../ui/page-context.ts';
import { AdminBreadcrumb, Table } from './parts.tsx';

function When({ at }: { at: string | null }) {
  const { fmt } = usePage();
  return at ? <time datetime={at}>{fmt.dateTime(at)}</time> : <>—</>;
}

function ScheduleText({ text }: { text: string | null }) {
  const { t } = usePage();
  if (!text) return <>—</>;
  const s = parseSchedule(text);
  return (
    <>
      {'everyMinutes' in s
        ? t('admin.jobEveryMinutes', { minutes: s.everyMinutes })
        : t('admin.jobDailyAt', { time: s.dailyAt, zone: s.zone })}
    </>
  );
}

/** The error's first line, the whole of it (stack included) folded under it. */
function ErrorText({ error }: { error: string | null }) {
  if (!error) return <>—</>;
  const [first = '', ...rest] = error.split('\n');
  if (!rest.length) return <>{first}</>;
  return (
    <details>
      <summary>{first}</summary>
      <pre>{rest.join('\n')}</pre>
    </details>
  );
}

function Section(props: { title: string; count: number; shown: number; children: unknown }) {
  const { t } = usePage();
  return (
    <section>
      <h2>
        {props.title} ({props.count})
      </h2>
      {props.count === 0 ? <p>{t('admin.jobsNone')}</p> : props.children}
      {props.count > props.shown && <p>{t('admin.jobsMore', { count: props.count - props.shown })}</p>}
    </section>
  );
}

export function JobsView({ jobs }: { jobs: JobsOverview }) {
  const { t } = usePage();
  const oneOff = (rows: Job[], when: 'run_at' | 'last_started_at') =>
    rows.map((j) => (
      <tr>
        <td>
          <code>{j.name}</code> #{j.id}
        </td>
        <td>
          <When at={j[when]} />
        </td>
        <td>{j.attempts}</td>
        <td>
          <ErrorText error={j.last_error} />
        </td>
      </tr>
    ));
  return (
    <div class="wrap">
      <AdminBreadcrumb />
      <h1>{t('admin.jobs')}</h1>
      <p>{t('admin.jobsIntro')}</p>
      <Section title={t('admin.jobsFailed')} count={jobs.counts.failed} shown={jobs.failed.length}>
        <Table head={['admin.jobName', 'admin.jobLast', 'admin.jobAttempts', 'admin.jobError']}>
          {oneOff(jobs.failed, 'last_started_at')}
        </Table>
      </Section>
      <Section title={t('admin.jobsRecurring')} count={jobs.recurring.length} shown={jobs.recurring.length}>
        <Table
          head={['admin.jobName', 'admin.jobSchedule', 'admin.jobNext', 'admin.jobLast', 'admin.jobError']}
        >
          {jobs.recurring.map((j) => (
            <tr>
              <td>
                <code>{j.name}</code>
              </td>
              <td>
                <ScheduleText text={j.schedule} />
              </td>
              <td>
                <When at={j.run_at} />
              </td>
              <td>
                <When at={j.last_finished_at} />
              </td>
              <td>
                <ErrorText error={j.last_error} />
              </td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title={t('admin.jobsRunning')} count={jobs.counts.running} shown={jobs.running.length}>
        <Table head={['admin.jobName', 'admin.jobStarted', 'admin.jobAttempts', 'admin.jobError']}>
          {oneOff(jobs.running, 'last_started_at')}
        </Table>
      </Section>
      <Section title={t('admin.jobsQueued')} count={jobs.counts.queued} shown={jobs.queued.length}>
        <Table head={['admin.jobName', 'admin.jobDue', 'admin.jobAttempts', 'admin.jobError']}>
          {oneOff(jobs.queued, 'run_at')}
        </Table>
      </Section>
    </div>
  );
}
