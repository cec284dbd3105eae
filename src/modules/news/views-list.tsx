// /news: published posts newest first, filtered by category, tag, language and organisation — all
// in the URL, so a filtered list is a shareable link with an Atom feed of its own.
import { Pagination } from '../../ui/components/pagination.tsx';
import { usePage } from '../../ui/page-context.ts';
import { feedHref } from './feed.ts';
import { coverUrl } from './images.ts';
import type { NewsFilter } from './schemas.ts';
import { type PostCard, summaryOf } from './store.ts';
import { CATEGORIES, type Category } from './vocab.ts';

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

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  any: string;
  options: { value: string; label: string; lang?: string }[];
}) {
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
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

export function NewsListView(props: NewsListProps) {
  const { t, fmt, locale } = usePage();
  const { filter } = props;
  const collator = new Intl.Collator(locale);
  return (
    <div class="wrap news">
      <div class="page-head">
        <h1>{t('news.title')}</h1>
        {props.canWrite && (
          <div class="actions">
            <a class="button" href="/news/new">
              {t('news.add')}
            </a>
          </div>
        )}
      </div>
      <p class="lead">{t('news.intro')}</p>
      <form method="get" action="/news" class="filters directory-filters">
        <Select
          name="category"
          label={t('news.categoryLabel')}
          value={filter.category}
          any={t('news.anyCategory')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
        />
        <Select
          name="tag"
          label={t('news.tag')}
          value={filter.tag}
          any={t('news.anyTag')}
          options={[...new Set([...props.tags, ...(filter.tag ? [filter.tag] : [])])].map((tag) => ({
            value: tag,
            label: tag,
          }))}
        />
        <Select
          name="language"
          label={t('news.language')}
          value={filter.language}
          any={t('news.anyLanguage')}
          options={props.languages
            .map((l) => ({ value: l, label: fmt.language(l) }))
            .sort((a, b) => collator.compare(a.label, b.label))}
        />
        <Select
          name="organisation"
          label={t('news.organisation')}
          value={filter.organisation}
          any={t('news.anyOrganisation')}
          options={props.organisations.map((o) => ({ value: o.slug, label: o.name }))}
        />
        <button type="submit" class="button">
          {t('list.filter')}
        </button>
      </form>

      <div class="list-tools">
        <p role="status">{t('list.count', { count: props.total })}</p>
        <p>
          <a href={feedHref(filter)} type="application/atom+xml">
            {t('news.feedLink')}
          </a>
        </p>
      </div>

      {props.cards.length === 0 ? (
        <p class="notice warning">{t('news.nothingFound')}</p>
      ) : (
        <ul class="plain stack posts">
          {props.cards.map((card) => (
            <li class="card post-card">
              {card.cover && (
                <img
                  src={coverUrl(card.slug, card.cover, 'thumb')}
                  alt=""
                  width={card.cover.thumbWidth}
                  height={card.cover.thumbHeight}
                  loading="lazy"
                />
              )}
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
                <p lang={card.shownLang}>{summaryOf(card.shownBody)}</p>
                {card.translated ? (
                  <p class="hint">{t('news.translatedFrom', { language: fmt.language(card.lang) })}</p>
                ) : (
                  card.lang !== locale && (
                    <p class="hint">{t('news.writtenIn', { language: fmt.language(card.lang) })}</p>
                  )
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
