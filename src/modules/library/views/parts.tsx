// Small pieces the library's pages share: the way back to the library, Markdown written by editors,
// a document's title in the reader's language, its line of facts, labels of places and dates, and
// the citation formats of a list.
import type { Child } from 'hono/jsx';
import { renderMarkdown } from '../../../platform/markdown.ts';
import type { Format } from '../../../ui/components/list-tools.tsx';
import { Breadcrumb, type Crumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { DocumentDetails } from '../access.ts';
import { placeLabel } from '../feed.ts';

/** The way back: the library, then the collections, then the record when the page is under them. */
export function LibraryBreadcrumb(props: { collections?: boolean; record?: Crumb | false }) {
  const { t } = usePage();
  return (
    <Breadcrumb
      trail={[
        { href: '/library', label: t('library.title') },
        props.collections && { href: '/library/collections', label: t('library.collections') },
        props.record,
      ]}
    />
  );
}

/** Markdown written by editors, rendered and sanitised (see platform/markdown.ts). */
export function Prose({ markdown, lang }: { markdown: string; lang: string }) {
  return <section class="prose" lang={lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}

/** A country's name, or a region's label. */
export function usePlaceLabel(): (code: string) => string {
  const { t, fmt } = usePage();
  return (code) => placeLabel(code, t, fmt);
}

/** The title and summary in the reader's language where a translation has them. */
export function localised(doc: DocumentDetails, locale: string) {
  const tr = doc.lang === locale ? undefined : doc.translations.find((x) => x.lang === locale);
  return {
    title: tr?.title || doc.title,
    titleLang: tr?.title ? tr.lang : doc.lang,
    translatedTitle: !!tr?.title,
    summary: tr?.summary || doc.summary,
    summaryLang: tr?.summary ? tr.lang : doc.lang,
    translatedSummary: !!tr?.summary,
  };
}

/** One line under a title: kind, number, issuer, date. */
export function DocumentFacts({ doc }: { doc: DocumentDetails }) {
  const { t, fmt } = usePage();
  const issuer = doc.issuer?.name ?? doc.issuer_name;
  return (
    <p class="muted">
      {[
        t(`library.kind.${doc.kind}`),
        doc.official_number,
        issuer,
        doc.issued_on ? fmt.day(doc.issued_on) : null,
      ]
        .filter(Boolean)
        .join(' · ')}
      {doc.status && <span class={`badge status-${doc.status}`}> {t(`library.status.${doc.status}`)}</span>}
      {!doc.published_at && <span class="badge muted"> {t('library.unpublishedBadge')}</span>}
    </p>
  );
}

export function DocumentCard({ doc, level = 'h2' }: { doc: DocumentDetails; level?: 'h2' | 'h3' }) {
  const { locale } = usePage();
  const text = localised(doc, locale);
  const link = (
    <a href={`/library/${doc.slug}`} lang={text.titleLang}>
      {text.title}
    </a>
  );
  return (
    <li class="card document-card">
      {level === 'h2' ? <h2 class="card-title">{link}</h2> : <h3 class="card-title">{link}</h3>}
      {text.translatedTitle && (
        <p class="subtitle" lang={doc.lang}>
          {doc.title}
        </p>
      )}
      <DocumentFacts doc={doc} />
    </li>
  );
}

/** The documents as cards (in an ordered list when their order means something), or `empty`. */
export function DocumentList(props: { docs: DocumentDetails[]; ordered?: boolean; empty: Child }) {
  if (props.docs.length === 0) return <>{props.empty}</>;
  const cards = props.docs.map((doc) => <DocumentCard doc={doc} />);
  return props.ordered ? (
    <ol class="plain stack document-list">{cards}</ol>
  ) : (
    <ul class="plain stack document-list">{cards}</ul>
  );
}

export const CITATIONS: readonly Format[] = [
  ['ris', 'RIS'],
  ['bib', 'BibTeX'],
];
