// Each row of a file through the organisation form's own schema and checks (country, parent), after
// turning spreadsheet habits into the form's values: English labels or codes for kinds, domains and
// stages, country and language names or codes, "a; b" lists. Nothing is written here: the same
// report serves the preview and, checked again, the import.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { LOCALES } from '../../../locales/index.ts';
import { COUNTRY_CODES } from '../../../platform/countries.ts';
import { fieldErrors } from '../../../platform/http/forms.ts';
import { type MessageKey, type MessageValues, translator } from '../../../platform/i18n.ts';
import { type OrganisationInput, organisationInputSchema } from '../schemas.ts';
import { DOMAINS, ORGANISATION_KINDS, VALUE_CHAIN_STAGES } from '../vocab.ts';
import { duplicateKey, existingByKey } from './duplicates.ts';
import { foldLabel, type MappingChoice, type Target } from './mapping.ts';
import type { ParsedTable } from './parse.ts';

export interface RowMessage {
  field: Target | null;
  key: MessageKey;
  values?: MessageValues;
}

export type RowStatus = 'ok' | 'error' | 'duplicate';

export interface RowReport {
  n: number;
  name: string;
  status: RowStatus;
  /** Errors (status 'error') or duplicate warnings (status 'duplicate'). */
  messages: RowMessage[];
  input?: OrganisationInput & { parentId: number | null };
}

export interface ImportReport {
  rows: RowReport[];
  counts: Record<RowStatus, number>;
}

// ---- turning labels and names into codes -------------------------------------------------------

/** Folded code and folded label (in every UI language) → code. */
function vocabulary(codes: readonly string[], prefix: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const code of codes) map.set(foldLabel(code), code);
  for (const locale of LOCALES) {
    const t = translator(locale);
    for (const code of codes) {
      const key = foldLabel(t(`${prefix}.${code}` as MessageKey));
      if (key && !map.has(key)) map.set(key, code);
    }
  }
  return map;
}

/** Country names that Intl does not give but lists in the region use. */
const COUNTRY_SYNONYMS: Record<string, string> = {
  laopdr: 'LA',
  laopeoplesdemocraticrepublic: 'LA',
  vietnam: 'VN',
  burma: 'MM',
  myanmar: 'MM',
  republicofkorea: 'KR',
  korea: 'KR',
  dprk: 'KP',
  prc: 'CN',
  peoplesrepublicofchina: 'CN',
  timorleste: 'TL',
  easttimor: 'TL',
  bruneidarussalam: 'BN',
};

/** Languages a directory entry is commonly written in, to recognise their names. */
const KNOWN_LANGUAGES = [
  'en',
  'vi',
  'th',
  'lo',
  'km',
  'my',
  'zh',
  'zh-Hans',
  'zh-Hant',
  'ja',
  'ko',
  'mn',
  'id',
  'ms',
  'tl',
  'fr',
  'de',
  'es',
  'pt',
  'ru',
  'hi',
  'bn',
  'ne',
  'si',
  'ta',
  'ar',
  'hmn',
  'shn',
  'kac',
  'km',
  'ceb',
];

interface Lookups {
  kinds: Map<string, string>;
  domains: Map<string, string>;
  stages: Map<string, string>;
  countries: Map<string, string>;
  languages: Map<string, string>;
}

let lookups: Lookups | undefined;

function getLookups(): Lookups {
  if (lookups) return lookups;
  const countries = new Map<string, string>(Object.entries(COUNTRY_SYNONYMS));
  const languages = new Map<string, string>();
  for (const locale of ['en', ...LOCALES]) {
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    for (const code of COUNTRY_CODES) {
      const key = foldLabel(regions.of(code) ?? '');
      if (key && !countries.has(key)) countries.set(key, code);
    }
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    for (const tag of KNOWN_LANGUAGES) {
      const key = foldLabel(names.of(tag) ?? '');
      if (key && !languages.has(key)) languages.set(key, tag);
    }
  }
  lookups = {
    kinds: vocabulary(ORGANISATION_KINDS, 'directory.kind'),
    domains: vocabulary(DOMAINS, 'directory.domain'),
    stages: vocabulary(VALUE_CHAIN_STAGES, 'directory.stage'),
    countries,
    languages,
  };
  return lookups;
}

function countryCode(value: string): string | undefined {
  if (/^[a-z]{2}$/i.test(value)) return value.toUpperCase();
  return getLookups().countries.get(foldLabel(value));
}

/** A BCP 47 tag as the form writes it ("zh-Hans", "lo"), from a tag in any case or a name. */
function languageTag(value: string): string | undefined {
  const named = getLookups().languages.get(foldLabel(value));
  if (named) return named;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/** "a; b, c" → ['a', 'b', 'c']. */
const splitList = (cell: string) =>
  cell
    .split(/[;,\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

// ---- one row -----------------------------------------------------------------------------------

type Cells = Partial<Record<Target, string>>;

function cellsOf(cells: string[], choice: MappingChoice): Cells {
  const out: Cells = {};
  choice.mapping.forEach((target, i) => {
    if (target) out[target] = (cells[i] ?? '').trim();
  });
  return out;
}

/** Form values for the schema, plus the messages of values no vocabulary knows. */
function formValuesOf(cells: Cells, choice: MappingChoice) {
  const { kinds, domains, stages } = getLookups();
  const messages: RowMessage[] = [];
  const unknown = (field: Target, value: string) =>
    messages.push({ field, key: 'directoryImport.unknownValue', values: { value } });

  const single = (
    field: 'kind' | 'country' | 'lang',
    fallback: string,
    lookup: (v: string) => string | undefined,
  ) => {
    const cell = cells[field] ?? '';
    if (!cell) return fallback;
    const code = lookup(cell);
    if (!code) unknown(field, cell);
    return code ?? cell;
  };
  const list = (field: 'domains' | 'stages' | 'languages', lookup: (v: string) => string | undefined) =>
    splitList(cells[field] ?? '').map((v) => {
      const code = lookup(v);
      if (!code) unknown(field, v);
      return code ?? v;
    });

  let website = cells.website ?? '';
  // Spreadsheets often hold "www.example.org": the form wants the scheme, and it is not in doubt.
  if (website && !/^[a-z][a-z0-9+.-]*:/i.test(website) && /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(website))
    website = `https://${website}`;
  // A decimal comma ("17,9757") where only one comma and no point can mean nothing else.
  const decimal = (v: string | undefined) => (v && /^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : (v ?? ''));

  const values = {
    name: cells.name ?? '',
    name_translit: cells.name_translit ?? '',
    kind: single('kind', choice.defaults.kind, (v) => kinds.get(foldLabel(v))),
    country: single('country', choice.defaults.country, countryCode),
    lang: single('lang', choice.defaults.lang, languageTag),
    description: cells.description ?? '',
    province: cells.province ?? '',
    city: cells.city ?? '',
    address: cells.address ?? '',
    latitude: decimal(cells.latitude),
    longitude: decimal(cells.longitude),
    website,
    email: cells.email ?? '',
    phone: cells.phone ?? '',
    founded_year: cells.founded_year ?? '',
    parent: cells.parent ?? '',
    domains: list('domains', (v) => domains.get(foldLabel(v))),
    stages: list('stages', (v) => stages.get(foldLabel(v))),
    languages: list('languages', languageTag),
  };
  return { values, messages };
}

// ---- the whole file ----------------------------------------------------------------------------

export async function validateRows(
  db: Kysely<Database>,
  table: ParsedTable,
  choice: MappingChoice,
): Promise<ImportReport> {
  const checked = table.rows.map((row) => {
    const { values, messages } = formValuesOf(cellsOf(row.cells, choice), choice);
    const parsed = organisationInputSchema.safeParse(values);
    if (!parsed.success) {
      const already = new Set(messages.map((m) => m.field));
      for (const [field, key] of Object.entries(fieldErrors(parsed.error.issues))) {
        if (!already.has(field as Target)) messages.push({ field: field as Target, key });
      }
    }
    return { n: row.n, name: values.name, messages, data: parsed.success ? parsed.data : undefined };
  });

  // The parent named in a row must exist, as on the form (by its web address name).
  const parentSlugs = [...new Set(checked.flatMap((r) => (r.data?.parent ? [r.data.parent] : [])))];
  const parents = new Map<string, number>();
  for (let i = 0; i < parentSlugs.length; i += 500) {
    const found = await db
      .selectFrom('organisations')
      .select(['id', 'slug'])
      .where('slug', 'in', parentSlugs.slice(i, i + 500))
      .execute();
    for (const p of found) parents.set(p.slug, p.id);
  }

  const countries = [...new Set(checked.flatMap((r) => (r.data ? [r.data.country] : [])))];
  const existing = await existingByKey(db, countries);
  const firstRowOf = new Map<string, number>();

  const rows: RowReport[] = checked.map((r) => {
    const messages = [...r.messages];
    let input: RowReport['input'];
    if (r.data && messages.length === 0) {
      const parentId = r.data.parent ? (parents.get(r.data.parent) ?? null) : null;
      if (r.data.parent && parentId === null)
        messages.push({ field: 'parent', key: 'directory.unknownParent' });
      else input = { ...r.data, parentId };
    }
    if (!input) return { n: r.n, name: r.name, status: 'error', messages };

    const key = duplicateKey(input.name, input.country);
    const inDirectory = existing.get(key);
    if (inDirectory)
      messages.push({
        field: 'name',
        key: 'directoryImport.duplicateExisting',
        values: { name: inDirectory.name, slug: inDirectory.slug },
      });
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined)
      messages.push({ field: 'name', key: 'directoryImport.duplicateInFile', values: { row: earlier } });
    else firstRowOf.set(key, r.n);
    return { n: r.n, name: r.name, status: messages.length ? 'duplicate' : 'ok', messages, input };
  });

  const counts: Record<RowStatus, number> = { ok: 0, error: 0, duplicate: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, counts };
}
