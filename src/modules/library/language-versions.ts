// Language versions: the same document in several languages, each a record of its own (its own
// title, summary, number, issuer, licence, files and search entry in its language) linked to one
// original. A version points to its original; the original is never itself a version, so the
// versions of a document are exactly its original and the records that point to it, and every
// record of the group can list all the others. See docs/library.md, "Language versions". The
// rules of linking are actions/language-versions.ts.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { canView } from './permissions.ts';

type Db = Kysely<Database>;

export interface LanguageVersionLink {
  slug: string;
  title: string;
  official_number: string | null;
  lang: string;
  /** The record the others are language versions of. */
  original: boolean;
}

export interface LanguageVersions {
  /** The original, when this record is a language version of another. */
  of: LanguageVersionLink | null;
  /** Every other record of the group (the original first), as the viewer may see them. */
  others: LanguageVersionLink[];
}

/** The language versions of many documents, as `viewer` may see them. */
export async function languageVersionsOf(
  db: Db,
  ids: number[],
  viewer: User | null,
): Promise<Map<number, LanguageVersions>> {
  const out = new Map<number, LanguageVersions>();
  if (ids.length === 0) return out;
  const ownLinks = await db
    .selectFrom('document_language_versions')
    .select(['document_id', 'original_id'])
    .where('document_id', 'in', ids)
    .execute();
  const originalOf = new Map(ownLinks.map((l) => [l.document_id, l.original_id]));
  const roots = [...new Set(ids.map((id) => originalOf.get(id) ?? id))];
  const members = await db
    .selectFrom('document_language_versions')
    .select(['document_id', 'original_id'])
    .where('original_id', 'in', roots)
    .execute();
  if (members.length === 0) return out;
  const membersOf = new Map<number, number[]>();
  for (const m of members)
    membersOf.set(m.original_id, [...(membersOf.get(m.original_id) ?? []), m.document_id]);
  const groupIds = [...new Set([...members.map((m) => m.document_id), ...membersOf.keys()])];
  const docs = await db
    .selectFrom('documents')
    .select(['id', 'slug', 'title', 'official_number', 'lang', 'published_at', 'created_by'])
    .where('id', 'in', groupIds)
    .execute();
  const docOf = new Map(docs.filter((d) => canView(viewer, d)).map((d) => [d.id, d]));
  for (const id of ids) {
    const root = originalOf.get(id) ?? id;
    const group = membersOf.get(root);
    if (!group) continue;
    const link = (other: number): LanguageVersionLink[] => {
      const d = docOf.get(other);
      return d
        ? [
            {
              slug: d.slug,
              title: d.title,
              official_number: d.official_number,
              lang: d.lang,
              original: other === root,
            },
          ]
        : [];
    };
    const others = [root, ...group]
      .filter((other) => other !== id)
      .flatMap(link)
      .sort((a, b) => Number(b.original) - Number(a.original) || a.lang.localeCompare(b.lang));
    out.set(id, { of: root === id ? null : (link(root)[0] ?? null), others });
  }
  return out;
}
