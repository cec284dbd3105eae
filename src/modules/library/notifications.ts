// What the library tells members: a document that becomes public (added published, or published
// later) is announced once to the followers of its countries and its domains (the platform's own
// followables: /library?country=LA, /library?domain=…). A region is no country: nobody follows it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionContext } from '../../platform/actions.ts';
import { isCountryCode } from '../../platform/countries.ts';
import type { FollowTarget } from '../../platform/notifications/follows.ts';
import type { NotificationKind } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';
import type { LibraryFilter } from './schemas.ts';

type Db = Kysely<Database>;

export const libraryNotificationKinds: NotificationKind[] = [
  {
    kind: 'library.document-added',
    label: 'library.notify.documentAddedLabel',
    message: 'library.notify.documentAdded',
    defaultDelivery: 'daily',
  },
];

/** The countries and domains of a document, as followers follow them. */
async function targetsOf(db: Db, documentId: number): Promise<FollowTarget[]> {
  const facets = await db
    .selectFrom('document_facets')
    .select(['facet', 'value'])
    .where('document_id', '=', documentId)
    .where('facet', 'in', ['place', 'domain'])
    .execute();
  return facets.flatMap((f): FollowTarget[] => {
    if (f.facet === 'domain') return [{ type: 'domain', key: f.value }];
    return isCountryCode(f.value) ? [{ type: 'country', key: f.value }] : [];
  });
}

/** In the write's transaction, once the document is public: its countries' and domains' followers are told, once. */
export async function announceDocument(
  trx: Db,
  ctx: ActionContext,
  doc: { id: number; slug: string; title: string },
): Promise<void> {
  const targets = await targetsOf(trx, doc.id);
  if (targets.length === 0) return;
  await notify(trx, ctx.deps, {
    kind: 'library.document-added',
    subject: { type: 'document', key: doc.id },
    url: `/library/${doc.slug}`,
    params: { title: doc.title },
    to: { followersOf: targets },
    actorId: ctx.user?.id ?? null,
    once: true,
  });
}

/**
 * What the list offers to follow: its one country (a region is none) or its one domain, when the
 * list is filtered by that alone (sorting and paging aside); otherwise nothing.
 */
export function followTargetOf(filter: LibraryFilter): FollowTarget | null {
  const { sort: _s, page: _p, country, domain, ...others } = filter;
  if (Object.values(others).some((v) => v !== undefined)) return null;
  if (country && !domain) return isCountryCode(country) ? { type: 'country', key: country } : null;
  if (domain && !country) return { type: 'domain', key: domain };
  return null;
}
