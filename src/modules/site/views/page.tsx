// One of the operator's pages (about, privacy…): its title and cleaned Markdown, marked with its
// language when it is not the reader's (the page exists in another language only).
import { LOCALE_NAMES, type Locale } from '../../../locales/index.ts';
import { usePage } from '../../../ui/page-context.ts';

export function SitePageView({
  title,
  lang,
  html,
}: {
  title: string;
  lang: Locale | undefined;
  html: string;
}) {
  const { t, locale } = usePage();
  const other = lang && lang !== locale ? lang : undefined;
  return (
    <article class="wrap narrow" lang={other}>
      <h1>{title}</h1>
      {other && (
        <p class="notice" lang={locale}>
          {t('site.page.inLanguage', { language: LOCALE_NAMES[other] })}
        </p>
      )}
      {/* Markdown cleaned by platform/markdown.ts: no script, style or handler survives. */}
      <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
