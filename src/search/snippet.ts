// A short piece of a result's text around the first words the query matched, with those words
// marked. Returned as parts (text, marked or not) so that the page escapes everything itself.
import { searchForm } from './normalize.ts';
import type { ParsedQuery } from './query.ts';
import { foldLatin } from './tokenize.ts';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

const WINDOW = 180;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The folded needles to look for: whole folded words, and character runs of unspaced scripts. */
function needles(query: ParsedQuery): { words: Set<string>; prefixes: string[]; runs: string[] } {
  const words = new Set<string>();
  const prefixes: string[] = [];
  const runs: string[] = [];
  for (const group of query.required) {
    for (const alt of group) {
      for (const unit of alt) {
        if (unit.kind === 'chars') {
          // Rebuild the run from its pairs: "AB BC CD" → "ABCD".
          const run = unit.tokens.reduce(
            (acc, pair, i) => (i === 0 ? pair : acc + [...pair].slice(-1).join('')),
            '',
          );
          if (run) runs.push(run);
        } else {
          unit.tokens.forEach((token, i) => {
            if (unit.prefix && i === unit.tokens.length - 1) prefixes.push(token);
            else words.add(token);
          });
        }
      }
    }
  }
  return { words, prefixes, runs };
}

/** Marked ranges [start, end) of `text` that match the query. */
function matches(text: string, query: ParsedQuery): [number, number][] {
  const { words, prefixes, runs } = needles(query);
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldLatin(searchForm(m[0]));
    if (words.has(folded) || prefixes.some((p) => folded.startsWith(p))) {
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  if (runs.length) {
    // Unspaced scripts: the text is compared in its search form, which keeps their length (only
    // case and compatibility forms change, and these scripts have neither in practice).
    const form = text.normalize('NFKC').toLowerCase();
    if (form.length === text.length) {
      for (const run of runs) {
        let from = form.indexOf(run);
        while (from !== -1 && ranges.length < 50) {
          ranges.push([from, from + run.length]);
          from = form.indexOf(run, from + run.length);
        }
      }
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

export function snippet(text: string, query: ParsedQuery): SnippetPart[] {
  const ranges = matches(text, query);
  const first = ranges[0];
  let start = first ? Math.max(0, first[0] - Math.floor(WINDOW / 3)) : 0;
  // Start at a word boundary where there is one near.
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    if (space !== -1 && start - space < 20) start = space + 1;
  }
  const end = Math.min(text.length, start + WINDOW);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= at || s >= end) continue;
    const from = Math.max(s, at);
    if (from > at) parts.push({ text: text.slice(at, from), mark: false });
    parts.push({ text: text.slice(from, Math.min(e, end)), mark: true });
    at = Math.min(e, end);
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}
