// One measure as the pages and the API read it (translations, tags, implementing bodies, partners,
// the documents it rests on, the event it was presented at), the loaders that answer 404/403, and
// the focal-point countries the permission rules are given.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { focalPointCountries } from '../../platform/scopes.ts';
import { byLang } from '../../platform/translations.ts';
import { documentsVisibleTo } from '../library/index.ts';
import { canEdit } from './permissions.ts';
import type { PolicyMeasuresTable } from './tables.ts';
import { TAG_KINDS, type TagKind } from './vocab.ts';

type Db = Kysely<Database>;
export type Measure = Selectable<PolicyMeasuresTable>;

export interface MeasureTranslation {
  lang: string;
  title: string;
  description: string;
}

export interface MeasureBody {
  name: string;
  /** The organisation of the directory, when the body is one (published). */
  slug: string | null;
}

export interface MeasureDocument {
  slug: string;
  title: string;
  lang: string;
  kind: string;
}

export interface MeasureDetails extends Measure {
  translations: MeasureTranslation[];
  tags: Record<TagKind, string[]>;
  bodies: MeasureBody[];
  partners: { name: string; sector: string }[];
  /** The documents the reader may see (a draft law stays hidden from visitors). */
  documents: MeasureDocument[];
  event: { slug: string; title: string; lang: string; published: boolean } | null;
}

export const emptyTags = (): Record<TagKind, string[]> =>
  Object.fromEntries(TAG_KINDS.map((k) => [k, [] as string[]])) as Record<TagKind, string[]>;

/**
 * One measure; its documents as `viewer` may see them ('all': every one, for an edit, so a save does
 * not drop a document the editor may not see).
 */
export async function getMeasure(
  db: Db,
  id: number,
  viewer: User | null | 'all' = null,
): Promise<MeasureDetails | undefined> {
  const m = await db.selectFrom('policy_measures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) return undefined;
  const [translations, tags, bodies, partners, documents, event] = await Promise.all([
    db
      .selectFrom('policy_measure_translations')
      .select(['lang', 'title', 'description'])
      .where('measure_id', '=', id)
      .execute(),
    db.selectFrom('policy_measure_tags').select(['kind', 'code']).where('measure_id', '=', id).execute(),
    db
      .selectFrom('policy_measure_bodies as b')
      .leftJoin('organisations as o', (j) =>
        j.onRef('o.id', '=', 'b.organisation_id').on('o.status', '=', 'published'),
      )
      .select(['b.name', 'o.slug', 'o.name as orgName'])
      .where('b.measure_id', '=', id)
      .orderBy('b.position')
      .execute(),
    db
      .selectFrom('policy_measure_partners')
      .select(['name', 'sector'])
      .where('measure_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('policy_measure_documents as md')
      .innerJoin('documents', 'documents.id', 'md.document_id')
      .select(['documents.slug', 'documents.title', 'documents.lang', 'documents.kind'])
      .where('md.measure_id', '=', id)
      .$if(viewer !== 'all', (q) => q.where(documentsVisibleTo(viewer === 'all' ? null : viewer)))
      .orderBy('documents.title')
      .execute(),
    m.event_id === null
      ? undefined
      : db
          .selectFrom('events')
          .select(['slug', 'title', 'lang', 'status'])
          .where('id', '=', m.event_id)
          .executeTakeFirst(),
  ]);
  const grouped = emptyTags();
  for (const t of tags) grouped[t.kind as TagKind]?.push(t.code);
  return {
    ...m,
    translations: translations.sort(byLang),
    tags: grouped,
    bodies: bodies.map((b) => ({ name: b.orgName ?? b.name, slug: b.slug ?? null })),
    partners,
    documents,
    event: event
      ? { slug: event.slug, title: event.title, lang: event.lang, published: event.status !== 'draft' }
      : null,
  };
}

/** The measure of the URL's `:id`, or 404. */
export async function loadMeasure(c: Context<AppEnv>, forEdit = false): Promise<MeasureDetails> {
  const id = Number(c.req.param('id'));
  const viewer = forEdit ? 'all' : (c.var.auth?.user ?? null);
  const m = Number.isSafeInteger(id) ? await getMeasure(c.var.deps.db, id, viewer) : undefined;
  if (!m) throw new HttpError(404, 'error.404.message');
  return m;
}

/** The countries where the user is a focal point (none for a visitor). */
export const focalCountriesOf = (db: Db, user: User | null): Promise<string[]> =>
  user ? focalPointCountries(db, user.id) : Promise.resolve([]);

/** Whether the reader may edit this measure (the page's buttons). */
export async function mayEdit(db: Db, user: User | null, m: Measure): Promise<boolean> {
  return canEdit(user, m, await focalCountriesOf(db, user));
}

// The translation a reader sees (exact locale, then its base language): platform/translations.ts.
export { translationFor } from '../../platform/translations.ts';
