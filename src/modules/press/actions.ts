// Every write of the press module, for the pages, the API and the seed alike: who may (the hub's
// editors), the transaction (clipping, translations, screenshot, search entry and audit entry
// together, so a refused part leaves nothing half-saved), and the audit log.
import type { Kysely } from 'kysely';
import { replaceChildRows } from '../../db/child-rows.ts';
import type { Database } from '../../db/schema.ts';
import { type ActionContext, ensure, transact } from '../../platform/actions.ts';
import type { ProcessedImage } from '../../platform/attached-images.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { auditOf } from '../../platform/record-audit.ts';
import { deleteIndexedRecord } from '../../platform/record-deletion.ts';
import { nowIso } from '../../platform/time.ts';
import { translationRows } from '../../platform/translations.ts';
import { type Clipping, type ClippingDetails, type ClippingTranslation, eventIdOf } from './access.ts';
import { canWrite } from './permissions.ts';
import type { ClippingInput } from './schemas.ts';
import { screenshots } from './screenshot.ts';
import { reindex } from './search.ts';

type Db = Kysely<Database>;
const auditClipping = auditOf('press_clipping', 'press');

/** What the form says of the screenshot: a new one, or remove the one there is. */
export interface ScreenshotChange {
  image?: ProcessedImage;
  remove?: boolean;
}

/** The event the input names, by id; a name that is no event of the hub is refused (422). */
async function eventOf(db: Db, input: ClippingInput): Promise<number | null> {
  if (!input.event) return null;
  const id = await eventIdOf(db, input.event);
  if (id === undefined) throw HttpError.invalid({ event: 'press.unknownEvent' });
  return id;
}

function rowValues(input: ClippingInput, eventId: number | null) {
  return {
    event_id: eventId,
    outlet: input.outlet,
    outlet_url: input.outlet_url ?? null,
    published_on: input.published_on,
    title: input.title,
    lang: input.lang,
    url: input.url,
    summary: input.summary,
    covers: input.covers ?? null,
    covers_url: input.covers_url ?? null,
  };
}

/** The translations to store: one per language, never in the article's own language. */
const translationsOf = (input: ClippingInput): ClippingTranslation[] =>
  translationRows(input, (tr) => ({ lang: tr.lang, title: tr.title ?? '', summary: tr.summary }));

async function writeTranslations(db: Db, clippingId: number, input: ClippingInput): Promise<void> {
  await replaceChildRows(db, 'press_clipping_translations', 'clipping_id', clippingId, translationsOf(input));
}

export async function createClipping(
  ctx: ActionContext,
  input: ClippingInput,
  change: ScreenshotChange = {},
): Promise<Clipping> {
  const user = ensure(ctx, canWrite);
  const eventId = await eventOf(ctx.deps.db, input);
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const clipping = await trx
      .insertInto('press_clippings')
      .values({
        ...rowValues(input, eventId),
        created_by: user?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeTranslations(trx, clipping.id, input);
    if (change.image) await screenshots.replace(trx, clipping.id, change.image);
    await reindex(trx, clipping.id);
    await auditClipping(trx, ctx, clipping.id, 'created', {
      outlet: clipping.outlet,
      title: clipping.title,
      screenshot: !!change.image,
    });
    return clipping;
  });
}

/** Saves the changes; the names of the fields that changed (none: nothing is written). */
export async function updateClipping(
  ctx: ActionContext,
  clipping: ClippingDetails,
  input: ClippingInput,
  change: ScreenshotChange = {},
): Promise<string[]> {
  ensure(ctx, canWrite);
  const values = rowValues(input, await eventOf(ctx.deps.db, input));
  return transact(ctx, async (trx) => {
    let screenshot: 'replaced' | 'removed' | null = null;
    if (change.image) {
      await screenshots.replace(trx, clipping.id, change.image);
      screenshot = 'replaced';
    } else if (change.remove && (await screenshots.remove(trx, clipping.id))) {
      screenshot = 'removed';
    }
    const changed = Object.entries(values)
      .filter(([key, to]) => clipping[key as keyof Clipping] !== to)
      .map(([key]) => key);
    const asKey = (list: ClippingTranslation[]) =>
      JSON.stringify(list.map((tr) => [tr.lang, tr.title, tr.summary]));
    if (asKey(clipping.translations) !== asKey(translationsOf(input))) changed.push('translations');
    if (screenshot) changed.push('screenshot');
    // A new screenshot is a change too: the feed and sitemap dates move.
    if (changed.length === 0) return changed;
    await trx
      .updateTable('press_clippings')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', clipping.id)
      .execute();
    await writeTranslations(trx, clipping.id, input);
    await reindex(trx, clipping.id);
    await auditClipping(trx, ctx, clipping.id, 'updated', {
      fields: changed,
      ...(screenshot ? { screenshot } : {}),
    });
    return changed;
  });
}

export async function deleteClipping(ctx: ActionContext, clipping: ClippingDetails): Promise<void> {
  ensure(ctx, canWrite);
  await transact(ctx, async (trx) => {
    await auditClipping(trx, ctx, clipping.id, 'deleted', {
      outlet: clipping.outlet,
      title: clipping.title,
      url: clipping.url,
    });
    await deleteIndexedRecord(trx, 'press_clippings', 'press', clipping.id);
  });
}

/** Points the clippings about `covers` that name no event yet to an event (the demo seed's links). */
export async function linkCoveredClippings(
  ctx: ActionContext,
  covers: string,
  eventId: number,
): Promise<number> {
  ensure(ctx, canWrite);
  return transact(ctx, async (trx) => {
    const rows = await trx
      .selectFrom('press_clippings')
      .select('id')
      .where('covers', '=', covers)
      .where('event_id', 'is', null)
      .execute();
    for (const { id } of rows) {
      await trx.updateTable('press_clippings').set({ event_id: eventId }).where('id', '=', id).execute();
      await reindex(trx, id);
    }
    return rows.length;
  });
}
