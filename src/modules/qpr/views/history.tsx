// A section's history: every version (when, by whom), what changed between two of them (words
// added and removed, marked with <ins> and <del> so they are said, not only coloured), and the
// button that restores one.
import { CsrfField } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type Report, reportPath } from '../access.ts';
import type { DiffPart } from '../diff.ts';

export interface VersionLine {
  version: number;
  author: string | null;
  created_at: string;
}

export function HistoryView(props: {
  report: Report;
  code: string;
  title: string;
  versions: VersionLine[];
  compared: { from: number; to: number; parts: DiffPart[]; lang: string } | null;
  canRestore: boolean;
  current: number;
}) {
  const { t, fmt } = usePage();
  const path = `${reportPath(props.report)}/sections/${props.code}`;
  return (
    <div class="wrap stack">
      <Breadcrumb
        trail={[
          {
            href: reportPath(props.report),
            label: t('qpr.reportTitle', {
              country: fmt.country(props.report.country),
              cycle: props.report.cycle,
            }),
          },
          { href: path, label: props.title },
        ]}
      />
      <h1>{t('qpr.historyOf', { section: props.title })}</h1>
      {props.compared && (
        <section>
          <h2>{t('qpr.changes', { from: props.compared.from, to: props.compared.to })}</h2>
          <p class="hint">{t('qpr.diffHint')}</p>
          <div class="card message-body" lang={props.compared.lang}>
            {props.compared.parts.map((p) =>
              p.kind === 'added' ? <ins>{p.text}</ins> : p.kind === 'removed' ? <del>{p.text}</del> : p.text,
            )}
          </div>
        </section>
      )}
      {props.versions.length === 0 ? (
        <p>{t('qpr.noVersions')}</p>
      ) : (
        <ol reversed class="stack">
          {props.versions.map((v) => (
            <li>
              {t('qpr.versionLine', {
                version: v.version,
                date: fmt.dateTime(v.created_at),
                name: v.author ?? '—',
              })}
              {v.version > 1 && (
                <>
                  {' '}
                  ·{' '}
                  <a href={`${path}/history?from=${v.version - 1}&to=${v.version}`}>
                    {t('qpr.compareWithPrevious')}
                  </a>
                </>
              )}
              {props.canRestore && v.version !== props.current && (
                <form method="post" action={`${path}/restore`} class="inline-form">
                  <CsrfField />
                  <input type="hidden" name="version" value={String(v.version)} />
                  <button type="submit" class="button secondary">
                    {t('qpr.restore', { version: v.version })}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
