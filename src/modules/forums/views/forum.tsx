// /forum: the categories the reader sees and the forum search (words, category, author, days, all
// in the URL); with words or filters, the posts found instead of the categories' list.
import { excerpt } from '../../../platform/markdown.ts';
import { activeFilters, FilterInput, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { Results } from '../../../ui/components/list-tools.tsx';
import { PageHead } from '../../../ui/components/page-head.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type CategoryCard, type FoundPost, SEARCH_PAGE } from '../listing.ts';
import type { ForumSearch } from '../schemas.ts';

function SearchForm({ filter, categories }: { filter: ForumSearch; categories: CategoryCard[] }) {
  const { t } = usePage();
  const { page: _page, ...narrowing } = filter;
  return (
    <FilterPanel action="/forum" active={activeFilters(narrowing)}>
      <FilterInput name="q" type="search" label={t('forums.searchWords')} value={filter.q} />
      <FilterSelect
        name="category"
        label={t('forums.category')}
        value={filter.category}
        any={t('forums.anyCategory')}
        options={categories.map((c) => ({ value: c.slug, label: c.translatedName ?? c.name }))}
      />
      <FilterInput name="author" label={t('forums.author')} value={filter.author} />
      <FilterInput name="from" type="date" label={t('forums.from')} value={filter.from} />
      <FilterInput name="to" type="date" label={t('forums.to')} value={filter.to} />
    </FilterPanel>
  );
}

function Found({ posts, total, page }: { posts: FoundPost[]; total: number; page: number }) {
  const { t, fmt } = usePage();
  return (
    <section aria-labelledby="found-heading">
      <h2 id="found-heading">{t('forums.found', { count: total })}</h2>
      <Results count={posts.length} nothing={t('forums.nothingFound')}>
        <ul class="plain stack">
          {posts.map((p) => (
            <li class="card">
              <h3 class="card-title">
                <a href={`/forum/p/${p.id}`}>{p.title}</a>
              </h3>
              <p class="muted">
                {p.category} · {p.author ?? t('forums.formerMember')} · {fmt.dateTime(p.created_at)}
              </p>
              <p lang={p.lang}>{excerpt(p.body, 240)}</p>
            </li>
          ))}
        </ul>
      </Results>
      <Pagination page={page} pageSize={SEARCH_PAGE} total={total} />
    </section>
  );
}

export function ForumView(props: {
  filter: ForumSearch;
  categories: CategoryCard[];
  found: { posts: FoundPost[]; total: number } | null;
}) {
  const { t, fmt } = usePage();
  return (
    <div class="wrap stack">
      <PageHead title={t('forums.title')}>
        <p class="lead">{t('forums.intro')}</p>
      </PageHead>
      <SearchForm filter={props.filter} categories={props.categories} />
      {props.found ? (
        <Found posts={props.found.posts} total={props.found.total} page={props.filter.page} />
      ) : (
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading">{t('forums.categories')}</h2>
          <ul class="plain stack">
            {props.categories.map((c) => (
              <li class="card">
                <h3 class="card-title">
                  <a href={`/forum/c/${c.slug}`} lang={c.translatedName ? undefined : c.lang}>
                    {c.translatedName ?? c.name}
                  </a>
                </h3>
                {c.description && <p lang={c.lang}>{excerpt(c.description, 200)}</p>}
                <p class="muted">
                  {t('forums.threadCount', { count: c.threads })}
                  {c.visibility !== 'public' && ` · ${t(`forums.visibility.${c.visibility}`)}`}
                  {c.country && ` · ${fmt.country(c.country)}`}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
