// One clipping: the article's own title (in its language), the reader's translation where there
// is one (marked as a translation), outlet, day, a link out to the article, the summary, what it
// covers and the screenshot. Editors also see the buttons to edit or delete it.
import { renderMarkdown } from '../../../platform/markdown.ts';
import { CsrfField } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type ClippingDetails, translationFor } from '../access.ts';
import { type ScreenshotInfo, screenshotUrl } from '../screenshot.ts';

export function ClippingView(props: {
  clipping: ClippingDetails;
  screenshot?: ScreenshotInfo;
  canWrite: boolean;
}) {
  const { t, fmt, locale } = usePage();
  const { clipping, screenshot } = props;
  const translation = translationFor(clipping, locale);
  const outletHref = `/press?outlet=${encodeURIComponent(clipping.outlet)}`;
  return (
    <article class="wrap clipping">
      <Breadcrumb trail={[{ href: '/press', label: t('press.title') }]} />
      <header class="page-head">
        <div>
          <h1 lang={clipping.lang}>{clipping.title}</h1>
          {translation?.title && (
            <p class="lead" lang={translation.lang}>
              {translation.title}{' '}
              <span class="hint">
                ({t('press.translatedFrom', { language: fmt.language(clipping.lang) })})
              </span>
            </p>
          )}
          <p class="muted">
            <a href={outletHref}>{clipping.outlet}</a>
            {' · '}
            <time datetime={clipping.published_on}>{fmt.day(clipping.published_on)}</time>
            {' · '}
            {fmt.language(clipping.lang)}
          </p>
        </div>
        {props.canWrite && (
          <div class="actions">
            <a class="button secondary" href={`/press/${clipping.id}/edit`}>
              {t('press.edit')}
            </a>
            <form method="post" action={`/press/${clipping.id}/delete`} class="inline-form">
              <CsrfField />
              <button type="submit" class="button danger">
                {t('press.delete')}
              </button>
            </form>
          </div>
        )}
      </header>

      <p>
        {/* The article is someone else's page: no referrer, and it gets no handle on this window. */}
        <a class="button" href={clipping.url} rel="noopener noreferrer external">
          {t('press.readOriginal', { outlet: clipping.outlet })}
        </a>
      </p>

      {clipping.summary && (
        <section
          class="prose"
          lang={clipping.lang}
          // Markdown written by editors, rendered and sanitised (see platform/markdown.ts).
          dangerouslySetInnerHTML={{ __html: renderMarkdown(clipping.summary) }}
        />
      )}
      {translation?.summary && (
        <section>
          <h2>{t('press.summaryTranslated', { language: fmt.language(translation.lang) })}</h2>
          <div
            class="prose"
            lang={translation.lang}
            dangerouslySetInnerHTML={{ __html: renderMarkdown(translation.summary) }}
          />
        </section>
      )}

      <dl class="facts">
        {clipping.event?.published && (
          <>
            <dt>{t('press.event')}</dt>
            <dd>
              <a href={`/events/${clipping.event.slug}`} lang={clipping.event.lang}>
                {clipping.event.title}
              </a>
            </dd>
          </>
        )}
        {clipping.covers && (
          <>
            <dt>{t('press.covers')}</dt>
            <dd>
              {clipping.covers_url ? (
                <a href={clipping.covers_url} rel="noopener noreferrer">
                  {clipping.covers}
                </a>
              ) : (
                clipping.covers
              )}
            </dd>
          </>
        )}
        {clipping.outlet_url && (
          <>
            <dt>{t('press.outletWebsite')}</dt>
            <dd>
              <a href={clipping.outlet_url} rel="noopener noreferrer">
                {clipping.outlet_url}
              </a>
            </dd>
          </>
        )}
      </dl>

      {screenshot && (
        <figure class="screenshot">
          <a href={screenshotUrl(clipping.id, screenshot)}>
            <img
              src={screenshotUrl(clipping.id, screenshot, 'thumb')}
              alt={t('press.screenshotAlt', { outlet: clipping.outlet })}
              width={screenshot.thumbWidth}
              height={screenshot.thumbHeight}
              loading="lazy"
            />
          </a>
          <figcaption class="hint">{t('press.screenshotCaption')}</figcaption>
        </figure>
      )}
      <ReportLink type="press-clipping" recordKey={clipping.id} />
    </article>
  );
}
