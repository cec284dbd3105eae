// The collated name order follows additions, renames and deletions, and sorts as the reader's
// language does (Thai leading vowels are not first letters), on SQLite or PostgreSQL.
import { describe, expect, it, vi } from 'vitest';
import { platformForFile } from '../../test/harness.ts';
import { nameOrder, sortByRank } from './collated-order.ts';

const hub = await platformForFile();
const now = () => new Date().toISOString();

async function add(name: string, status = 'published') {
  const { id } = await hub.deps.db
    .insertInto('organisations')
    .values({
      slug: `o-${Math.random().toString(36).slice(2)}`,
      kind: 'cso',
      name,
      lang: 'th',
      description: '',
      country: 'TH',
      links: '[]',
      contact_visibility: 'hidden',
      status: status as 'published',
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function publishedNames(locale: string) {
  const { published } = await nameOrder(hub.deps.db, 'organisations', locale);
  const rows = await hub.deps.db.selectFrom('organisations').select(['id', 'name']).execute();
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return published.map((id) => names.get(id));
}

describe('the collated name order', () => {
  it('follows the first row of a table that was empty when the order was built', async () => {
    // Built on the empty people table, then one person: PostgreSQL refused the empty "since".
    expect((await nameOrder(hub.deps.db, 'people', 'en')).published).toEqual([]);
    const { id } = await hub.deps.db
      .insertInto('people')
      .values({
        slug: 'first-person',
        name: 'First Person',
        lang: 'en',
        status: 'published',
        created_at: now(),
        updated_at: now(),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await nameOrder(hub.deps.db, 'people', 'en')).published).toEqual([id]);
  });

  it('sorts Thai names as Thai readers do, and follows additions, renames and deletions', async () => {
    // เก sorts under ก (its leading vowel is written first but read second): before ขา in Thai,
    // after it in code point order.
    const ke = await add('เก');
    await add('ขา');
    await add('กา');
    await add('ซ่อน', 'hidden');
    expect(await publishedNames('th')).toEqual(['กา', 'เก', 'ขา']);

    const first = await add('ก');
    expect(await publishedNames('th')).toEqual(['ก', 'กา', 'เก', 'ขา']);

    await new Promise((r) => setTimeout(r, 5)); // a later updated_at than the rows above
    await hub.deps.db
      .updateTable('organisations')
      .set({ name: 'ฮา', updated_at: now() })
      .where('id', '=', ke)
      .execute();
    expect(await publishedNames('th')).toEqual(['ก', 'กา', 'ขา', 'ฮา']);

    // A deletion shows at the next row count, taken at most every 10 seconds.
    await hub.deps.db.deleteFrom('organisations').where('id', '=', first).execute();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 11_000);
      expect(await publishedNames('th')).toEqual(['กา', 'ขา', 'ฮา']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sorts a selection by rank, unknown ids last', () => {
    const rank = new Map([
      [7, 0],
      [3, 1],
      [9, 2],
    ]);
    expect(sortByRank([9, 42, 3, 7, 5], (id) => rank.get(id) ?? -1)).toEqual([7, 3, 9, 5, 42]);
  });
});
