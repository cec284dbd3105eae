// URL names made from a title or a name: Latin letters and digits in words joined by hyphens
// (the one slug rule of http/fields.ts), marks stripped ("Quyết định" → "quyet-dinh"), unique in
// their table and never a word that names a page of its own.

/** The slug a title gives, or `fallback` when nothing of it is in Latin letters or digits. */
export function slugFrom(title: string, fallback: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || fallback
  );
}

/**
 * The first of `base`, `base-2`, `base-3` … that is neither reserved nor taken (`isTaken` asks the
 * record's table).
 */
export async function uniqueSlug(
  base: string,
  isTaken: (slug: string) => Promise<boolean>,
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!reserved.has(slug) && !(await isTaken(slug))) return slug;
  }
}
