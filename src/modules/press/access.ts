// One clipping as the pages and the API read it (with its translations and the event it is about),
// and the loader that answers 404 for one that does not exist. Every clipping is public
// (permissions.ts), so there is no visibility to check here.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { byLang } from '../../platform/translations.ts';
import type { PressClippingsTable } from './tables.ts';

type Db = Kysely<Database>;
export type Clipping = Selectable<PressClippingsTable>;

export interface ClippingTranslation {
  lang: string;
  title: string;
  summary: string;
}

/** The event of the hub a clipping is about. */
export interface ClippingEvent {
  slug: string;
  title: string;
  lang: string;
  /** A draft is linked but shown to no one: its page is not public. */
  published: boolean;
}

export interface ClippingDetails extends Clipping {
  translations: ClippingTranslation[];
  event: ClippingEvent | null;
}

export async function getClipping(db: Db, id: number): Promise<ClippingDetails | undefined> {
  const clipping = await db.selectFrom('press_clippings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!clipping) return undefined;
  const [translations, event] = await Promise.all([
    db
      .selectFrom('press_clipping_translations')
      .select(['lang', 'title', 'summary'])
      .where('clipping_id', '=', id)
      .execute(),
    clipping.event_id === null
      ? undefined
      : db
          .selectFrom('events')
          .select(['slug', 'title', 'lang', 'status'])
          .where('id', '=', clipping.event_id)
          .executeTakeFirst(),
  ]);
  return {
    ...clipping,
    translations: translations.sort(byLang),
    event: event
      ? { slug: event.slug, title: event.title, lang: event.lang, published: event.status !== 'draft' }
      : null,
  };
}

/** The clipping of the URL's `:id`, or 404. */
export async function loadClipping(c: Context<AppEnv>): Promise<ClippingDetails> {
  const id = Number(c.req.param('id'));
  const clipping = Number.isSafeInteger(id) ? await getClipping(c.var.deps.db, id) : undefined;
  if (!clipping) throw new HttpError(404, 'error.404.message');
  return clipping;
}

// The translation a reader sees (exact locale, then its base language): platform/translations.ts.
export { translationFor } from '../../platform/translations.ts';

/** The id of the event a clipping names by slug; undefined when there is no such event. */
export async function eventIdOf(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}
