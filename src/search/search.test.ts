// The index and the query language on a small hand-made set, on SQLite or PostgreSQL. The large
// multilingual corpus is in corpus.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { platformForFile } from '../../test/harness.ts';
import {
  indexRecord,
  indexRecords,
  MATCH_CAP,
  matchingRecordIds,
  removeRecord,
  type SearchableRecord,
  search,
  suggest,
} from './index.ts';

const hub = await platformForFile();
const anonymous = null;
const admin = { id: 1, role: 'admin' as const };
const member = (id: number) => ({ id, role: 'member' as const });

const records: SearchableRecord[] = [
  {
    type: 'event',
    recordId: 1,
    title: 'Policy dialogue on creative hubs in Huế',
    body: 'Creative hubs of Ha Noi, Huế and Ho Chi Minh City met the Ministry.',
    url: '/e/1',
    country: 'VN',
    visibility: 'public',
  },
  {
    type: 'document',
    recordId: 2,
    title: 'Đường phố và văn hóa',
    body: 'Phố đi bộ ở Hà Nội.',
    url: '/d/2',
    country: 'VN',
    visibility: 'public',
    lang: 'vi',
  },
  {
    type: 'document',
    recordId: 3,
    title: 'Dương cầm và âm nhạc',
    body: 'Đàn dương cầm trong nhà hát.',
    url: '/d/3',
    country: 'VN',
    visibility: 'public',
    lang: 'vi',
  },
  {
    type: 'organisation',
    recordId: 4,
    title: 'ສູນສິລະປະຫັດຖະກໍາລາວ',
    body: 'ການທໍຜ້າໄໝແລະເຄື່ອງປັ້ນດິນເຜົາຂອງຊົນເຜົ່າ',
    url: '/o/4',
    country: 'LA',
    visibility: 'public',
  },
  {
    type: 'document',
    recordId: 5,
    title: 'Draft strategy for film',
    body: 'A draft about the film industry.',
    url: '/d/5',
    visibility: 'private',
    ownerId: 42,
  },
  {
    type: 'document',
    recordId: 6,
    title: 'Members-only notes on film',
    body: 'Notes from the film club.',
    url: '/d/6',
    visibility: 'members',
  },
  {
    type: 'event',
    recordId: 7,
    title: 'Film festival in Qingdao',
    body: 'A cinema club and film facilities.',
    url: '/e/7',
    country: 'CN',
    visibility: 'public',
  },
];

beforeAll(async () => {
  await hub.deps.db.transaction().execute(async (trx) => {
    for (const r of records) await indexRecord(trx, r);
  });
});

const ids = async (q: string, viewer: Parameters<typeof search>[1]['viewer'] = anonymous, extra = {}) =>
  (await search(hub.deps.db, { q, viewer, ...extra })).hits.map((h) => `${h.type}:${h.recordId}`);

describe('search', () => {
  it('finds Vietnamese words typed without marks, and puts the exact form first', async () => {
    expect(await ids('hue')).toEqual(['event:1']);
    expect((await ids('duong')).sort()).toEqual(['document:2', 'document:3']);
    expect((await ids('đường'))[0]).toBe('document:2');
    expect((await ids('dương'))[0]).toBe('document:3');
  });

  it('finds a Lao word in the middle of a run of text', async () => {
    expect(await ids('ຜ້າໄໝ')).toEqual(['organisation:4']);
    expect(await ids('ດິນເຜົາ')).toEqual(['organisation:4']);
    expect(await ids('ຜ້າຝ້າຍ')).toEqual([]);
  });

  it('weighs titles above text and supports phrases, exclusion, OR and prefixes', async () => {
    expect(await ids('film')).toEqual(['event:7']);
    expect(await ids('"film festival"')).toEqual(['event:7']);
    expect(await ids('"festival film"')).toEqual([]);
    expect(await ids('creative -Qingdao')).toEqual(['event:1']);
    expect((await ids('Qingdao OR dialogue')).sort()).toEqual(['event:1', 'event:7']);
    expect(await ids('festi')).toEqual(['event:7']);
    expect(await ids('festi ')).toEqual([]);
  });

  it('never shows private or members-only records to those who may not see them', async () => {
    expect(await ids('film')).toEqual(['event:7']);
    expect((await ids('film', member(7))).sort()).toEqual(['document:6', 'event:7']);
    expect((await ids('film', member(42))).sort()).toEqual(['document:5', 'document:6', 'event:7']);
    expect((await ids('film', admin)).length).toBe(3);
    const result = await search(hub.deps.db, { q: 'draft', viewer: anonymous });
    expect(result.total).toBe(0);
    expect(await suggest(hub.deps.db, 'dra', anonymous)).toEqual([]);
  });

  it('filters by type, language and country, and counts by type', async () => {
    const all = await search(hub.deps.db, { q: 'creative OR film', viewer: anonymous });
    expect(all.facets.type).toEqual({ event: 2 });
    expect(all.facets.country).toEqual({ VN: 1, CN: 1 });
    const vn = await search(hub.deps.db, { q: 'creative OR film', viewer: anonymous, country: 'VN' });
    expect(vn.total).toBe(1);
    // The country facet still shows the other country to switch to.
    expect(vn.facets.country).toEqual({ VN: 1, CN: 1 });
    expect(await ids('hue', anonymous, { types: ['document'] })).toEqual([]);
    expect(await ids('duong', anonymous, { lang: 'vi', country: 'VN' })).toHaveLength(2);
    expect(await ids('film', anonymous, { country: 'VN' })).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await search(hub.deps.db, { q: 'duong', viewer: anonymous, limit: 1 });
    expect(first.hits).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = await search(hub.deps.db, {
      q: 'duong',
      viewer: anonymous,
      limit: 1,
      cursor: first.nextCursor ?? '',
    });
    expect(second.hits).toHaveLength(1);
    expect(second.hits[0]?.recordId).not.toBe(first.hits[0]?.recordId);
    expect(second.nextCursor).toBeNull();
    // A cursor someone made up is read as the first page.
    expect((await search(hub.deps.db, { q: 'duong', viewer: anonymous, cursor: '!!!' })).hits).toHaveLength(
      2,
    );
  });

  it('marks the matched words in a snippet', async () => {
    const [hit] = (await search(hub.deps.db, { q: 'hue', viewer: anonymous })).hits;
    expect(hit?.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['Huế']);
  });

  it('updates and removes records', async () => {
    await indexRecord(hub.deps.db, {
      ...records[6]!,
      title: 'Animation week in Qingdao',
      body: 'Short films.',
    });
    expect(await ids('festival')).toEqual([]);
    expect(await ids('animation')).toEqual(['event:7']);
    await removeRecord(hub.deps.db, 'event', 7);
    expect(await ids('animation')).toEqual([]);
    await indexRecord(hub.deps.db, records[6]!);
  });

  it('answers strange input with results or nothing, never an error', async () => {
    const inputs = [
      '',
      '   ',
      '"',
      '""',
      '*',
      'NEAR(film festival)',
      'film:',
      "'; DROP TABLE search_documents; --",
      'title:film',
      '{title}: film',
      'film AND OR NOT',
      '-film',
      '- - -',
      '\uD800\uDFFF\uDBFF',
      '\u0000\u0007film',
      '🎬 film',
      'ฟิล์ม film 電影',
      'x'.repeat(5000),
      'a '.repeat(300),
      '(((',
      'OR',
      'film OR',
      '"unterminated phrase',
    ];
    for (const q of inputs) {
      const result = await search(hub.deps.db, { q, viewer: anonymous });
      expect(Array.isArray(result.hits)).toBe(true);
    }
    expect((await search(hub.deps.db, { q: '', viewer: anonymous })).problem).toBe('empty');
    expect((await search(hub.deps.db, { q: '-film', viewer: anonymous })).problem).toBe('onlyExcluded');
    expect(await ids('NEAR(film festival)')).toEqual([]);
    expect(await ids('film:')).toEqual(['event:7']);
  });

  it('ranks the newest matches of a very common word, after applying filters and access', async () => {
    // Three older documents, then more newer events than are ranked.
    await indexRecords(
      hub.deps.db,
      [1, 2, 3].map((i) => ({
        type: 'report',
        recordId: `old-${i}`,
        title: `Common report ${i}`,
        body: '',
        url: '/',
        visibility: 'public' as const,
      })),
    );
    await indexRecords(
      hub.deps.db,
      Array.from({ length: MATCH_CAP + 50 }, (_, i) => ({
        type: 'notice',
        recordId: `n-${i}`,
        title: `Common notice ${i}`,
        body: 'common words everywhere',
        url: '/',
        visibility: i % 2 ? ('public' as const) : ('private' as const),
      })),
    );
    const all = await search(hub.deps.db, { q: 'common', viewer: admin });
    expect(all.overCap).toBe(true);
    expect(all.total).toBeGreaterThanOrEqual(MATCH_CAP);
    expect(all.hits).toHaveLength(20);
    // The filter is applied inside the index, before the newest matches are taken.
    const reports = await search(hub.deps.db, { q: 'common', viewer: anonymous, types: ['report'] });
    expect(reports.overCap).toBe(false);
    expect(reports.total).toBe(3);
    expect(reports.hits.map((h) => h.recordId).sort()).toEqual(['old-1', 'old-2', 'old-3']);
    // Private notices stay out even among thousands of matches.
    const visible = await search(hub.deps.db, { q: 'common notice', viewer: anonymous, limit: 100 });
    expect(visible.hits.every((h) => Number(h.recordId.slice(2)) % 2 === 1)).toBe(true);
  });

  it("gives a list the newest matches of its type, unranked and within the access rule ('newest')", async () => {
    // After the test above: MATCH_CAP + 50 notices, every other one private.
    const newest = await matchingRecordIds(hub.deps.db, 'common', {
      types: ['notice'],
      viewer: anonymous,
      order: 'newest',
    });
    expect(newest.length).toBeLessThanOrEqual(MATCH_CAP);
    expect(newest.length).toBeGreaterThan(MATCH_CAP / 2);
    expect(newest.every((id) => Number(id.slice(2)) % 2 === 1)).toBe(true);
    // Newest first: the last notice written (n-2049, public) leads, the order only descends.
    expect(newest[0]).toBe(`n-${MATCH_CAP + 49}`);
    const numbers = newest.map((id) => Number(id.slice(2)));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    // The type filter holds: no report, and the reports alone are the three.
    expect(newest.some((id) => id.startsWith('old-'))).toBe(false);
    const reports = await matchingRecordIds(hub.deps.db, 'common', {
      types: ['report'],
      viewer: anonymous,
      order: 'newest',
    });
    expect(reports.sort()).toEqual(['old-1', 'old-2', 'old-3']);
  });
});
