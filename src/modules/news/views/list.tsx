// /news: published posts newest first, filtered by category, tag, language and organisation — all
// in the URL, so a filtered list is a shareable link with an Atom feed and an export of its own.
import { excerpt } from '../../../platform/markdown.ts';
import { activeFilters, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { sortedByLabel } from '../../../ui/components/list-filters.tsx';
import { DownloadLinks, ListTools, Results } from '../../../ui/components/list-tools.tsx';
import { Actions, PageHead } from '../../../ui/components/page-head.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { feedHref } from '../feed.ts';
import type { PostCard } from '../listing.ts';
import { filterQuery, type NewsFilter } from '../schemas.ts';
import { CATEGORIES, type Category } from '../vocab.ts';
import { CoverImage } from './cover.tsx';

export interface NewsListProps {
  filter: NewsFilter;
  cards: PostCard[];
  total: number;
  pageSize: number;
  tags: string[];
  languages: string[];
  organisations: { slug: string; name: string }[];
  canWrite: boolean;
}

/** Date, category and who it is from: the line under a post's title, in the list and on the page. */
export function PostByline(props: {
  publishedAt: string | null;
  category: Category;
  organisation: { slug: string; name: string } | null;
  authorName: string | null;
}) {
  const { t, fmt } = usePage();
  return (
    <p class="muted">
      {props.publishedAt && <time datetime={props.publishedAt}>{fmt.date(props.publishedAt)}</time>}
      {' · '}
      <a href={`/news?category=${props.category}`}>{t(`news.category.${props.category}`)}</a>
      {props.organisation ? (
        <>
          {' · '}
          <a href={`/directory/${props.organisation.slug}`}>{props.organisation.name}</a>
        </>
      ) : (
        props.authorName && <> · {props.authorName}</>
      )}
    </p>
  );
}

function Filters({ props }: { props: NewsListProps }) {
  const { t, fmt, locale } = usePage();
  const { filter } = props;
  return (
    <FilterPanel
      action="/news"
      active={activeFilters(filter, ['page', 'q'])}
      search={{ label: t('list.searchWords'), value: filter.q }}
    >
      {filter.country && <input type="hidden" name="country" value={filter.country} />}
      <FilterSelect
        name="category"
        label={t('news.categoryLabel')}
        value={filter.category}
        any={t('news.anyCategory')}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
      />
      <FilterSelect
        name="tag"
        label={t('news.tag')}
        value={filter.tag}
        any={t('news.anyTag')}
        options={[...new Set([...props.tags, ...(filter.tag ? [filter.tag] : [])])].map((tag) => ({
          value: tag,
          label: tag,
        }))}
      />
      <FilterSelect
        name="language"
        label={t('news.language')}
        value={filter.language}
        any={t('news.anyLanguage')}
        options={sortedByLabel(
          locale,
          props.languages.map((l) => ({ value: l, label: fmt.language(l) })),
        )}
      />
      <FilterSelect
        name="organisation"
        label={t('news.organisation')}
        value={filter.organisation}
        any={t('news.anyOrganisation')}
        options={props.organisations.map((o) => ({ value: o.slug, label: o.name }))}
      />
    </FilterPanel>
  );
}

function PostCardView({ card }: { card: PostCard }) {
  const { t, fmt, locale } = usePage();
  return (
    <li class="card post-card">
      {card.cover && <CoverImage slug={card.slug} cover={card.cover} alt="" size="thumb" lazy />}
      <div>
        <h2 class="card-title">
          <a href={`/news/${card.slug}`} lang={card.shownLang}>
            {card.shownTitle}
          </a>
        </h2>
        <PostByline
          publishedAt={card.published_at}
          category={card.category}
          organisation={
            card.organisationSlug && card.organisationName
              ? { slug: card.organisationSlug, name: card.organisationName }
              : null
          }
          authorName={card.authorName}
        />
        <p lang={card.shownLang}>{excerpt(card.shownBody, 200)}</p>
        {card.translated ? (
          <p class="hint">{t('news.translatedFrom', { language: fmt.language(card.lang) })}</p>
        ) : (
          card.lang !== locale && (
            <p class="hint">{t('news.writtenIn', { language: fmt.language(card.lang) })}</p>
          )
        )}
      </div>
    </li>
  );
}

export function NewsListView(props: NewsListProps) {
  const { t } = usePage();
  const { filter } = props;
  const query = filterQuery(filter);
  return (
    <div class="wrap news">
      <PageHead title={t('news.title')}>
        <Actions links={[props.canWrite && { href: '/news/new', label: t('news.add') }]} />
      </PageHead>
      <p class="lead">{t('news.intro')}</p>
      <Filters props={props} />

      <ListTools total={props.total}>
        <p>
          <a href={feedHref(filter)} type="application/atom+xml">
            {t('news.feedLink')}
          </a>
          {' · '}
          <DownloadLinks base="/news/export" query={query} />
        </p>
      </ListTools>

      <Results
        count={props.cards.length}
        nothing={t('news.nothingFound')}
        clearHref={activeFilters(filter) ? '/news' : undefined}
        words={filter.q}
      >
        <ul class="plain stack posts">
          {props.cards.map((card) => (
            <PostCardView card={card} />
          ))}
        </ul>
      </Results>
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
