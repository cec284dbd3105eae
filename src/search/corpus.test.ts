// The multilingual corpus (fixtures/corpus.json: 10+ documents in each of en, vi, th, lo, km, my,
// zh, ja, ko, mn, id) against the queries in fixtures/queries.json, whose expected results were
// written from the texts, not from this engine. Runs on SQLite and on PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { platformForFile } from '../../test/harness.ts';
import { indexRecord, search } from './index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const read = <T>(name: string): T =>
  JSON.parse(fs.readFileSync(path.join(here, 'fixtures', name), 'utf8')) as T;

interface CorpusDocument {
  id: string;
  lang: string;
  title: string;
  body: string;
  country: string;
}
interface CorpusQuery {
  q: string;
  lang?: string;
  kind: string;
  expect: string[];
  exclude?: string[];
  first?: string;
  note?: string;
}

const corpus = read<CorpusDocument[]>('corpus.json');
const queries = read<CorpusQuery[]>('queries.json');

const hub = await platformForFile();
beforeAll(async () => {
  await hub.deps.db.transaction().execute(async (trx) => {
    for (const doc of corpus) {
      await indexRecord(trx, {
        type: 'document',
        recordId: doc.id,
        lang: doc.lang,
        title: doc.title,
        body: doc.body,
        url: `/library/${doc.id}`,
        country: doc.country,
        visibility: 'public',
      });
    }
  });
}, 60_000);

describe('the corpus', () => {
  it('has at least 10 documents in each language of the region', () => {
    const perLanguage = new Map<string, number>();
    for (const d of corpus) perLanguage.set(d.lang, (perLanguage.get(d.lang) ?? 0) + 1);
    for (const lang of ['en', 'vi', 'th', 'lo', 'km', 'my', 'zh', 'ja', 'ko', 'mn', 'id']) {
      expect(perLanguage.get(lang) ?? 0, lang).toBeGreaterThanOrEqual(10);
    }
  });
});

describe.each(queries.map((q) => [`${q.kind}: ${q.q}`, q] as const))('%s', (_name, query) => {
  it('finds what it must, and nothing it must not', async () => {
    const result = await search(hub.deps.db, { q: query.q, viewer: null, limit: 100 });
    const ids = result.hits.map((h) => h.recordId);
    expect(ids, query.note).toEqual(expect.arrayContaining(query.expect));
    for (const id of query.exclude ?? [])
      expect(ids, `${id} must not be found. ${query.note ?? ''}`).not.toContain(id);
    if (query.first) expect(ids[0], query.note).toBe(query.first);
  });
});
