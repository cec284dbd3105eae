// People's profiles imported from a CSV or XLSX file (/directory/people/import): the platform's
// import pages (file checks, upload storage, column matching, preview, all-or-nothing import) with
// this target. Each row goes through the profile form's own schema (personInput) and is written
// through insertPerson (actions/profiles.ts) as a published profile without an account, which its
// person may claim later, as when an editor adds someone by hand; the engine checks the importer
// (canImport) and writes one audit entry for the file.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import {
  type CheckedRow,
  cellsOf,
  countryCode,
  domainCode,
  foldLabel,
  type ImportReport,
  type ImportTarget,
  type KnownRecord,
  knownRecords,
  languageTag,
  type MappingChoice,
  parseRow,
  type RowMessage,
  reportWithDuplicates,
  rowReader,
  SHARED_SYNONYMS,
  vocabulary,
  withScheme,
} from '../../platform/import/index.ts';
import { CONTACT_VISIBILITIES } from '../../platform/vocabularies.ts';
import { countryOptions, languageOptions } from '../../ui/options.ts';
import { insertPerson, resolveOrganisations } from './actions/profiles.ts';
import { canCreateForOthers } from './permissions.ts';
import { type PersonInput, personInput } from './schemas.ts';

export const PERSON_FIELDS = [
  'name',
  'name_translit',
  'title',
  'organisations',
  'country',
  'lang',
  'bio',
  'domains',
  'skills',
  'languages',
  'links',
  'email',
  'phone',
  'contact_visibility',
] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

/** The label of each field, the same as on the profile form. */
const LABELS: Record<PersonField, MessageKey> = {
  name: 'field.name',
  name_translit: 'field.nameTranslit',
  title: 'people.jobTitle',
  organisations: 'people.organisations',
  country: 'people.country',
  lang: 'people.writtenIn',
  bio: 'people.bio',
  domains: 'field.domains',
  skills: 'people.skills',
  languages: 'people.languages',
  links: 'people.links',
  email: 'field.email',
  phone: 'field.phone',
  contact_visibility: 'field.contactVisibility',
};

/** Header spellings, folded (see foldLabel); our own CSV export's column names come first. */
const SYNONYMS: Record<PersonField, string[]> = {
  name: ['name', 'fullname', 'person', 'personname', 'participant', 'hoten', 'hovaten', 'ten', 'nom'],
  name_translit: SHARED_SYNONYMS.name_translit,
  title: [
    'title',
    'jobtitle',
    'position',
    'occupation',
    'function',
    'chucvu',
    'chucdanh',
    'nghenghiep',
    'poste',
  ],
  organisations: [
    'organisations',
    'organisation',
    'organizations',
    'organization',
    'org',
    'orgs',
    'affiliation',
    'affiliations',
    'employer',
    'worksfor',
    'tochuc',
    'coquan',
    'donvi',
  ],
  country: ['country', 'countrycode', 'countryofwork', 'nation', 'quocgia', 'pays'],
  lang: ['lang', 'writtenin', 'contentlanguage'],
  bio: [
    'bio',
    'biography',
    'about',
    'description',
    'profile',
    'summary',
    'tieusu',
    'gioithieu',
    'biographie',
  ],
  domains: SHARED_SYNONYMS.domains,
  skills: ['skills', 'skill', 'expertise', 'tags', 'keywords', 'kynang'],
  languages: ['languages', 'language', 'languagesspoken', 'spokenlanguages', 'workinglanguages', 'ngonngu'],
  links: ['links', 'link', 'website', 'web', 'url', 'urls', 'homepage', 'portfolio', 'socialmedia'],
  email: SHARED_SYNONYMS.email,
  phone: SHARED_SYNONYMS.phone,
  contact_visibility: ['contactvisibility', 'visibility', 'contactvisible'],
};

let visibilities: Map<string, string> | undefined;
const visibilityCode = (value: string) => {
  visibilities ??= vocabulary(CONTACT_VISIBILITIES, 'people.contactVisibility');
  return visibilities.get(foldLabel(value));
};

// ---- organisations: by web address name or by name, as the export writes them -------------------

interface KnownOrganisations {
  slugs: Set<string>;
  /** Folded name → the slugs of the organisations of that name (more than one: ambiguous). */
  byName: Map<string, string[]>;
}

/** Every organisation's slug and name: names are matched folded, which SQL cannot do. */
async function knownOrganisations(db: Kysely<Database>): Promise<KnownOrganisations> {
  const rows = await db.selectFrom('organisations').select(['slug', 'name']).execute();
  const byName = new Map<string, string[]>();
  for (const r of rows) {
    const key = foldLabel(r.name);
    byName.set(key, [...(byName.get(key) ?? []), r.slug]);
  }
  return { slugs: new Set(rows.map((r) => r.slug)), byName };
}

/** The slug of an organisation given as on the form (slug or its address) or by its name. */
function organisationSlugOf(text: string, known: KnownOrganisations): string | 'ambiguous' | undefined {
  const slug = text
    .replace(/^.*\/directory\//, '')
    .replace(/[/?#].*$/, '')
    .toLowerCase();
  if (known.slugs.has(slug)) return slug;
  const named = known.byName.get(foldLabel(text));
  if (!named) return undefined;
  return named.length === 1 ? named[0] : 'ambiguous';
}

/**
 * "stella (director); Heritage Space" → [{ slug, role }]: entries separated by ";" or lines, each
 * an organisation with its role in brackets after it, as the people export writes them. A name
 * that itself ends in brackets ("Sàn Art (Saigon)") is tried whole first.
 */
function organisationsOf(cell: string, known: KnownOrganisations, messages: RowMessage[]) {
  const entries = cell
    .split(/[;\n]/)
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.flatMap((entry) => {
    let slug = organisationSlugOf(entry, known);
    let role: string | null = null;
    const bracketed = entry.match(/^(.+?)\s*\(([^()]*)\)$/);
    if (!slug && bracketed) {
      slug = organisationSlugOf(bracketed[1] ?? '', known);
      role = bracketed[2]?.trim() || null;
    }
    if (!slug || slug === 'ambiguous') {
      const key = slug ? 'peopleImport.ambiguousOrganisation' : 'peopleImport.unknownOrganisation';
      messages.push({ field: 'organisations', key, values: { value: entry } });
      return [];
    }
    return [{ slug, role }];
  });
}

// ---- one row -------------------------------------------------------------------------------------

function formValuesOf(
  cells: Partial<Record<string, string>>,
  choice: MappingChoice,
  known: KnownOrganisations,
) {
  const { messages, single, list } = rowReader(cells, choice);
  const values = {
    name: cells.name ?? '',
    name_translit: cells.name_translit ?? '',
    lang: single('lang', languageTag),
    title: cells.title ?? '',
    bio: cells.bio ?? '',
    country: single('country', countryCode),
    organisations: organisationsOf(cells.organisations ?? '', known, messages),
    domains: list('domains', domainCode),
    // The schema splits skills at commas, semicolons and lines, as the form does.
    skills: cells.skills ?? '',
    languages: list('languages', languageTag),
    // One cell holds several links: the export separates them with "; ".
    links: (cells.links ?? '')
      .split(/[\s;]+|,(?=\s)/)
      .map((l) => withScheme(l.replace(/,$/, '')))
      .filter(Boolean),
    email: cells.email ?? '',
    phone: cells.phone ?? '',
    contact_visibility: cells.contact_visibility ? single('contact_visibility', visibilityCode) : undefined,
  };
  return { values, messages };
}

/** People already in the directory with these countries (or none), by duplicate key. */
async function existingPeople(
  db: Kysely<Database>,
  countries: (string | null)[],
): Promise<Map<string, KnownRecord>> {
  const codes = [...new Set(countries.filter((c): c is string => c !== null))];
  const withoutCountry = countries.includes(null);
  if (codes.length === 0 && !withoutCountry) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['slug', 'name', 'country'])
    .where((eb) =>
      eb.or([
        ...(codes.length ? [eb('country', 'in', codes)] : []),
        ...(withoutCountry ? [eb('country', 'is', null)] : []),
      ]),
    )
    .execute();
  return knownRecords(rows.map((r) => ({ ...r, href: `/directory/people/${r.slug}` })));
}

export async function validatePeople(
  db: Kysely<Database>,
  table: { rows: { n: number; cells: string[] }[] },
  choice: MappingChoice,
): Promise<ImportReport<PersonInput>> {
  const known = choice.mapping.includes('organisations')
    ? await knownOrganisations(db)
    : { slugs: new Set<string>(), byName: new Map<string, string[]>() };
  const rows: CheckedRow<PersonInput>[] = table.rows.map((row) => {
    const { values, messages } = formValuesOf(cellsOf(row.cells, choice), choice, known);
    const data = parseRow(personInput, values, messages);
    const input = data && messages.length === 0 ? data : undefined;
    return { n: row.n, name: values.name, messages, input };
  });
  const existing = await existingPeople(
    db,
    rows.flatMap((r) => (r.input ? [r.input.country ?? null] : [])),
  );
  return reportWithDuplicates(rows, existing, 'peopleImport.duplicateExisting');
}

export const peopleImportTarget: ImportTarget<PersonInput> = {
  kind: 'people',
  path: '/directory/people/import',
  listPath: '/directory/people?sort=newest',
  breadcrumb: [
    { href: '/directory', label: 'nav.directory' },
    { href: '/directory/people', label: 'people.title' },
  ],
  exportHref: '/directory/people/export.csv',
  fields: PERSON_FIELDS,
  labels: LABELS,
  synonyms: SYNONYMS,
  defaults: [
    {
      name: 'country',
      label: 'people.country',
      options: (page) => [{ value: '', label: page.t('people.noCountry') }, ...countryOptions(page)],
    },
    { name: 'lang', label: 'people.writtenIn', options: languageOptions },
  ],
  initialDefaults: (locale) => ({ country: '', lang: locale }),
  text: {
    title: 'peopleImport.title',
    intro: 'peopleImport.intro',
    noRows: 'peopleImport.noRows',
    needName: 'peopleImport.needName',
    importButton: 'peopleImport.importButton',
    done: 'peopleImport.done',
    duplicatesNote: 'peopleImport.duplicatesNote',
  },
  auditAction: 'person.imported',
  canImport: canCreateForOthers,
  validate: validatePeople,
  async create(trx, inputs, user) {
    const { ids: organisationIds } = await resolveOrganisations(
      trx,
      inputs.flatMap((input) => input.organisations.map((o) => o.slug)),
    );
    const ids: number[] = [];
    for (const input of inputs) {
      // Published profiles without an account: the person may claim theirs later.
      const person = await insertPerson(trx, input, {
        userId: null,
        createdBy: user.id,
        status: 'published',
        organisationIds,
      });
      ids.push(person.id);
    }
    return { ids };
  },
};
