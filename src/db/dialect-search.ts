// The search index, the one piece of SQL that is entirely different on the two databases (see
// dialect.ts for the rest).
//
// SQLite: a contentless FTS5 table `search_fts` whose rowid is search_documents.id, tokenized by
// "ascii" (split on spaces and nothing else: the application has already made the tokens).
// PostgreSQL: tsvector columns on search_documents with GIN indexes, written as tsvector literals
// so that no text parser changes the tokens. Both receive exactly the same tokens.
//
// Besides title, body and the exact (accented) words, each document has "meta" tokens: its type,
// language, country, visibility and owner. Filters and the access rule are part of the match
// itself, so the index answers them without reading search_documents.
//
// A common word can match a large share of a million documents, and ranking every match costs
// about a microsecond each. So ranking looks at the newest CAP matches only (FTS5 walks its
// doclists newest-first and stops; PostgreSQL sorts ids, which is cheap next to ranking); counts
// and facets stop at CAP too and say so.
import { type Kysely, type Selectable, sql } from 'kysely';
import { dialectOf } from './dialect.ts';
import type { SearchDocumentsTable } from './schema.ts';

/** Positions beyond this are not kept by PostgreSQL; both databases index at most this many. */
export const MAX_BODY_TOKENS = 15_000;
const MAX_TITLE_TOKENS = 300;
/** How many of the newest matches are ranked, counted and used for facets. */
export const MATCH_CAP = 2000;

export async function createSearchIndex<T>(db: Kysely<T>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const column of ['tsv', 'exact_tsv', 'meta_tsv']) {
      await sql`ALTER TABLE search_documents ADD COLUMN ${sql.ref(column)} tsvector NOT NULL DEFAULT ''::tsvector`.execute(
        db,
      );
      await sql`CREATE INDEX ${sql.ref(`search_documents_${column}_idx`)} ON search_documents USING gin (${sql.ref(column)})`.execute(
        db,
      );
    }
  } else {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, exact, meta, tokenize = 'ascii', content = '', contentless_delete = 1)`.execute(
      db,
    );
  }
}

export async function dropSearchIndex<T>(db: Kysely<T>): Promise<void> {
  if (dialectOf(db) !== 'postgres') await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
}

export interface IndexStreams {
  title: string[];
  body: string[];
  exact: string[];
  meta: string[];
}

function lexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A tsvector literal: title tokens weighted A from position 1, body tokens after a gap. */
function tsvectorLiteral(title: string[], body: string[]): string {
  const positions = new Map<string, string[]>();
  const add = (token: string, position: number, weight: string) => {
    const list = positions.get(token) ?? [];
    if (list.length < 256) list.push(`${Math.min(position, 16383)}${weight}`);
    positions.set(token, list);
  };
  const titleTokens = title.slice(0, MAX_TITLE_TOKENS);
  for (const [i, t] of titleTokens.entries()) add(t, i + 1, 'A');
  const offset = titleTokens.length + 2;
  for (const [i, t] of body.slice(0, MAX_BODY_TOKENS).entries()) add(t, offset + i, '');
  return [...positions].map(([token, list]) => `${lexeme(token)}:${list.join(',')}`).join(' ');
}

const bagLiteral = (tokens: string[]) => [...new Set(tokens)].map(lexeme).join(' ');

/** A search_documents row and the tokens to index for it. */
export interface SearchRow {
  /** Every column but the id, which the database gives. */
  row: Omit<Selectable<SearchDocumentsTable>, 'id'>;
  streams: IndexStreams;
}

const ROW_COLUMNS = [
  'type',
  'record_id',
  'lang',
  'title',
  'body',
  'url',
  'country',
  'visibility',
  'owner_id',
  'updated_at',
] as const;
/** Rows per statement: well under SQLite's limit of 32 766 parameters. */
const CHUNK = 200;

/**
 * Adds or replaces documents and their index entries, many rows per statement. Call in the
 * transaction that writes the records.
 */
export async function writeSearchRows<T>(db: Kysely<T>, input: SearchRow[]): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  // A record given twice is written once, as last given (an upsert may touch a row only once).
  const rows = [...new Map(input.map((r) => [`${r.row.type}\u0000${r.row.record_id}`, r])).values()];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const columns = sql.join(ROW_COLUMNS.map((c) => sql.ref(c)));
    const updates = sql.join(ROW_COLUMNS.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
    if (postgres) {
      const values = chunk.map(
        ({ row, streams }) =>
          sql`(${sql.join(ROW_COLUMNS.map((c) => row[c]))}, ${tsvectorLiteral(streams.title, streams.body)}::tsvector,
               ${bagLiteral(streams.exact)}::tsvector, ${bagLiteral(streams.meta)}::tsvector)`,
      );
      await sql`INSERT INTO search_documents (${columns}, tsv, exact_tsv, meta_tsv) VALUES ${sql.join(values)}
        ON CONFLICT (type, record_id) DO UPDATE SET ${updates},
          tsv = excluded.tsv, exact_tsv = excluded.exact_tsv, meta_tsv = excluded.meta_tsv`.execute(db);
      continue;
    }
    const values = chunk.map(({ row }) => sql`(${sql.join(ROW_COLUMNS.map((c) => row[c]))})`);
    const ids = await sql<{
      id: number;
      type: string;
      record_id: string;
    }>`INSERT INTO search_documents (${columns})
      VALUES ${sql.join(values)} ON CONFLICT (type, record_id) DO UPDATE SET ${updates}
      RETURNING id, type, record_id`.execute(db);
    const idOf = new Map(ids.rows.map((r) => [`${r.type}\u0000${r.record_id}`, r.id]));
    const entries = chunk.map(({ row, streams }) => {
      const id = idOf.get(`${row.type}\u0000${row.record_id}`);
      return sql`(${id}, ${streams.title.slice(0, MAX_TITLE_TOKENS).join(' ')}, ${streams.body
        .slice(0, MAX_BODY_TOKENS)
        .join(' ')}, ${streams.exact.join(' ')}, ${streams.meta.join(' ')})`;
    });
    // Contentless FTS5 tables with contentless_delete=1 replace a rowid's entry in one statement.
    await sql`INSERT OR REPLACE INTO search_fts (rowid, title, body, exact, meta) VALUES ${sql.join(entries)}`.execute(
      db,
    );
  }
}

export async function deleteSearchEntry<T>(db: Kysely<T>, id: number): Promise<void> {
  if (dialectOf(db) !== 'postgres') await sql`DELETE FROM search_fts WHERE rowid = ${id}`.execute(db);
}

export async function clearSearchIndex<T>(db: Kysely<T>): Promise<void> {
  if (dialectOf(db) !== 'postgres') await sql`DELETE FROM search_fts`.execute(db);
}

/** A match compiled for both databases (see search/query.ts). */
export interface CompiledMatch {
  /** FTS5 expression: words over title and body, AND the meta conditions. */
  fts: string;
  /** The same words without the meta conditions. */
  ftsWords: string;
  /** Whether the meta conditions filter by type, language or country (not only by access). */
  narrow: boolean;
  /** tsquery literal over tsv, and one over meta_tsv ('' for none). */
  tsquery: string;
  tsMeta: string;
  /** The accented words, to rank exact matches first. */
  ftsExact?: string;
  tsExact?: string;
}

export interface RankedId {
  id: number;
  score: number;
}

/**
 * A page of the best matches among the newest MATCH_CAP, best first (exact accented matches before
 * the rest), and whether there are more than MATCH_CAP matches in all.
 */
export async function rankedPage<T>(
  db: Kysely<T>,
  m: CompiledMatch,
  page: { limit: number; offset: number },
): Promise<{ ids: RankedId[]; overCap: boolean; newest?: number[] }> {
  if (dialectOf(db) === 'postgres') {
    const metaCondition = m.tsMeta ? sql`AND meta_tsv @@ ${m.tsMeta}::tsquery` : sql``;
    const exact = m.tsExact
      ? sql`(CASE WHEN d.exact_tsv @@ ${m.tsExact}::tsquery THEN 1 ELSE 0 END)`
      : sql`0`;
    const rows = await sql<RankedId & { over: number }>`
      WITH newest AS (
        SELECT id FROM search_documents WHERE tsv @@ ${m.tsquery}::tsquery ${metaCondition}
        ORDER BY id DESC LIMIT ${MATCH_CAP + 1}
      ), counted AS (SELECT count(*) AS n FROM newest)
      SELECT d.id, ts_rank('{0.1, 0.1, 0.1, 1.0}', d.tsv, ${m.tsquery}::tsquery) AS score,
             ${exact} AS exact_hit, (SELECT n FROM counted) AS over
      FROM (SELECT id FROM newest ORDER BY id DESC LIMIT ${MATCH_CAP}) n JOIN search_documents d ON d.id = n.id
      ORDER BY exact_hit DESC, score DESC, d.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
    return {
      ids: rows.rows.map((r) => ({ id: r.id, score: Number(r.score) })),
      overCap: Number(rows.rows[0]?.over ?? 0) > MATCH_CAP,
    };
  }
  // The newest MATCH_CAP matches are the candidates; one more tells that there are more.
  const newest = await sql<{ rowid: number }>`SELECT rowid FROM search_fts WHERE search_fts MATCH ${m.fts}
    ORDER BY rowid DESC LIMIT ${MATCH_CAP + 1}`.execute(db);
  const overCap = newest.rows.length > MATCH_CAP;
  const floor = overCap ? (newest.rows[MATCH_CAP]?.rowid ?? 0) : 0;
  if (newest.rows.length === 0) return { ids: [], overCap: false };
  // bm25() weighs each phrase of its MATCH by reading the phrase's documents through the whole
  // index, once per query. Without filters the MATCH's meta phrase is the access rule (`vpublic`,
  // in most documents): reading it cost more than the words at a million documents (p50 70 ms of
  // 90). So rank on the words alone and keep the candidates; with a type, language or country
  // filter the candidates are a minority of the words' matches, and the full MATCH ranks fewer rows.
  const candidates = m.narrow ? null : new Set(newest.rows.slice(0, MATCH_CAP).map((r) => r.rowid));
  const [scored, exact] = await Promise.all([
    sql<RankedId>`SELECT rowid AS id, -bm25(search_fts, 10.0, 1.0, 0.0, 0.0) AS score
      FROM search_fts WHERE search_fts MATCH ${candidates ? m.ftsWords : m.fts} AND rowid > ${floor}`.execute(
      db,
    ),
    m.ftsExact
      ? sql<{ id: number }>`SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${m.ftsExact}
          AND rowid > ${floor}`.execute(db)
      : undefined,
  ]);
  const exactIds = new Set(exact?.rows.map((r) => r.id) ?? []);
  const ranked = scored.rows
    .filter((r) => !candidates || candidates.has(r.id))
    .map((r) => ({ id: r.id, score: Number(r.score), exact: exactIds.has(r.id) ? 1 : 0 }))
    .sort((a, b) => b.exact - a.exact || b.score - a.score || b.id - a.id);
  return {
    ids: ranked.slice(page.offset, page.offset + page.limit).map(({ id, score }) => ({ id, score })),
    overCap,
    newest: newest.rows.slice(0, MATCH_CAP).map((r) => r.rowid),
  };
}

/**
 * The newest matches (at most MATCH_CAP), newest first, not ranked: for a list that keeps its own
 * order (a forum's posts, events by date). Ranking is most of a search's cost when a word is
 * common — bm25() reads every document of each phrase to weigh it: 100–200 ms at a million forum
 * posts (docs/search.md) — and such a list would throw the order away.
 */
export async function newestMatches<T>(db: Kysely<T>, m: CompiledMatch): Promise<number[]> {
  const rows =
    dialectOf(db) === 'postgres'
      ? await sql<{ id: number }>`SELECT id FROM search_documents WHERE tsv @@ ${m.tsquery}::tsquery
          ${m.tsMeta ? sql`AND meta_tsv @@ ${m.tsMeta}::tsquery` : sql``} ORDER BY id DESC LIMIT ${MATCH_CAP}`.execute(
          db,
        )
      : await sql<{ id: number }>`SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${m.fts}
          ORDER BY rowid DESC LIMIT ${MATCH_CAP}`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

/** type, language and country of the newest MATCH_CAP matches, counted. */
export async function facetCounts<T>(
  db: Kysely<T>,
  m: CompiledMatch,
  /** The newest matches when the caller already has them (the same MATCH ran for the page). */
  known?: number[],
): Promise<{ type: string; lang: string | null; country: string | null; n: number }[]> {
  // (Only SQLite's rankedPage hands them over; json_each is SQLite's.)
  const newest =
    known && dialectOf(db) === 'sqlite'
      ? sql`SELECT value AS id FROM json_each(${JSON.stringify(known)})`
      : dialectOf(db) === 'postgres'
        ? sql`SELECT id FROM search_documents WHERE tsv @@ ${m.tsquery}::tsquery
          ${m.tsMeta ? sql`AND meta_tsv @@ ${m.tsMeta}::tsquery` : sql``} ORDER BY id DESC LIMIT ${MATCH_CAP}`
        : sql`SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${m.fts} ORDER BY rowid DESC LIMIT ${MATCH_CAP}`;
  const rows = await sql<{ type: string; lang: string | null; country: string | null; n: number }>`
    SELECT d.type, d.lang, d.country, count(*) AS n FROM (${newest}) m JOIN search_documents d ON d.id = m.id
    GROUP BY d.type, d.lang, d.country`.execute(db);
  return rows.rows.map((r) => ({ ...r, n: Number(r.n) }));
}
