// The search module's interface. Other modules index their records with indexRecord() and
// removeRecord() — inside the transaction that writes the record, so the index is never stale —
// and declare a SearchProvider so `hub search reindex` can rebuild everything. Readers only ever
// see what their role allows: the access rule is applied inside every query, not after it.
import type { Kysely } from 'kysely';
import {
  type CompiledMatch,
  deleteSearchEntry,
  facetCounts,
  MATCH_CAP,
  newestMatches,
  rankedPage,
  type SearchRow,
  writeSearchRows,
} from '../db/dialect-search.ts';
import type { Database, Role, Visibility } from '../db/schema.ts';
import type { MessageKey } from '../platform/i18n.ts';
import { cleanText } from './normalize.ts';
import { exactToFts5, exactToTsquery, type ParsedQuery, parseQuery, toFts5, toTsquery } from './query.ts';
import { guessLanguage } from './scripts.ts';
import { type SnippetPart, snippet } from './snippet.ts';
import { indexTokens } from './tokenize.ts';

export { MATCH_CAP } from '../db/dialect-search.ts';
export { MAX_QUERY_LENGTH, parseQuery } from './query.ts';
export type { SnippetPart } from './snippet.ts';

type Db = Kysely<Database>;

/** What a module hands to the index for one of its records. */
export interface SearchableRecord {
  type: string;
  recordId: string | number;
  /** BCP 47 tag of the text; guessed from its script when not given. */
  lang?: string | null;
  title: string;
  body: string;
  /** Where the record is read, e.g. /directory/stella. */
  url: string;
  country?: string | null;
  visibility: Visibility;
  /** With visibility `scoped`: the scope whose readers find it, e.g. `group:12` (platform/scopes.ts). */
  scope?: string | null;
  ownerId?: number | null;
  updatedAt?: string;
}

/** A kind of record a module indexes, and how to rebuild its part of the index. */
export interface SearchProvider {
  type: string;
  /** How the type is named in results and filters (a key in the locale files). */
  label: MessageKey;
  records: (db: Db) => AsyncIterable<SearchableRecord>;
}

/** Who is searching, and the scopes whose private content they read (their groups: `group:12`). */
export type Viewer = { id: number; role: Role; scopes?: readonly string[] } | null;

const STORED_BODY_CHARS = 20_000;

function toSearchRow(record: SearchableRecord): SearchRow {
  const title = cleanText(record.title).slice(0, 1000);
  const body = cleanText(record.body);
  const t = indexTokens(title, 300);
  const b = indexTokens(body);
  return {
    row: {
      type: record.type,
      record_id: String(record.recordId),
      lang: record.lang ?? guessLanguage(`${title} ${body.slice(0, 500)}`) ?? null,
      title,
      body: body.slice(0, STORED_BODY_CHARS),
      url: record.url,
      country: record.country ?? null,
      visibility: record.visibility,
      owner_id: record.ownerId ?? null,
      updated_at: record.updatedAt ?? new Date().toISOString(),
    },
    streams: {
      title: t.tokens,
      body: b.tokens,
      exact: [...t.exact, ...b.exact],
      meta: metaTokens(record),
    },
  };
}

/**
 * Tokens for the filters and the access rule, in their own column of the index: `t` type, `l`
 * language, `c` country, `v` visibility, `o` owner, `s` scope. Letters and digits only (the index splits on
 * anything else).
 */
function meta(kind: 't' | 'l' | 'c' | 'v' | 'o' | 's', value: string | number): string {
  return `${kind}${String(value)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
}

function metaTokens(record: SearchableRecord): string[] {
  const tokens = [meta('t', record.type), meta('v', record.visibility)];
  const lang = record.lang ?? guessLanguage(`${record.title} ${record.body.slice(0, 500)}`);
  if (lang) tokens.push(meta('l', lang));
  if (record.country) tokens.push(meta('c', record.country));
  // A scoped entry is found through its scope only: an author who has left the group no longer finds it.
  if (record.visibility === 'scoped') {
    if (record.scope) tokens.push(meta('s', record.scope));
  } else if (record.ownerId) tokens.push(meta('o', record.ownerId));
  return tokens;
}

/** Adds or replaces a record in the index. Pass the transaction that writes the record. */
export async function indexRecord(db: Db, record: SearchableRecord): Promise<void> {
  await writeSearchRows(db, [toSearchRow(record)]);
}

/** Adds or replaces many records at once (imports, reindexing). */
export async function indexRecords(db: Db, records: readonly SearchableRecord[]): Promise<void> {
  await writeSearchRows(db, records.map(toSearchRow));
}

export async function removeRecord(db: Db, type: string, recordId: string | number): Promise<void> {
  const row = await db
    .deleteFrom('search_documents')
    .where('type', '=', type)
    .where('record_id', '=', String(recordId))
    .returning('id')
    .executeTakeFirst();
  if (row) await deleteSearchEntry(db, row.id);
}

export interface SearchRequest {
  q: string;
  viewer: Viewer;
  types?: string[];
  lang?: string;
  country?: string;
  cursor?: string;
  limit?: number;
}

export interface SearchHit {
  type: string;
  recordId: string;
  title: string;
  url: string;
  lang: string | null;
  country: string | null;
  snippet: SnippetPart[];
  score: number;
}

export type FacetCounts = Record<string, number>;

export interface SearchResult {
  hits: SearchHit[];
  /** How many documents match the query and every filter (at least this many when overCap). */
  total: number;
  /** More documents match than are ranked and counted (MATCH_CAP): facets count the newest. */
  overCap: boolean;
  /**
   * Counts per type, language and country. Each facet counts with the other filters applied but
   * not its own, so a reader sees what choosing another value would give.
   */
  facets: { type: FacetCounts; lang: FacetCounts; country: FacetCounts };
  nextCursor: string | null;
  /** Set when there was nothing to search for. */
  problem?: ParsedQuery['problem'];
}

const MAX_OFFSET = 1000;

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}
function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const o = JSON.parse(Buffer.from(cursor, 'base64url').toString()).o;
    return Number.isInteger(o) && o >= 0 && o <= MAX_OFFSET ? o : 0;
  } catch {
    return 0;
  }
}

/** Conditions on the meta tokens: every group must have one of its tokens. */
type MetaGroups = string[][];

/**
 * The access rule: what a viewer may find. Editors see every entry but the scoped ones of scopes
 * they do not belong to (a secret group's content is its members' only); admins see everything.
 */
function visibilityGroup(viewer: Viewer): string[] | null {
  if (!viewer) return [meta('v', 'public')];
  if (viewer.role === 'admin') return null;
  const scopes = (viewer.scopes ?? []).map((scope) => meta('s', scope));
  if (viewer.role === 'editor')
    return [meta('v', 'public'), meta('v', 'members'), meta('v', 'private'), ...scopes];
  return [meta('v', 'public'), meta('v', 'members'), meta('o', viewer.id), ...scopes];
}

function compile(parsed: ParsedQuery, groups: MetaGroups, columns = '{title body}'): CompiledMatch {
  const ftsMeta = groups.map((g) => ` AND {meta} : (${g.map((t) => `"${t}"`).join(' OR ')})`).join('');
  const tsMeta = groups.map((g) => `(${g.map((t) => `'${t}'`).join(' | ')})`).join(' & ');
  const ftsExact = exactToFts5(parsed);
  const tsExact = exactToTsquery(parsed);
  const words = `(${toFts5(parsed, columns)})`;
  return {
    fts: `${words}${ftsMeta}`,
    ftsWords: words,
    // Filters by type, language or country keep a minority of the matches (the access rule keeps
    // most of them): see rankedPage.
    narrow: groups.some((g) => g.some((token) => !/^[vos]/.test(token))),
    tsquery: toTsquery(parsed),
    tsMeta,
    ...(ftsExact ? { ftsExact } : {}),
    ...(tsExact ? { tsExact } : {}),
  };
}

const NO_FACETS = { type: {}, lang: {}, country: {} };

export async function search(db: Db, request: SearchRequest): Promise<SearchResult> {
  const parsed = parseQuery(request.q);
  if (parsed.problem) {
    return {
      hits: [],
      total: 0,
      overCap: false,
      facets: NO_FACETS,
      nextCursor: null,
      problem: parsed.problem,
    };
  }
  const limit = Math.min(Math.max(request.limit ?? 20, 1), 100);
  const offset = decodeCursor(request.cursor);
  const access = visibilityGroup(request.viewer);
  const base: MetaGroups = access ? [access] : [];
  const filters: MetaGroups = [...base];
  if (request.types?.length) filters.push(request.types.map((t) => meta('t', t)));
  if (request.lang) filters.push([meta('l', request.lang)]);
  if (request.country) filters.push([meta('c', request.country)]);

  const { ids, overCap, newest } = await rankedPage(db, compile(parsed, filters), {
    limit: limit + 1,
    offset,
  });
  const pageIds = ids.slice(0, limit);
  const docs = pageIds.length
    ? await db
        .selectFrom('search_documents')
        .select(['id', 'type', 'record_id', 'title', 'body', 'url', 'lang', 'country'])
        .where(
          'id',
          'in',
          pageIds.map((r) => r.id),
        )
        .execute()
    : [];
  const byId = new Map(docs.map((d) => [d.id, d]));

  // Facets count the newest matches without the type, language and country filters; each facet
  // then applies the other two filters, so a reader sees what choosing another value would give.
  // Without filters the page's MATCH was the same: its newest matches are counted as they are.
  const unfiltered = filters.length === base.length;
  const groups = await facetCounts(db, compile(parsed, base), unfiltered ? newest : undefined);
  const facets = { type: {} as FacetCounts, lang: {} as FacetCounts, country: {} as FacetCounts };
  let counted = 0;
  for (const g of groups) {
    const typeOk = !request.types?.length || request.types.includes(g.type);
    const langOk = !request.lang || g.lang === request.lang;
    const countryOk = !request.country || g.country === request.country;
    if (langOk && countryOk) facets.type[g.type] = (facets.type[g.type] ?? 0) + g.n;
    if (typeOk && countryOk && g.lang) facets.lang[g.lang] = (facets.lang[g.lang] ?? 0) + g.n;
    if (typeOk && langOk && g.country) facets.country[g.country] = (facets.country[g.country] ?? 0) + g.n;
    if (typeOk && langOk && countryOk) counted += g.n;
  }
  const more = ids.length > limit && offset + limit < Math.min(MAX_OFFSET, MATCH_CAP);
  return {
    hits: pageIds.flatMap(({ id, score }) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          type: r.type,
          recordId: r.record_id,
          title: r.title,
          url: r.url,
          lang: r.lang,
          country: r.country,
          snippet: snippet(r.body, parsed),
          score,
        },
      ];
    }),
    total: overCap ? Math.max(counted, MATCH_CAP) : counted,
    overCap,
    facets,
    nextCursor: more ? encodeCursor(offset + limit) : null,
  };
}

/**
 * The records of some types that match a query (at most MATCH_CAP): how a module searches within
 * its own list while applying its own filters. Best first by default; `order: 'newest'` for a list
 * that sorts them its own way (by date, by activity): the newest matches, unranked, much cheaper.
 */
export async function matchingRecordIds(
  db: Db,
  q: string,
  options: { types: string[]; viewer: Viewer; order?: 'best' | 'newest' },
): Promise<string[]> {
  const parsed = parseQuery(q);
  if (parsed.problem) return [];
  const access = visibilityGroup(options.viewer);
  const groups: MetaGroups = [...(access ? [access] : []), options.types.map((t) => meta('t', t))];
  const match = compile(parsed, groups);
  const ids =
    options.order === 'newest'
      ? await newestMatches(db, match)
      : (await rankedPage(db, match, { limit: MATCH_CAP, offset: 0 })).ids.map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('search_documents')
    .select(['id', 'record_id'])
    .where('id', 'in', ids)
    .execute();
  const recordOf = new Map(rows.map((r) => [r.id, r.record_id]));
  return ids.flatMap((id) => {
    const record = recordOf.get(id);
    return record === undefined ? [] : [record];
  });
}

/** Titles for a search box being typed into: the last word matches as a prefix, titles only. */
export async function suggest(db: Db, q: string, viewer: Viewer, limit = 8) {
  const parsed = parseQuery(q);
  if (parsed.problem) return [];
  const access = visibilityGroup(viewer);
  const { ids } = await rankedPage(db, compile(parsed, access ? [access] : [], '{title}'), {
    limit: Math.min(limit, 20),
    offset: 0,
  });
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('search_documents')
    .select(['id', 'type', 'title', 'url'])
    .where(
      'id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap(({ id }) => {
    const r = byId.get(id);
    return r ? [{ type: r.type, title: r.title, url: r.url }] : [];
  });
}

/**
 * The ids of the records of one `type` that match the words a list page searches for (its `q`),
 * as numbers, for `where id in (…)`; undefined when the list searches no words.
 */
export async function listMatches(
  db: Db,
  q: string | undefined,
  type: string,
  viewer: { id: number; role: Role } | null,
): Promise<number[] | undefined> {
  if (!q) return undefined;
  const ids = await matchingRecordIds(db, q, {
    types: [type],
    viewer: viewer && { id: viewer.id, role: viewer.role },
    order: 'newest',
  });
  // An impossible id keeps `in (…)` valid SQL when nothing matches.
  return ids.length ? ids.map(Number) : [-1];
}
