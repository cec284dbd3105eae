// Each row of a file through the organisation form's own schema and checks (country, parent), after
// turning spreadsheet habits into the form's values (values.ts): English labels or codes for kinds,
// domains and stages, country and language names or codes, "a; b" lists. Nothing is written here:
// the same report serves the preview and, checked again, the import.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ParsedTable } from '../../../platform/import/index.ts';
import {
  type CheckedRow,
  cellsOf,
  countryCode,
  domainCode,
  foldLabel,
  type ImportReport,
  type KnownRecord,
  knownRecords,
  languageTag,
  type MappingChoice,
  parseRow,
  reportWithDuplicates,
  rowReader,
  vocabulary,
  withScheme,
} from '../../../platform/import/index.ts';
import { ORGANISATION_KINDS, VALUE_CHAIN_STAGES } from '../../../platform/vocabularies.ts';
import { type OrganisationInput, organisationInputSchema } from '../schemas.ts';

export type OrganisationImportInput = OrganisationInput & { parentId: number | null };

let lookups: { kinds: Map<string, string>; stages: Map<string, string> } | undefined;
const getLookups = () => {
  lookups ??= {
    kinds: vocabulary(ORGANISATION_KINDS, 'vocab.organisationKind'),
    stages: vocabulary(VALUE_CHAIN_STAGES, 'vocab.stage'),
  };
  return lookups;
};

/** Form values for the schema, plus the messages of values no vocabulary knows. */
function formValuesOf(cells: Partial<Record<string, string>>, choice: MappingChoice) {
  const { kinds, stages } = getLookups();
  const { messages, single, list } = rowReader(cells, choice);

  // A decimal comma ("17,9757") where only one comma and no point can mean nothing else.
  const decimal = (v: string | undefined) => (v && /^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : (v ?? ''));

  const values = {
    name: cells.name ?? '',
    name_translit: cells.name_translit ?? '',
    kind: single('kind', (v) => kinds.get(foldLabel(v))),
    country: single('country', countryCode),
    lang: single('lang', languageTag),
    description: cells.description ?? '',
    province: cells.province ?? '',
    city: cells.city ?? '',
    address: cells.address ?? '',
    latitude: decimal(cells.latitude),
    longitude: decimal(cells.longitude),
    website: withScheme(cells.website ?? ''),
    email: cells.email ?? '',
    phone: cells.phone ?? '',
    founded_year: cells.founded_year ?? '',
    parent: cells.parent ?? '',
    domains: list('domains', domainCode),
    stages: list('stages', (v) => stages.get(foldLabel(v))),
    languages: list('languages', languageTag),
  };
  return { values, messages };
}

export async function validateRows(
  db: Kysely<Database>,
  table: ParsedTable,
  choice: MappingChoice,
): Promise<ImportReport<OrganisationImportInput>> {
  const checked = table.rows.map((row) => {
    const { values, messages } = formValuesOf(cellsOf(row.cells, choice), choice);
    const data = parseRow(organisationInputSchema, values, messages);
    return { n: row.n, name: values.name, messages, data };
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

  const rows: CheckedRow<OrganisationImportInput>[] = checked.map((r) => {
    const messages = [...r.messages];
    let input: OrganisationImportInput | undefined;
    if (r.data && messages.length === 0) {
      const parentId = r.data.parent ? (parents.get(r.data.parent) ?? null) : null;
      if (r.data.parent && parentId === null)
        messages.push({ field: 'parent', key: 'directory.unknownParent' });
      else input = { ...r.data, parentId };
    }
    return { n: r.n, name: r.name, messages, input };
  });

  const countries = [...new Set(rows.flatMap((r) => (r.input ? [r.input.country] : [])))];
  const existing = await existingByKey(db, countries);
  return reportWithDuplicates(rows, existing, 'directoryImport.duplicateExisting');
}

/** The organisations already in the directory in these countries, by duplicate key. */
export async function existingByKey(
  db: Kysely<Database>,
  countries: string[],
): Promise<Map<string, KnownRecord>> {
  if (countries.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['slug', 'name', 'country'])
    .where('country', 'in', countries)
    .execute();
  return knownRecords(rows.map((r) => ({ ...r, href: `/directory/${r.slug}` })));
}
