// The people of an agenda item: "Name, affiliation" lines as typed or pasted, linked to the people
// of the directory where a profile's address or a published profile's name says who they are.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ParsedPerson } from './agenda-text.ts';
import type { ItemRole } from './vocab.ts';

type Db = Kysely<Database>;

/** Honorifics and titles people are published with, left out when matching names to profiles. */
const TITLES = /^(?:(?:mr|mrs|ms|miss|dr|prof|assoc|h\.?e|ông|bà|ts|pgs|gs|ths)\.?\s+)+/iu;

export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(TITLES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface PersonRef {
  name: string;
  affiliation: string | null;
  role: ItemRole;
  personId: number | null;
}

/**
 * Links names to people of the directory: a profile's address (…/directory/people/slug) or a name
 * that matches a published profile's name once titles and accents are set aside. The rest stay
 * free text, as published.
 */
export async function resolvePeople(db: Db, people: ParsedPerson[]): Promise<PersonRef[]> {
  if (people.length === 0) return [];
  const slugs = people.flatMap((p) => {
    const m = /\/directory\/people\/([a-z0-9-]+)/.exec(p.name);
    return m?.[1] ? [m[1]] : [];
  });
  const folded = people.map((p) => foldName(p.name));
  const candidates = await db
    .selectFrom('people')
    .select(['id', 'slug', 'name', 'name_translit'])
    .where('status', '=', 'published')
    .where((eb) => {
      const ors = [];
      if (slugs.length) ors.push(eb('slug', 'in', slugs));
      // Narrow by the last word of each name; the exact comparison happens below.
      const lastWords = [
        ...new Set(
          people
            .flatMap((p, i) => [
              folded[i]?.split(' ').at(-1),
              p.name.trim().split(/\s+/).at(-1)?.toLowerCase(),
            ])
            .filter((w): w is string => !!w && w.length > 1),
        ),
      ];
      for (const w of lastWords.slice(0, 30)) ors.push(eb(eb.fn('lower', ['name']), 'like', `%${w}%`));
      return ors.length ? eb.or(ors) : eb.val(false);
    })
    .limit(500)
    .execute();
  return people.map((p, i) => {
    const bySlug = /\/directory\/people\/([a-z0-9-]+)/.exec(p.name)?.[1];
    const match = bySlug
      ? candidates.find((c) => c.slug === bySlug)
      : candidates.find(
          (c) =>
            foldName(c.name) === folded[i] || (c.name_translit && foldName(c.name_translit) === folded[i]),
        );
    return {
      name: bySlug && match ? match.name : p.name,
      affiliation: p.affiliation,
      role: p.role,
      personId: match?.id ?? null,
    };
  });
}

/** "Name, affiliation" lines of a form as people with one role. */
export function peopleFromLines(lines: string[], role: ItemRole): ParsedPerson[] {
  return lines.map((line) => {
    const comma = line.indexOf(',');
    return comma < 0
      ? { name: line.slice(0, 200), affiliation: null, role }
      : {
          name: line.slice(0, comma).trim().slice(0, 200),
          affiliation:
            line
              .slice(comma + 1)
              .trim()
              .slice(0, 300) || null,
          role,
        };
  });
}
