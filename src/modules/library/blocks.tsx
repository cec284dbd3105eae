// The library's blocks on other pages (docs/home.md): the newest documents on the home page, the
// documents an organisation issued on its page, and the count of documents. Published documents
// only, whoever reads: these pages are the hub's public face.
import type {
  BlockContext,
  CountryFigure,
  CountryRef,
  HomeFigure,
  OrganisationRef,
  PageBlock,
} from '../../platform/context.ts';
import { Block, BlockItem, BlockList } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import type { DocumentDetails } from './access.ts';
import { listDocuments } from './listing.ts';
import { filterQuery, type LibraryFilter } from './schemas.ts';
import { localised } from './views/parts.tsx';

const SHOWN = 4;

interface DocumentList {
  id: string;
  docs: DocumentDetails[];
  total: number;
  query: string;
}

async function newest(ctx: BlockContext, id: string, filter: LibraryFilter): Promise<DocumentList | null> {
  const { docs, total } = await listDocuments(
    ctx.deps.db,
    filter,
    null,
    { offset: 0, size: SHOWN },
    ctx.locale,
  );
  return docs.length ? { id, docs, total, query: filterQuery(filter) } : null;
}

function DocumentsBlock({ data, title }: { data: DocumentList; title?: 'library.countryTitle' }) {
  const { t, fmt, locale } = usePage();
  return (
    <Block
      id={data.id}
      title={t(title ?? 'library.newest')}
      more={{ href: `/library${data.query}`, label: t('library.allDocuments', { count: data.total }) }}
    >
      <BlockList>
        {data.docs.map((doc) => {
          const text = localised(doc, locale);
          return (
            <BlockItem
              href={`/library/${doc.slug}`}
              title={text.title}
              lang={text.titleLang}
              meta={[t(`library.kind.${doc.kind}`), doc.issued_on && fmt.day(doc.issued_on)]
                .filter(Boolean)
                .join(' · ')}
            />
          );
        })}
      </BlockList>
    </Block>
  );
}

export const libraryHomeBlock: PageBlock<DocumentList> = {
  id: 'home-library',
  order: 40,
  load: (ctx) => newest(ctx, 'home-library', { sort: 'added', page: 1 }),
  view: (data) => <DocumentsBlock data={data} />,
};

export const organisationLibraryBlock: PageBlock<DocumentList, [OrganisationRef]> = {
  id: 'organisation-library',
  order: 30,
  load: (ctx, organisation) => newest(ctx, 'organisation-library', { issuer: organisation.slug, page: 1 }),
  view: (data) => <DocumentsBlock data={data} />,
};

/** A country's laws, policies and other documents (those that apply to it), the newest first. */
export const countryLibraryBlock: PageBlock<DocumentList, [CountryRef]> = {
  id: 'country-library',
  order: 40,
  load: (ctx, country) => newest(ctx, 'country-library', { country: country.code, page: 1 }),
  view: (data) => <DocumentsBlock data={data} title="library.countryTitle" />,
};

/** Published documents per country they apply to (/countries). */
export const libraryCountryFigure: CountryFigure = {
  id: 'documents',
  order: 30,
  label: 'library.documentsCount',
  href: (code) => `/library${filterQuery({ country: code, page: 1 })}`,
  counts: async (ctx) => {
    const rows = await ctx.deps.db
      .selectFrom('document_facets')
      .innerJoin('documents', 'documents.id', 'document_facets.document_id')
      .where('document_facets.facet', '=', 'place')
      .where('documents.published_at', 'is not', null)
      .select(['document_facets.value', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('document_facets.value')
      .execute();
    return new Map(rows.map((r) => [r.value, Number(r.n)]));
  },
};

export const documentsFigure: HomeFigure = {
  id: 'documents',
  order: 40,
  label: 'library.documentsCount',
  href: '/library',
  count: async (ctx) => {
    const row = await ctx.deps.db
      .selectFrom('documents')
      .where('published_at', 'is not', null)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
