// One measure: its title (and the reader's translation), country, year, status and source, what
// it is and does, its budget, bodies and partners, its goals, areas, domains and stages (each a link
// to the list filtered by it), the documents it rests on and the event it was presented at.
import type { Child } from 'hono/jsx';
import { renderMarkdown } from '../../../platform/markdown.ts';
import { CsrfField } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type MeasureDetails, translationFor } from '../access.ts';

function Prose(props: { title: string; text: string; lang: string }) {
  if (!props.text.trim()) return null;
  return (
    <section>
      <h2>{props.title}</h2>
      {/* Markdown, rendered and sanitised (platform/markdown.ts). */}
      <div class="prose" lang={props.lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(props.text) }} />
    </section>
  );
}

export function MeasureView(props: { measure: MeasureDetails; canEdit: boolean }) {
  const { t, fmt, locale } = usePage();
  const m = props.measure;
  const translation = translationFor(m, locale);
  const link = (param: string, code: string, label: string) => (
    <a href={`/measures?${param}=${encodeURIComponent(code)}`}>{label}</a>
  );
  const links = (param: string, codes: string[], label: (code: string) => string): Child =>
    codes.map((code, i) => (
      <>
        {i > 0 && ', '}
        {link(param, code, label(code))}
      </>
    ));
  const fact = (term: string, value: Child | null | false | undefined | '') =>
    value === null ||
    value === false ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && !value.length) ? null : (
      <>
        <dt>{term}</dt>
        <dd>{value}</dd>
      </>
    );
  const budget =
    m.budget_amount !== null
      ? `${fmt.number(m.budget_amount)}${m.budget_currency ? ` ${m.budget_currency}` : ''}`
      : t('policies.budgetNotGiven');
  return (
    <article class="wrap measure">
      <Breadcrumb trail={[{ href: '/measures', label: t('policies.title') }]} />
      <header class="page-head">
        <div>
          <h1 lang={m.lang}>{m.title}</h1>
          {translation?.title && (
            <p class="lead" lang={translation.lang}>
              {translation.title}{' '}
              <span class="hint">({t('policies.translatedFrom', { language: fmt.language(m.lang) })})</span>
            </p>
          )}
          <p class="muted">
            {link('country', m.country, fmt.country(m.country))} · {m.report_year} ·{' '}
            {t(`policies.status.${m.status}` as never)} · {t(`policies.source.${m.source}` as never)}
          </p>
        </div>
        {props.canEdit && (
          <div class="actions">
            <a class="button secondary" href={`/measures/${m.id}/edit`}>
              {t('policies.edit')}
            </a>
            <form method="post" action={`/measures/${m.id}/delete`} class="inline-form">
              <CsrfField />
              <button type="submit" class="button danger">
                {t('policies.delete')}
              </button>
            </form>
          </div>
        )}
      </header>

      <Prose title={t('policies.description')} text={m.description} lang={m.lang} />
      {translation?.description && (
        <Prose
          title={t('policies.descriptionTranslated', { language: fmt.language(translation.lang) })}
          text={translation.description}
          lang={translation.lang}
        />
      )}
      <Prose title={t('policies.mainFeatures')} text={m.main_features} lang={m.lang} />
      <Prose title={t('policies.expectedResults')} text={m.expected_results} lang={m.lang} />
      <Prose title={t('policies.achievedResults')} text={m.achieved_results} lang={m.lang} />

      <dl class="facts">
        {fact(
          t('policies.implementingBodies'),
          m.bodies.map((b, i) => (
            <>
              {i > 0 && '; '}
              {b.slug ? <a href={`/directory/${b.slug}`}>{b.name}</a> : b.name}
            </>
          )),
        )}
        {fact(
          t('policies.partners'),
          m.partners.map((p, i) => (
            <>
              {i > 0 && '; '}
              {p.name} ({t(`policies.sector.${p.sector}` as never)})
            </>
          )),
        )}
        {fact(t('policies.budget'), m.budget_note ? `${budget} — ${m.budget_note}` : budget)}
        {fact(
          t('policies.goals'),
          links('goal', m.tags.goal, (c) => t(`policies.goal.${c}` as never)),
        )}
        {fact(
          t('policies.areas'),
          links('area', m.tags.area, (c) => t(`policies.area.${c}` as never)),
        )}
        {fact(
          t('policies.domains'),
          links('domain', m.tags.domain, (c) => t(`vocab.domain.${c}` as never)),
        )}
        {fact(
          t('policies.stages'),
          links('stage', m.tags.stage, (c) => t(`vocab.stage.${c}` as never)),
        )}
        {fact(
          t('policies.targetGroups'),
          links('target', m.tags.target, (c) => t(`policies.target.${c}` as never)),
        )}
        {fact(t('policies.youth'), m.youth ? link('youth', '1', t('policies.yes')) : t('policies.no'))}
        {fact(t('policies.evaluated'), m.evaluated ? t('policies.yes') : t('policies.no'))}
        {fact(
          t('policies.documents'),
          m.documents.map((d, i) => (
            <>
              {i > 0 && '; '}
              <a href={`/library/${d.slug}`} lang={d.lang}>
                {d.title}
              </a>
            </>
          )),
        )}
        {fact(
          t('policies.event'),
          m.event?.published && (
            <a href={`/events/${m.event.slug}`} lang={m.event.lang}>
              {m.event.title}
            </a>
          ),
        )}
        {fact(
          t('policies.website'),
          m.website && (
            <a href={m.website} rel="noopener noreferrer external">
              {m.website}
            </a>
          ),
        )}
      </dl>
      {m.evaluated === 1 && (
        <Prose title={t('policies.evaluationFindings')} text={m.evaluation_findings} lang={m.lang} />
      )}
      <ReportLink type="policy-measure" recordKey={m.id} />
    </article>
  );
}
