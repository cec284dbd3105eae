// A document's page: what it is, who issued it, when, where it applies, the same document in other
// languages, its files (files.tsx), what it replaces or what replaced it, how to cite it, the link
// to report a problem with it, and for editors the buttons to edit, publish, withdraw or delete it.
import type { Domain } from '../../../platform/vocabularies.ts';
import { DangerZone } from '../../../ui/components/danger-zone.tsx';
import { CsrfField } from '../../../ui/components/form.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { DocumentDetails, DocumentLink } from '../access.ts';
import type { LanguageVersionLink } from '../language-versions.ts';
import { DocumentFilesSection } from './files.tsx';
import { DocumentFacts, LibraryBreadcrumb, localised, Prose, usePlaceLabel } from './parts.tsx';

function Links({ list }: { list: DocumentLink[] }) {
  return (
    <ul class="plain">
      {list.map((l) => (
        <li>
          <a href={`/library/${l.slug}`}>{l.title}</a>
          {l.official_number && <span class="muted"> ({l.official_number})</span>}
        </li>
      ))}
    </ul>
  );
}

/** Themes or tags, each a link to the list filtered by it. */
function TermLinks({ filter, terms }: { filter: 'theme' | 'tag'; terms: string[] }) {
  return (
    <>
      {terms.map((term, i) => (
        <>
          {i > 0 && ', '}
          <a href={`/library?${filter}=${encodeURIComponent(term)}`}>{term}</a>
        </>
      ))}
    </>
  );
}

/** "Also in: English (original), ລາວ": each language version, linked, both ways. */
function LanguageVersions({ list }: { list: LanguageVersionLink[] }) {
  const { t, fmt } = usePage();
  if (list.length === 0) return null;
  return (
    <p class="language-versions">
      {t('library.alsoIn')}{' '}
      {list.map((l, i) => (
        <>
          {i > 0 && ', '}
          <a href={`/library/${l.slug}`} hreflang={l.lang} title={l.title}>
            {fmt.language(l.lang)}
          </a>
          {l.original && <small class="muted"> ({t('library.originalVersion')})</small>}
        </>
      ))}
    </p>
  );
}

export function DocumentView(props: {
  doc: DocumentDetails;
  may: { edit: boolean; delete: boolean; manageFiles: boolean };
}) {
  const { t, fmt, locale } = usePage();
  const placeLabel = usePlaceLabel();
  const { doc, may } = props;
  const text = localised(doc, locale);
  const day = (date: string | null) => date && <time datetime={date}>{fmt.day(date)}</time>;
  const fact = (label: string, value: unknown) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <article class="wrap document">
      <LibraryBreadcrumb />
      <header class="page-head">
        <div>
          <h1 lang={text.titleLang}>{text.title}</h1>
          {text.translatedTitle && (
            <p class="subtitle" lang={doc.lang}>
              {doc.title} <small class="muted">({t('content.original')})</small>
            </p>
          )}
          <DocumentFacts doc={doc} />
          <LanguageVersions list={doc.languageVersions} />
          {!doc.published_at && <p class="notice warning">{t('library.unpublishedNotice')}</p>}
          {doc.supersededBy.length > 0 && (
            <p class="notice">
              {t('library.supersededByNotice')}{' '}
              {doc.supersededBy.map((l, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={`/library/${l.slug}`}>{l.official_number ?? l.title}</a>
                </>
              ))}
            </p>
          )}
        </div>
        {(may.edit || may.delete) && (
          <div class="actions">
            {may.edit && (
              <a class="button secondary" href={`/library/${doc.slug}/edit`}>
                {t('library.edit')}
              </a>
            )}
            {may.manageFiles && (
              <a class="button secondary" href={`/library/${doc.slug}/files`}>
                {t('library.files')}
              </a>
            )}
            {may.edit && (
              <form
                method="post"
                action={`/library/${doc.slug}/${doc.published_at ? 'unpublish' : 'publish'}`}
                class="inline-form"
              >
                <CsrfField />
                <button type="submit" class="button secondary">
                  {doc.published_at ? t('library.unpublish') : t('library.publish')}
                </button>
              </form>
            )}
          </div>
        )}
      </header>

      {text.summary && <Prose markdown={text.summary} lang={text.summaryLang} />}
      {text.summary && (text.translatedSummary || text.summaryLang !== locale) && (
        <p class="hint">
          {text.translatedSummary
            ? t('content.translatedFrom', { language: fmt.language(doc.lang) })
            : t('content.writtenIn', { language: fmt.language(doc.lang) })}
        </p>
      )}

      {/* The text itself is what most readers came for: right after the summary. */}
      <DocumentFilesSection doc={doc} may={{ edit: may.manageFiles }} />

      <dl class="facts">
        {fact(t('library.kind'), t(`library.kind.${doc.kind}`))}
        {fact(
          t('library.languageVersionOf'),
          doc.languageVersionOf && (
            <a href={`/library/${doc.languageVersionOf.slug}`} lang={doc.languageVersionOf.lang}>
              {doc.languageVersionOf.title}
            </a>
          ),
        )}
        {fact(t('library.officialNumber'), doc.official_number)}
        {fact(
          t('library.issuer'),
          doc.issuer ? <a href={`/directory/${doc.issuer.slug}`}>{doc.issuer.name}</a> : doc.issuer_name,
        )}
        {fact(t('library.issuedOn'), day(doc.issued_on))}
        {fact(t('library.inForceFrom'), day(doc.in_force_from))}
        {fact(t('library.inForceTo'), day(doc.in_force_to))}
        {fact(t('library.status'), doc.status && t(`library.status.${doc.status}`))}
        {fact(t('library.places'), doc.places.map(placeLabel).join(', '))}
        {fact(t('library.languages'), doc.languages.map((l) => fmt.language(l)).join(', '))}
        {fact(t('library.domains'), doc.domains.map((d) => t(`vocab.domain.${d as Domain}`)).join(', '))}
        {fact(t('library.themes'), doc.themes.length > 0 && <TermLinks filter="theme" terms={doc.themes} />)}
        {fact(t('library.tags'), doc.tags.length > 0 && <TermLinks filter="tag" terms={doc.tags} />)}
        {fact(t('library.licence'), doc.licence)}
        {fact(
          t('library.source'),
          doc.source_url && (
            <a href={doc.source_url} rel="nofollow noopener">
              {doc.source_url.replace(/^https?:\/\//, '')}
            </a>
          ),
        )}
      </dl>

      {doc.supersedes.length > 0 && (
        <section>
          <h2>{t('library.supersedes')}</h2>
          <Links list={doc.supersedes} />
        </section>
      )}
      {doc.supersededBy.length > 0 && (
        <section>
          <h2>{t('library.supersededBy')}</h2>
          <Links list={doc.supersededBy} />
        </section>
      )}

      {doc.collections.length > 0 && (
        <section>
          <h2>{t('library.inCollections')}</h2>
          <ul class="plain">
            {doc.collections.map((c) => (
              <li>
                <a href={`/library/collections/${c.slug}`}>{c.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h2>{t('library.cite')}</h2>
        <p>
          <a href={`/library/${doc.slug}/cite.ris`}>RIS</a> ·{' '}
          <a href={`/library/${doc.slug}/cite.bib`}>BibTeX</a>
        </p>
      </section>

      {doc.published_at && <ReportLink type="document" recordKey={doc.slug} />}

      {may.delete && (
        <DangerZone
          summary={t('library.delete')}
          action={`/library/${doc.slug}/delete`}
          warning={t('library.deleteWarning', { title: doc.title })}
          confirm={t('library.deleteConfirm')}
        />
      )}
    </article>
  );
}
