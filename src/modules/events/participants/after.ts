// What the organisers add after an event: outcomes and recommendations (Markdown), library
// documents and presentations linked to it, and photos (the shared image pipeline of
// platform/images.ts, as the press module's screenshots: checked by content, re-encoded as WebP at
// two sizes without metadata, bytes in the database). Writes run in the caller's transaction.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { badFileName } from '../../../platform/attached-images.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import {
  IMAGE_MAX_BYTES,
  type ImageInfo,
  imageColumns,
  imageInfoOf,
  type ProcessedImage,
  processImage,
  REFUSAL_STATUS,
} from '../../../platform/images.ts';
import { nowIso } from '../../../platform/time.ts';
import { documentsVisibleTo } from '../../library/index.ts';
import type { OutcomesInput } from './schemas.ts';
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

/** Saves the texts; the names of the fields that changed. */
export async function saveOutcomes(
  db: Db,
  eventId: number,
  input: OutcomesInput,
  actor: User,
): Promise<string[]> {
  const before = await outcomesOf(db, eventId);
  const changed = [
    before.outcomes !== input.outcomes && 'outcomes',
    before.recommendations !== input.recommendations && 'recommendations',
    before.feedbackPublic !== input.feedback_public && 'feedback_public',
  ].filter((f): f is string => !!f);
  if (changed.length === 0) return changed;
  // Delete and insert: the same on both databases, inside the caller's transaction.
  await db.deleteFrom('event_outcomes').where('event_id', '=', eventId).execute();
  await db
    .insertInto('event_outcomes')
    .values({
      event_id: eventId,
      outcomes: input.outcomes,
      recommendations: input.recommendations,
      feedback_public: input.feedback_public ? 1 : 0,
      updated_by: actor.id,
      updated_at: nowIso(),
    })
    .execute();
  return changed;
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

export async function countDocuments(db: Db, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('event_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Links a document (or changes its role when it is linked already). */
export async function linkDocument(db: Db, eventId: number, documentId: number, role: DocumentRole) {
  await db
    .deleteFrom('event_documents')
    .where('event_id', '=', eventId)
    .where('document_id', '=', documentId)
    .execute();
  const last = await db
    .selectFrom('event_documents')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  await db
    .insertInto('event_documents')
    .values({ event_id: eventId, document_id: documentId, role, position: Number(last?.p ?? 0) + 1 })
    .execute();
}

export async function unlinkDocument(db: Db, eventId: number, documentId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('event_documents')
    .where('event_id', '=', eventId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ── Photos ───────────────────────────────────────────────────────────────────

export const PHOTO_MAX_BYTES = IMAGE_MAX_BYTES;
/** Sharp on a laptop screen, light enough for a phone on a slow connection. */
const PHOTO_FULL_SIZE = 1600;
const PHOTO_THUMB_SIZE = 400;

export interface PhotoRefusal {
  status: 413 | 415 | 422;
  key: MessageKey;
  values?: Record<string, number>;
}

const REFUSALS: Record<'type' | 'unreadable' | 'tooManyPixels', MessageKey> = {
  type: 'participants.photo.wrongType',
  unreadable: 'participants.photo.unreadable',
  tooManyPixels: 'participants.photo.tooManyPixels',
};

/** Checks and re-encodes an uploaded photo; nothing is written here. */
export async function processPhoto(
  file: File,
): Promise<{ ok: true; image: ProcessedImage } | { ok: false; refusal: PhotoRefusal }> {
  if (file.size === 0) return { ok: false, refusal: { status: 422, key: 'participants.photo.missing' } };
  if (badFileName(file.name))
    return { ok: false, refusal: { status: 422, key: 'participants.photo.badName' } };
  if (file.size > PHOTO_MAX_BYTES)
    return {
      ok: false,
      refusal: {
        status: 413,
        key: 'participants.photo.tooLarge',
        values: { limit: PHOTO_MAX_BYTES / 1024 / 1024 },
      },
    };
  const result = await processImage(new Uint8Array(await file.arrayBuffer()), {
    full: { size: PHOTO_FULL_SIZE, quality: 80 },
    thumb: { size: PHOTO_THUMB_SIZE, quality: 75 },
  });
  if (!result.ok)
    return { ok: false, refusal: { status: REFUSAL_STATUS[result.reason], key: REFUSALS[result.reason] } };
  return { ok: true, image: result.image };
}

export interface Photo extends ImageInfo {
  id: number;
  caption: string;
}

const INFO_COLUMNS = [
  'id',
  'caption',
  'updated_at',
  'full_width',
  'full_height',
  'thumb_width',
  'thumb_height',
] as const;

export async function photosOf(db: Db, eventId: number): Promise<Photo[]> {
  const rows = await db
    .selectFrom('event_photos')
    .select(INFO_COLUMNS)
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, caption: r.caption, ...imageInfoOf(r) }));
}

export function photoUrl(
  slug: string,
  photo: Pick<Photo, 'id' | 'version'>,
  size: 'full' | 'thumb' = 'full',
) {
  return `/events/${slug}/photos/${photo.id}.webp?v=${photo.version}${size === 'thumb' ? '&size=thumb' : ''}`;
}

export function photoBytes(db: Db, eventId: number, photoId: number, size: 'full' | 'thumb') {
  return db
    .selectFrom('event_photos')
    .select([size === 'thumb' ? 'thumb as bytes' : 'full as bytes', 'updated_at'])
    .where('event_id', '=', eventId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

export async function countPhotos(db: Db, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('event_photos')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function addPhoto(db: Db, eventId: number, caption: string, image: ProcessedImage, actor: User) {
  return db
    .insertInto('event_photos')
    .values({
      event_id: eventId,
      caption,
      position: await countPhotos(db, eventId),
      created_by: actor.id,
      ...imageColumns(image, nowIso()),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deletePhoto(db: Db, eventId: number, photoId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('event_photos')
    .where('event_id', '=', eventId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
