// Images attached to records: organisation logos, people's photos, press screenshots, post covers
// (one per record) and the images of a post or the photos of an event (several per record). Every
// kind goes through the same pipeline (images.ts: checked by content, decoded with limits,
// re-encoded as WebP at two sizes without metadata) and is stored as bytes in a table of its own
// with the same image columns, so several processes on several hosts serve the same files. A
// module describes its kind (table, owner column, sizes) once and gets the upload check, the reads,
// the writes, the response and the migration columns from here.
import type { Context } from 'hono';
import type { CreateTableBuilder, Kysely } from 'kysely';
import { type Columns, columns } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from './http/errors.ts';
import type { MessageKey } from './i18n.ts';
import {
  IMAGE_MAX_BYTES,
  type ImageInfo,
  type ImageSizes,
  imageColumns,
  imageInfoOf,
  type ProcessedImage,
  processImage,
  REFUSAL_STATUS,
  serveImage,
} from './images.ts';
import { nowIso } from './time.ts';

export type { ImageInfo, ProcessedImage } from './images.ts';

/** Why an upload was refused. */
export type ImageUploadRefusal = 'missing' | 'badName' | 'tooLarge' | 'type' | 'unreadable' | 'tooManyPixels';

export interface ImageKind {
  /** The table: one row per owner keyed by `owner`, or (a gallery) rows with an `id` of their own. */
  table: string;
  /** The column naming the record the image belongs to. */
  owner: string;
  sizes: ImageSizes;
  /** Largest upload; the platform's default is 5 MB. */
  maxBytes?: number;
  /** The messages shown for a refused file, where a module words them its own way. */
  messages?: Partial<Record<ImageUploadRefusal, MessageKey>>;
}

export const IMAGE_REFUSAL_MESSAGES: Record<ImageUploadRefusal, MessageKey> = {
  missing: 'image.refused.missing',
  badName: 'image.refused.badName',
  tooLarge: 'image.refused.tooLarge',
  type: 'image.refused.type',
  unreadable: 'image.refused.unreadable',
  tooManyPixels: 'image.refused.tooManyPixels',
};

/** A refused upload: its status and the message shown next to the field (with the size limit). */
export interface ImageRefusal {
  status: 413 | 415 | 422;
  key: MessageKey;
  values?: Record<string, number>;
}

export type ImageCheck = { ok: true; image: ProcessedImage } | { ok: false; refusal: ImageRefusal };

/** The file of a form's file field, when one was chosen. */
export function chosenFile(value: unknown): File | undefined {
  const file = Array.isArray(value) ? value[0] : value;
  return file instanceof File && (file.size > 0 || file.name !== '') ? file : undefined;
}

/**
 * A name with a path or control characters in it is not what a browser sends: it is refused, so
 * nothing surprising is kept or echoed anywhere (the bytes are stored, never the name).
 */
export function badFileName(name: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return /[\u0000-\u001f\u007f-\u009f/\\]/.test(name) || name.includes('..') || name.length > 255;
}

/** Checks and re-encodes an uploaded file for `kind`; nothing is written. */
export async function checkImageUpload(kind: ImageKind, file: File | undefined): Promise<ImageCheck> {
  const message = (r: ImageUploadRefusal) => kind.messages?.[r] ?? IMAGE_REFUSAL_MESSAGES[r];
  const maxBytes = kind.maxBytes ?? IMAGE_MAX_BYTES;
  if (!file || file.size === 0) return { ok: false, refusal: { status: 422, key: message('missing') } };
  if (badFileName(file.name)) return { ok: false, refusal: { status: 422, key: message('badName') } };
  if (file.size > maxBytes)
    return {
      ok: false,
      refusal: { status: 413, key: message('tooLarge'), values: { limit: maxBytes / 1024 / 1024 } },
    };
  const result = await processImage(new Uint8Array(await file.arrayBuffer()), kind.sizes);
  if (!result.ok)
    return { ok: false, refusal: { status: REFUSAL_STATUS[result.reason], key: message(result.reason) } };
  return { ok: true, image: result.image };
}

/** Adds the columns of an image's two sizes to a table being created (a migration). */
export function withImageSizeColumns(c: Columns) {
  return <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
    table
      .addColumn('full', c.blob, c.notNull)
      .addColumn('full_width', 'integer', c.notNull)
      .addColumn('full_height', 'integer', c.notNull)
      .addColumn('thumb', c.blob, c.notNull)
      .addColumn('thumb_width', 'integer', c.notNull)
      .addColumn('thumb_height', 'integer', c.notNull);
}

/** Adds the image columns (both sizes and when they were stored) to a table being created (a migration). */
export function withImageColumns(c: Columns) {
  return <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
    table.$call(withImageSizeColumns(c)).addColumn('updated_at', c.timestamp, c.notNull);
}

/**
 * Creates the table of a kind with one image per record (a migration): keyed by `owner`, the id of
 * a row of `ownerTable`, and deleted with that row.
 */
export function createSingleImageTable(
  db: Kysely<unknown>,
  table: string,
  owner: string,
  ownerTable: string,
): Promise<void> {
  const c = columns(db);
  return db.schema
    .createTable(table)
    .addColumn(owner, 'integer', c.keyedBy(ownerTable))
    .$call(withImageColumns(c))
    .execute();
}

/** The columns every stored image has, as its table type has them. */
export interface ImageColumns {
  full: Uint8Array;
  full_width: number;
  full_height: number;
  thumb: Uint8Array;
  thumb_width: number;
  thumb_height: number;
  updated_at: string;
}

const INFO_COLUMNS = ['updated_at', 'full_width', 'full_height', 'thumb_width', 'thumb_height'] as const;

// The tables differ in name and owner column only; the queries are the same for all of them, so
// they are written once over an untyped view of the database.
// biome-ignore lint/suspicious/noExplicitAny: the table is named by the kind, not known statically
type AnyDb = Kysely<any>;
const anyDb = (db: Kysely<Database>) => db as unknown as AnyDb;

/** The bytes of one size of a stored image, for serveImage. */
export type ImageBytes = { bytes: Uint8Array; updated_at: string };

/** Answers with one size of a stored image (`?size=thumb` or the full one), or 404. */
export async function imageResponse(
  c: Context,
  load: (size: 'full' | 'thumb') => Promise<ImageBytes | undefined>,
  options: { shared: boolean },
): Promise<Response> {
  const size = c.req.query('size') === 'thumb' ? 'thumb' : 'full';
  const row = await load(size);
  if (!row) throw new HttpError(404, 'error.404.message');
  return serveImage(c, row, { size, shared: options.shared });
}

/**
 * The address of a stored image served at `path` (…/logo.webp): with its version, so that caches
 * keep it until it changes, and `size=thumb` for the small one (what imageResponse reads).
 */
export function imageUrl(
  path: string,
  info: Pick<ImageInfo, 'version'>,
  size: 'full' | 'thumb' = 'full',
): string {
  return `${path}?v=${info.version}${size === 'thumb' ? '&size=thumb' : ''}`;
}

/** One image per record (a logo, a photo, a screenshot, a cover). */
export function singleImage(kind: ImageKind) {
  const { table, owner } = kind;
  return {
    kind,
    check: (file: File | undefined) => checkImageUpload(kind, file),

    /** Sizes and version of the record's image, without its bytes; undefined when it has none. */
    async info(db: Kysely<Database>, ownerId: number): Promise<ImageInfo | undefined> {
      const row = await anyDb(db)
        .selectFrom(table)
        .select(INFO_COLUMNS)
        .where(owner, '=', ownerId)
        .executeTakeFirst();
      return row && imageInfoOf(row);
    },

    /** The same for a page of records (a list's thumbnails). */
    async infos(db: Kysely<Database>, ownerIds: number[]): Promise<Map<number, ImageInfo>> {
      if (ownerIds.length === 0) return new Map();
      const rows = await anyDb(db)
        .selectFrom(table)
        .select([owner, ...INFO_COLUMNS])
        .where(owner, 'in', ownerIds)
        .execute();
      return new Map(rows.map((r) => [r[owner] as number, imageInfoOf(r as ImageColumns)]));
    },

    bytes(db: Kysely<Database>, ownerId: number, size: 'full' | 'thumb'): Promise<ImageBytes | undefined> {
      return anyDb(db)
        .selectFrom(table)
        .select([`${size === 'thumb' ? 'thumb' : 'full'} as bytes`, 'updated_at'])
        .where(owner, '=', ownerId)
        .executeTakeFirst();
    },

    /** Replaces the image (delete + insert: the same on both databases, in the caller's transaction). */
    async replace(db: Kysely<Database>, ownerId: number, image: ProcessedImage): Promise<string> {
      const now = nowIso();
      await anyDb(db).deleteFrom(table).where(owner, '=', ownerId).execute();
      await anyDb(db)
        .insertInto(table)
        .values({ [owner]: ownerId, ...imageColumns(image, now) })
        .execute();
      return now;
    },

    /** Removes the image; whether there was one. */
    async remove(db: Kysely<Database>, ownerId: number): Promise<boolean> {
      const result = await anyDb(db).deleteFrom(table).where(owner, '=', ownerId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

/** Several images per record (a post's images, an event's photos), each with an id of its own. */
export function imageGallery(kind: ImageKind) {
  const { table, owner } = kind;
  return {
    kind,
    check: (file: File | undefined) => checkImageUpload(kind, file),

    /** Adds an image with the table's other columns (a caption, a position, who added it); its id. */
    async add(
      db: Kysely<Database>,
      ownerId: number,
      image: ProcessedImage,
      extra: Record<string, unknown> = {},
    ): Promise<number> {
      const row = await anyDb(db)
        .insertInto(table)
        .values({ [owner]: ownerId, ...extra, ...imageColumns(image, nowIso()) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /** The bytes of one image, only if it belongs to `ownerId`. */
    bytes(
      db: Kysely<Database>,
      ownerId: number,
      imageId: number,
      size: 'full' | 'thumb',
    ): Promise<ImageBytes | undefined> {
      return anyDb(db)
        .selectFrom(table)
        .select([`${size === 'thumb' ? 'thumb' : 'full'} as bytes`, 'updated_at'])
        .where('id', '=', imageId)
        .where(owner, '=', ownerId)
        .executeTakeFirst();
    },

    /** Removes one image of `ownerId`; whether there was one. */
    async remove(db: Kysely<Database>, ownerId: number, imageId: number): Promise<boolean> {
      const result = await anyDb(db)
        .deleteFrom(table)
        .where('id', '=', imageId)
        .where(owner, '=', ownerId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
