// Reads an agenda pasted as text, one line per item, the way programmes are published:
//   09:15-09:30<TAB>- Ha Noi Creative City: Mr. Doan Ky Thanh
//   Section 2: International good practices in supporting Creative hubs
//   10:30-10:45 Tea break
// into sections and items for the organiser to review before anything is saved. Pure: no database,
// no I/O, so the rules are unit-tested line by line (agenda-text.test.ts).
import type { ItemKind, ItemRole } from './vocab.ts';

export interface ParsedPerson {
  name: string;
  affiliation: string | null;
  role: ItemRole;
}

export interface ParsedItem {
  line: number;
  start: string;
  end: string | null;
  title: string;
  kind: ItemKind;
  people: ParsedPerson[];
}

export interface ParsedSection {
  line: number;
  title: string;
  items: ParsedItem[];
}

export type LineProblem = 'noTime' | 'badTime' | 'endBeforeStart' | 'noTitle';

export interface ParsedAgenda {
  /** Items before the first section heading. */
  items: ParsedItem[];
  sections: ParsedSection[];
  /** Lines that could not be read, with their 1-based number. */
  problems: { line: number; text: string; problem: LineProblem }[];
}

// 09:15, 9.15, 9h15, 9h, 09h15' — hours then minutes.
const CLOCK = String.raw`(\d{1,2})(?:\s*[:.hH]\s*(\d{2})?|\s*(?=[-–—]))['′]?`;
const RANGE = new RegExp(String.raw`^${CLOCK}(?:\s*(?:[-–—]|to|đến)\s*${CLOCK})?(?=\s|$)\s*(.*)$`, 'u');
const SECTION = /^(?:section|session|phần|phiên|module|part)\s*[0-9IVX]+\b/iu;
const BREAK =
  /\b(?:break|tea|coffee|lunch|dinner|breakfast|recess)\b|nghỉ giải lao|giải lao|ăn trưa|nghỉ trưa|tiệc trà/iu;
const VISIT = /^(?:visit|field visit|site visit|study visit|tham quan)\b|\bvisit\b|tham quan/iu;
const PANEL = /\b(?:panel|round ?table|open discussion|discussion)\b|thảo luận|tọa đàm/iu;
const ROLE_WORDS: [RegExp, ItemRole][] = [
  [/^(?:facilitators?|moderators?|người điều phối|điều phối)$/iu, 'facilitator'],
  [/^(?:chairs?|chairperson|co-chairs?|chủ trì|chủ tọa)$/iu, 'chair'],
  [/^(?:speakers?|presenters?|diễn giả|báo cáo viên)$/iu, 'speaker'],
];
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Assoc\.?\s*Prof|H\.?E|Ông|Bà|TS|PGS|GS|ThS)\.?\s/u;
/** "Pham Thi Thanh Huong," — a run of capitalised words, then a comma or the end. */
const NAME_AHEAD = /^(?:\p{Lu}[\p{Ll}\p{M}'-]*\s+){1,4}\p{Lu}[\p{Ll}\p{M}'-]*(?:,|$)/u;

function clock(h: string | undefined, m: string | undefined): string | null {
  const hours = Number(h);
  const minutes = m === undefined ? 0 : Number(m);
  if (!Number.isInteger(hours) || hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Tags and entities left over from copying a web page ("<b>Section 1</b>"). */
function cleanLine(raw: string): string {
  return raw
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[\u00a0\u200b]/g, ' ')
    .trim();
}

/** Names after "Title: …": split on ";" and on "and"/"và"/"&" when a name follows it. */
export function splitPeople(text: string, role: ItemRole): ParsedPerson[] {
  const chunks: string[] = [];
  for (const part of text.split(/\s*;\s*/)) {
    let from = 0;
    for (const match of part.matchAll(/\s+(?:and|và|&)\s+/gu)) {
      const after = part.slice(match.index + match[0].length);
      // "Culture and Sports" joins words, "… and Pham Thi Thanh Huong, …" joins people.
      if (!HONORIFIC.test(after) && !NAME_AHEAD.test(after)) continue;
      chunks.push(part.slice(from, match.index));
      from = match.index + match[0].length;
    }
    chunks.push(part.slice(from));
  }
  return chunks
    .map((chunk) => chunk.trim().replace(/[.;,]$/, ''))
    .filter(Boolean)
    .map((chunk) => {
      const comma = chunk.indexOf(',');
      const name = (comma < 0 ? chunk : chunk.slice(0, comma)).trim().slice(0, 200);
      const affiliation =
        comma < 0
          ? null
          : chunk
              .slice(comma + 1)
              .trim()
              .slice(0, 300) || null;
      return { name, affiliation, role };
    });
}

/** Guesses the kind of an item from its title. */
export function kindOf(title: string): ItemKind {
  if (BREAK.test(title) && title.length < 60) return 'break';
  if (VISIT.test(title)) return 'visit';
  if (PANEL.test(title)) return 'panel';
  return 'talk';
}

function readItem(
  line: number,
  text: string,
  section: ParsedSection | undefined,
): { item: ParsedItem } | { problem: LineProblem } {
  const match = RANGE.exec(text);
  if (!match) return { problem: 'noTime' };
  const [, h1, m1, h2, m2, restRaw = ''] = match;
  const start = clock(h1, m1);
  const end = h2 === undefined ? null : clock(h2, m2);
  if (!start || (h2 !== undefined && !end)) return { problem: 'badTime' };
  if (end && end <= start) return { problem: 'endBeforeStart' };
  // "- Ha Noi Creative City: Mr. Doan Ky Thanh": a leading dash marks a sub-item.
  let rest = restRaw.replace(/^[-–—•*]\s*/, '').trim();
  let people: ParsedPerson[] = [];
  const colon = rest.indexOf(':');
  if (colon > 0 && colon < rest.length - 1) {
    const head = rest.slice(0, colon).trim();
    const tail = rest.slice(colon + 1).trim();
    const roleWord = ROLE_WORDS.find(([re]) => re.test(head));
    if (roleWord) {
      // "Facilitator: Ms. …": the item is the section's own business, led by these people.
      people = splitPeople(tail, roleWord[1]);
      rest = section ? section.title.replace(SECTION, '').replace(/^[\s:.–—-]+/, '') || head : head;
    } else if (tail) {
      people = splitPeople(tail, 'speaker');
      rest = head;
    }
  }
  if (!rest) return { problem: 'noTitle' };
  const item: ParsedItem = { line, start, end, title: rest.slice(0, 500), kind: kindOf(rest), people };
  return { item };
}

export function parseAgendaText(text: string): ParsedAgenda {
  const out: ParsedAgenda = { items: [], sections: [], problems: [] };
  let section: ParsedSection | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const clean = cleanLine(raw);
    if (!clean) return;
    if (SECTION.test(clean)) {
      // "Section 2<TAB>International good practices…" and "Section 2: …" read the same.
      const title = clean
        .replace(/^(\S+\s*[0-9IVX]+)\s*[:.–—-]?\s*/iu, (_, head: string) => `${head}: `)
        .replace(/\s+/g, ' ')
        .replace(/:\s*$/, '')
        .slice(0, 300);
      section = { line, title, items: [] };
      out.sections.push(section);
      return;
    }
    const read = readItem(line, clean.replace(/\t+/g, ' '), section);
    if ('problem' in read) {
      out.problems.push({ line, text: clean.slice(0, 200), problem: read.problem });
      return;
    }
    (section ? section.items : out.items).push(read.item);
  });
  return out;
}

/** How many items the parse found. */
export function itemCount(agenda: ParsedAgenda): number {
  return agenda.items.length + agenda.sections.reduce((n, s) => n + s.items.length, 0);
}
