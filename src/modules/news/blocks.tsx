// The news' blocks on other pages (docs/home.md): the latest posts on the home page, and an
// organisation's posts on its page, a country's (posted for its organisations) on its page, each
// leading to the (filtered) list of news. Published posts
// only (the list's own rule).
import type { BlockContext, CountryRef, OrganisationRef, PageBlock } from '../../platform/context.ts';
import { nowIso } from '../../platform/time.ts';
import { Block, BlockItem, BlockList } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import { listPosts, type PostCard } from './listing.ts';
import { filterQuery, type NewsFilter } from './schemas.ts';

const SHOWN = 3;

interface PostList {
  id: string;
  cards: PostCard[];
  total: number;
  query: string;
}

async function latest(
  ctx: BlockContext,
  id: string,
  by: Pick<NewsFilter, 'organisation' | 'country'> = {},
): Promise<PostList | null> {
  const filter: NewsFilter = { ...by, page: 1 };
  const { cards, total } = await listPosts(ctx.deps.db, filter, {
    locale: ctx.locale,
    now: nowIso(),
    pageSize: SHOWN,
  });
  return cards.length ? { id, cards, total, query: filterQuery(filter) } : null;
}

function PostsBlock({ data }: { data: PostList }) {
  const { t, fmt } = usePage();
  return (
    <Block
      id={data.id}
      title={t('news.latest')}
      more={{ href: `/news${data.query}`, label: t('news.allPosts', { count: data.total }) }}
    >
      <BlockList>
        {data.cards.map((post) => (
          <BlockItem
            href={`/news/${post.slug}`}
            title={post.shownTitle}
            lang={post.shownLang}
            meta={[post.published_at && fmt.day(post.published_at.slice(0, 10)), post.organisationName]
              .filter(Boolean)
              .join(' · ')}
          />
        ))}
      </BlockList>
    </Block>
  );
}

export const newsHomeBlock: PageBlock<PostList> = {
  id: 'home-news',
  order: 30,
  load: (ctx) => latest(ctx, 'home-news'),
  view: (data) => <PostsBlock data={data} />,
};

export const organisationNewsBlock: PageBlock<PostList, [OrganisationRef]> = {
  id: 'organisation-news',
  order: 20,
  load: (ctx, organisation) => latest(ctx, 'organisation-news', { organisation: organisation.slug }),
  view: (data) => <PostsBlock data={data} />,
};

export const countryNewsBlock: PageBlock<PostList, [CountryRef]> = {
  id: 'country-news',
  order: 70,
  load: (ctx, country) => latest(ctx, 'country-news', { country: country.code }),
  view: (data) => <PostsBlock data={data} />,
};
