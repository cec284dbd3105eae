// What the organisers add after an event, as read by its pages: outcomes and recommendations
// (Markdown) and the library documents and presentations linked to it (only those the reader may
// see in the library). The writes are actions (actions/after.ts); the photos are in photos.ts.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { documentsVisibleTo } from '../../library/index.ts';
import type { DocumentRole } from './vocab.ts';

type Db = Kysely<Database>;

export interface Outcomes {
  outcomes: string;
  recommendations: string;
  feedbackPublic: boolean;
}

export async function outcomesOf(db: Db, eventId: number): Promise<Outcomes> {
  const row = await db
    .selectFrom('event_outcomes')
    .selectAll()
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return {
    outcomes: row?.outcomes ?? '',
    recommendations: row?.recommendations ?? '',
    feedbackPublic: row?.feedback_public === 1,
  };
}

// ── Documents ────────────────────────────────────────────────────────────────

export interface LinkedDocument {
  id: number;
  slug: string;
  title: string;
  lang: string;
  kind: string;
  role: DocumentRole;
}

/** The event's documents that `viewer` may see in the library, in the order they were linked. */
export function documentsOf(db: Db, eventId: number, viewer: User | null): Promise<LinkedDocument[]> {
  return db
    .selectFrom('event_documents')
    .innerJoin('documents', 'documents.id', 'event_documents.document_id')
    .select([
      'documents.id',
      'documents.slug',
      'documents.title',
      'documents.lang',
      'documents.kind',
      'event_documents.role',
    ])
    .where('event_documents.event_id', '=', eventId)
    .where(documentsVisibleTo(viewer))
    .orderBy('event_documents.position')
    .orderBy('documents.id')
    .execute();
}

/** A document of the library by its slug, as `viewer` may see it. */
export function findDocument(db: Db, slug: string, viewer: User | null) {
  return db
    .selectFrom('documents')
    .select(['documents.id', 'documents.title'])
    .where('documents.slug', '=', slug)
    .where(documentsVisibleTo(viewer))
    .executeTakeFirst();
}

/** How many documents or photos an event has: each kind has its limit (vocab.ts). */
export async function attachedCount(
  db: Db,
  table: 'event_documents' | 'event_photos',
  eventId: number,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
