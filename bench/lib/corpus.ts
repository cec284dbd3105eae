// Synthetic multilingual search data for bench/search.ts. The vocabulary comes from the search
// engine's own test corpus (src/search/fixtures/corpus.json, read at run time): each language's
// texts are split into words with Intl.Segmenter and the words ranked by how often they occur.
// Records and queries are then drawn from those words with a Zipf-like distribution and a seeded
// PRNG, so that two runs with the same seed and corpus see exactly the same data.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SearchableRecord } from '../../src/search/index.ts';
import { ROOT } from './server.ts';

export const CORPUS_FILE = path.join(ROOT, 'src', 'search', 'fixtures', 'corpus.json');

export const LANGS = ['en', 'vi', 'th', 'lo', 'km', 'my', 'zh', 'ja', 'ko', 'mn', 'id'] as const;
export type Lang = (typeof LANGS)[number];

/** Share of records (and of queries) per language: English a little more common than the rest. */
const LANG_WEIGHTS: Record<Lang, number> = {
  en: 20,
  vi: 8,
  th: 8,
  lo: 8,
  km: 8,
  my: 8,
  zh: 8,
  ja: 8,
  ko: 8,
  mn: 8,
  id: 8,
};

/** Written without spaces between words: joined directly, with a phrase break now and then. */
const UNSPACED_LANGS = new Set<Lang>(['th', 'lo', 'km', 'my', 'zh', 'ja']);
/**
 * What separates phrases. Thai, Lao, Khmer and Burmese put a space there; Chinese and Japanese a
 * comma (，、) — to the tokenizer both are a break between runs, exactly like a space.
 */
const PHRASE_BREAK: Partial<Record<Lang, string>> = { zh: '，', ja: '、' };
const SENTENCE_END: Partial<Record<Lang, string>> = { zh: '。', ja: '。', km: '។', my: '။' };
/** After a word of an unspaced language, the chance that a phrase ends there. */
const PHRASE_BREAK_CHANCE = 0.12;

/** Plausible countries per language, the first most likely. */
const COUNTRIES: Record<Lang, string[]> = {
  en: ['SG', 'PH', 'MY', 'TH', 'VN', 'LA', 'KH', 'MM', 'ID'],
  vi: ['VN'],
  th: ['TH'],
  lo: ['LA'],
  km: ['KH'],
  my: ['MM'],
  zh: ['CN', 'TW', 'HK', 'SG', 'MY'],
  ja: ['JP'],
  ko: ['KR'],
  mn: ['MN', 'CN'],
  id: ['ID'],
};

const TYPES: [string, number][] = [
  ['post', 35],
  ['document', 25],
  ['event', 15],
  ['organisation', 15],
  ['person', 10],
];
const VISIBILITY: ['public' | 'members' | 'private', number][] = [
  ['public', 85],
  ['members', 10],
  ['private', 5],
];
/** Owners of members-only and private records are drawn from this many users. */
const OWNERS = 5000;

export const TITLE_WORDS = [4, 10] as const;
export const BODY_WORDS = [30, 80] as const;

// ── Randomness ──────────────────────────────────────────────────────────────────────────────────

export type Random = () => number;

/** mulberry32: a small, fast, seeded PRNG; returns numbers in [0, 1). */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from min to max, both included. */
export function between(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function weighted<T>(rand: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let r = rand() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return choices.at(-1)![0];
}

const LANG_CHOICES = LANGS.map((l) => [l, LANG_WEIGHTS[l]] as const);
export const pickLang = (rand: Random): Lang => weighted(rand, LANG_CHOICES);

// ── Vocabulary ──────────────────────────────────────────────────────────────────────────────────

export interface LanguageVocabulary {
  lang: Lang;
  /** Words by rank: the most frequent in the corpus first. */
  words: string[];
  /** Occurrences of each word in the corpus, by rank. */
  counts: number[];
  /** Corpus documents the words come from. */
  documents: number;
  /** Cumulative Zipf weights by rank, ending at 1. */
  cumulative: Float64Array;
}

export interface Vocabulary {
  file: string;
  /** SHA-256 of the corpus file: runs are comparable only on the same corpus. */
  sha256: string;
  zipf: number;
  byLang: Record<Lang, LanguageVocabulary>;
}

interface CorpusDocument {
  lang: string;
  title: string;
  body: string;
}

/**
 * Reads the corpus and ranks each language's words. Documents are grouped by primary language
 * subtag (zh-Hant joins zh). A word is counted case-insensitively and kept in the form first seen.
 */
export function loadVocabulary(zipf: number, file = CORPUS_FILE): Vocabulary {
  const raw = fs.readFileSync(file);
  const parsed: unknown = JSON.parse(raw.toString('utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected an array of documents`);
  const counts = new Map<Lang, Map<string, { form: string; count: number; first: number }>>();
  const documents = new Map<Lang, number>();
  let order = 0;
  for (const item of parsed as CorpusDocument[]) {
    if (typeof item?.lang !== 'string' || typeof item.title !== 'string' || typeof item.body !== 'string')
      continue;
    const lang = item.lang.split('-')[0] as Lang;
    if (!LANGS.includes(lang)) continue;
    documents.set(lang, (documents.get(lang) ?? 0) + 1);
    const words = counts.get(lang) ?? new Map();
    counts.set(lang, words);
    const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    for (const text of [item.title, item.body]) {
      for (const s of segmenter.segment(text)) {
        if (!s.isWordLike) continue;
        const key = s.segment.toLocaleLowerCase(lang);
        const entry = words.get(key);
        if (entry) entry.count++;
        else words.set(key, { form: s.segment, count: 1, first: order++ });
      }
    }
  }
  const byLang = {} as Record<Lang, LanguageVocabulary>;
  for (const lang of LANGS) {
    const entries = [...(counts.get(lang)?.values() ?? [])].sort(
      (a, b) => b.count - a.count || a.first - b.first,
    );
    if (entries.length < 20)
      throw new Error(`${file}: only ${entries.length} distinct words for "${lang}" (need at least 20)`);
    const cumulative = new Float64Array(entries.length);
    let sum = 0;
    for (let r = 0; r < entries.length; r++) {
      sum += 1 / (r + 1) ** zipf;
      cumulative[r] = sum;
    }
    for (let r = 0; r < entries.length; r++) cumulative[r]! /= sum;
    byLang[lang] = {
      lang,
      words: entries.map((e) => e.form),
      counts: entries.map((e) => e.count),
      documents: documents.get(lang) ?? 0,
      cumulative,
    };
  }
  return { file, sha256: createHash('sha256').update(raw).digest('hex'), zipf, byLang };
}

/** A word's rank drawn from the Zipf distribution. */
function zipfRank(v: LanguageVocabulary, rand: Random): number {
  const u = rand();
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v.cumulative[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The share of word occurrences in generated text that a rank gets. */
export function rankShare(v: LanguageVocabulary, rank: number): number {
  return v.cumulative[rank]! - (rank > 0 ? v.cumulative[rank - 1]! : 0);
}

// ── Records ─────────────────────────────────────────────────────────────────────────────────────

const capitalise = (text: string, lang: Lang) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);

/** `count` words of a language drawn by frequency, written as that language writes them. */
function text(v: LanguageVocabulary, rand: Random, count: number, sentences: boolean): string {
  const lang = v.lang;
  const unspaced = UNSPACED_LANGS.has(lang);
  // Chinese and Japanese need no space after a full stop; Khmer and Burmese have one.
  const sentenceBreak = `${SENTENCE_END[lang] ?? (unspaced ? '' : '.')}${lang === 'zh' || lang === 'ja' ? '' : ' '}`;
  let out = '';
  let sentenceStart = true;
  let sentenceLeft = between(rand, 6, 16);
  for (let i = 0; i < count; i++) {
    const word = v.words[zipfRank(v, rand)]!;
    out += sentenceStart && !unspaced ? capitalise(word, lang) : word;
    sentenceStart = false;
    if (i === count - 1) {
      if (sentences) out += sentenceBreak.trimEnd();
    } else if (sentences && --sentenceLeft === 0) {
      out += sentenceBreak;
      sentenceStart = true;
      sentenceLeft = between(rand, 6, 16);
    } else if (!unspaced) {
      out += ' ';
    } else if (rand() < PHRASE_BREAK_CHANCE) {
      out += PHRASE_BREAK[lang] ?? ' ';
    }
  }
  return out;
}

/**
 * The records to index, one at a time (a million of them do not fit comfortably in memory).
 * Record i (from 1) is the same in every run with the same seed and corpus.
 */
export function* generateRecords(
  vocab: Vocabulary,
  count: number,
  seed: number,
): Generator<SearchableRecord> {
  const rand = prng(seed);
  for (let i = 1; i <= count; i++) {
    const lang = pickLang(rand);
    const v = vocab.byLang[lang];
    const visibility = weighted(rand, VISIBILITY);
    const countries = COUNTRIES[lang];
    // The first country of a language is the usual one; the others share a quarter.
    const country =
      countries.length === 1 || rand() < 0.75
        ? countries[0]!
        : countries[between(rand, 1, countries.length - 1)]!;
    yield {
      type: weighted(rand, TYPES),
      recordId: i,
      lang,
      title: text(v, rand, between(rand, ...TITLE_WORDS), false),
      body: text(v, rand, between(rand, ...BODY_WORDS), true),
      url: `/x/${i}`,
      country,
      visibility,
      ownerId: visibility === 'public' ? null : between(rand, 1, OWNERS),
    };
  }
}

// ── Queries ─────────────────────────────────────────────────────────────────────────────────────

export type Band = 'common' | 'mid' | 'rare';
export const BANDS: Band[] = ['common', 'mid', 'rare'];
/** How often a query word comes from each band: mostly mid-frequency words. */
const BAND_WEIGHTS: [Band, number][] = [
  ['common', 20],
  ['mid', 60],
  ['rare', 20],
];

/** Ranks [from, to) of each frequency band: the top 3 % (at least 5 words), up to 30 %, the rest. */
export function bandRanks(v: LanguageVocabulary): Record<Band, [number, number]> {
  const n = v.words.length;
  const common = Math.max(5, Math.ceil(n * 0.03));
  const mid = Math.max(common + 1, Math.ceil(n * 0.3));
  return { common: [0, common], mid: [common, mid], rare: [mid, n] };
}

export interface BenchQuery {
  q: string;
  lang: Lang;
  words: string[];
  /** Band of each word. */
  bands: Band[];
  /** Band of the query's most frequent word, which mostly decides how much it matches. */
  band: Band;
}

function drawWord(v: LanguageVocabulary, rand: Random, minGraphemes = 1): { word: string; band: Band } {
  const ranks = bandRanks(v);
  for (let attempt = 0; ; attempt++) {
    const band = weighted(rand, BAND_WEIGHTS);
    const [from, to] = ranks[band];
    const word = v.words[between(rand, from, to - 1)]!;
    if (graphemes(word).length >= minGraphemes || attempt > 50) return { word, band };
  }
}

/**
 * `count` queries of `size` distinct words each, all words of one language, the language drawn
 * with the same weights as the records. Words are separated by a space, as typed in a search box.
 */
export function generateQueries(vocab: Vocabulary, count: number, size: number, rand: Random): BenchQuery[] {
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const lang = pickLang(rand);
    const v = vocab.byLang[lang];
    const words: string[] = [];
    const bands: Band[] = [];
    for (let attempt = 0; words.length < size && attempt < 100; attempt++) {
      const { word, band } = drawWord(v, rand);
      if (words.includes(word)) continue;
      words.push(word);
      bands.push(band);
    }
    const band = bands.includes('common') ? 'common' : bands.includes('mid') ? 'mid' : 'rare';
    queries.push({ q: words.join(' '), lang, words, bands, band });
  }
  return queries;
}

const graphemeSegmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
function graphemes(text: string): string[] {
  return [...graphemeSegmenter.segment(text)].map((s) => s.segment);
}

export interface BenchPrefix {
  q: string;
  lang: Lang;
  band: Band;
}

/**
 * What someone has typed into the search box after 3 or 4 characters (grapheme clusters: a Thai
 * or Burmese letter with its marks counts as one). Spaced languages: the start of a word of at
 * least that length. Unspaced ones: the start of a phrase, which may run over a word boundary.
 */
export function generatePrefixes(vocab: Vocabulary, count: number, rand: Random): BenchPrefix[] {
  const prefixes: BenchPrefix[] = [];
  while (prefixes.length < count) {
    const lang = pickLang(rand);
    const v = vocab.byLang[lang];
    const n = between(rand, 3, 4);
    if (UNSPACED_LANGS.has(lang)) {
      const first = drawWord(v, rand);
      let typed = first.word;
      while (graphemes(typed).length < n) typed += v.words[zipfRank(v, rand)]!;
      prefixes.push({ q: graphemes(typed).slice(0, n).join(''), lang, band: first.band });
    } else {
      const { word, band } = drawWord(v, rand, n);
      prefixes.push({ q: graphemes(word).slice(0, n).join(''), lang, band });
    }
  }
  return prefixes;
}
