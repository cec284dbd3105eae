// The results of a search with their marked snippets, the way to the next page, and help when
// nothing is found or nothing was asked.
import type { MessageKey } from '../../../platform/i18n.ts';
import type { SearchHit } from '../../../search/index.ts';
import { pageHref } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';

export function ResultList({ hits, typeName }: { hits: SearchHit[]; typeName: (type: string) => string }) {
  const { fmt } = usePage();
  return (
    <ol class="plain result-list">
      {hits.map((hit) => (
        <li class="result">
          <h2 class="result-title" lang={hit.lang ?? undefined}>
            <a href={hit.url}>{hit.title}</a>
          </h2>
          <p class="result-meta">
            {[
              typeName(hit.type),
              hit.lang ? fmt.language(hit.lang) : '',
              hit.country ? fmt.country(hit.country) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <p class="snippet" lang={hit.lang ?? undefined}>
            {hit.snippet.map((part) => (part.mark ? <mark>{part.text}</mark> : part.text))}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function ResultPages({ next, paged }: { next: string | null; paged: boolean }) {
  const { t, here } = usePage();
  if (!next && !paged) return null;
  return (
    <nav class="pagination" aria-label={t('list.pagination')}>
      {paged ? <a href={pageHref(here, { cursor: undefined })}>{t('search.firstPage')}</a> : <span />}
      {next ? (
        <a href={pageHref(here, { cursor: next })} rel="next">
          {t('list.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** A list of tips under a heading or a line of its own. */
function Tips({ tips }: { tips: MessageKey[] }) {
  const { t } = usePage();
  return (
    <ul>
      {tips.map((tip) => (
        <li>{t(tip)}</li>
      ))}
    </ul>
  );
}

export function NothingFound({ filtered }: { filtered: boolean }) {
  const { t } = usePage();
  const tips: MessageKey[] = ['search.tipFewerWords', 'search.tipSpelling', 'search.tipOtherLanguage'];
  return (
    <div class="nothing-found">
      <p>
        <strong>{t('search.nothingFound')}</strong>
      </p>
      <Tips tips={filtered ? ['search.tipFilters', ...tips] : tips} />
    </div>
  );
}

export function SearchTips() {
  const { t } = usePage();
  return (
    <section class="card">
      <h2>{t('search.tipsTitle')}</h2>
      <Tips
        tips={[
          'search.tipAllWords',
          'search.tipPhrase',
          'search.tipExclude',
          'search.tipOr',
          'search.tipMarks',
        ]}
      />
    </section>
  );
}
