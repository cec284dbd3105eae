// The query language of the search box, and its translation into SQLite FTS5 and PostgreSQL
// tsquery syntax. What a person types is never passed to the database as syntax: it is parsed
// here into words, and only quoted tokens built from letters, digits and marks reach MATCH.
//
//   cultural policy      both words (in any order, title or text)
//   "film festival"      the words next to each other
//   silk -weaving        silk, but not weaving
//   lacquer OR pottery   either
//   weav                 the last word also matches as the start of a word (type-ahead)
import { cleanText } from './normalize.ts';
import { type QueryUnit, queryUnits } from './tokenize.ts';

export const MAX_QUERY_LENGTH = 200;
const MAX_ITEMS = 12;
/** Shorter prefixes would match too much to be useful (and cost too much). */
const MIN_PREFIX = 2;

interface Item {
  text: string;
  quoted: boolean;
  negated: boolean;
  orWithPrevious: boolean;
}

/** Units that must all match. */
export type Alternative = QueryUnit[];

export interface ParsedQuery {
  /** Every group must match; a group matches when one of its alternatives does. */
  required: Alternative[][];
  /** None of these may match. */
  excluded: Alternative[];
  /** Accented Latin words as typed, to rank documents that have them exactly first. */
  exact: string[];
  /** Why nothing can be searched: no words at all, or only words to exclude. */
  problem?: 'empty' | 'onlyExcluded';
}

function lex(raw: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  let pendingOr = false;
  while (i < raw.length && items.length < MAX_ITEMS) {
    const ch = raw[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    if (ch === '-' && i + 1 < raw.length && !/\s/.test(raw[i + 1]!)) {
      negated = true;
      i++;
    }
    let text: string;
    let quoted = false;
    if (raw[i] === '"') {
      const end = raw.indexOf('"', i + 1);
      text = raw.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? raw.length : end + 1;
      quoted = true;
    } else {
      let end = i;
      while (end < raw.length && !/\s/.test(raw[end]!)) end++;
      text = raw.slice(i, end).replace(/"/g, ' ');
      i = end;
    }
    if (!quoted && !negated && text === 'OR') {
      pendingOr = items.length > 0;
      continue;
    }
    items.push({ text, quoted, negated, orWithPrevious: pendingOr && !negated });
    pendingOr = false;
  }
  return items;
}

export function parseQuery(input: string): ParsedQuery {
  const raw = cleanText(input).slice(0, MAX_QUERY_LENGTH);
  const items = lex(raw);
  const required: Alternative[][] = [];
  const excluded: Alternative[] = [];
  const exact: string[] = [];
  const typingLastWord = !/\s$/.test(raw);
  items.forEach((item, index) => {
    const units: Alternative = queryUnits(item.text, item.quoted);
    if (units.length === 0) return;
    if (item.negated) {
      excluded.push(units);
      return;
    }
    for (const u of units) if (u.exact) exact.push(u.exact);
    const last = units.at(-1)!;
    const isLastItem = index === items.length - 1;
    if (
      isLastItem &&
      typingLastWord &&
      !item.quoted &&
      last.kind === 'word' &&
      [...(last.tokens.at(-1) ?? '')].length >= MIN_PREFIX
    ) {
      last.prefix = true;
    }
    if (item.orWithPrevious && required.length > 0) required.at(-1)!.push(units);
    else required.push([units]);
  });
  const problem = required.length === 0 ? (excluded.length ? 'onlyExcluded' : 'empty') : undefined;
  return { required, excluded, exact, ...(problem ? { problem } : {}) };
}

// ── SQLite FTS5 ──────────────────────────────────────────────────────────────

function ftsUnit(unit: QueryUnit): string {
  return `"${unit.tokens.join(' ')}"${unit.prefix ? '*' : ''}`;
}
function ftsAlternative(alt: Alternative): string {
  return alt.length === 1 ? ftsUnit(alt[0]!) : `(${alt.map(ftsUnit).join(' AND ')})`;
}

/** The MATCH expression over the title and body columns. */
export function toFts5(query: ParsedQuery, columns = '{title body}'): string {
  const groups = query.required.map((g) =>
    g.length === 1 ? ftsAlternative(g[0]!) : `(${g.map(ftsAlternative).join(' OR ')})`,
  );
  let expr = groups.join(' AND ');
  for (const ex of query.excluded) expr = `(${expr}) NOT ${ftsAlternative(ex)}`;
  return `${columns} : (${expr})`;
}

export function exactToFts5(query: ParsedQuery): string | undefined {
  if (query.exact.length === 0) return undefined;
  return `{exact} : (${query.exact.map((e) => `"${e}"`).join(' OR ')})`;
}

// ── PostgreSQL tsquery ───────────────────────────────────────────────────────

function lexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
function tsUnit(unit: QueryUnit): string {
  const parts = unit.tokens.map(lexeme);
  if (unit.prefix) parts[parts.length - 1] += ':*';
  return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`;
}
function tsAlternative(alt: Alternative): string {
  return alt.length === 1 ? tsUnit(alt[0]!) : `(${alt.map(tsUnit).join(' & ')})`;
}

/** A tsquery literal, to be cast with ::tsquery (no parser runs on it, so no token changes). */
export function toTsquery(query: ParsedQuery): string {
  const groups = query.required.map((g) =>
    g.length === 1 ? tsAlternative(g[0]!) : `(${g.map(tsAlternative).join(' | ')})`,
  );
  const excluded = query.excluded.map((ex) => `!${tsAlternative(ex)}`);
  return [...groups, ...excluded].join(' & ');
}

export function exactToTsquery(query: ParsedQuery): string | undefined {
  if (query.exact.length === 0) return undefined;
  return query.exact.map(lexeme).join(' | ');
}
