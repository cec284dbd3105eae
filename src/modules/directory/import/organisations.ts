// The directory's organisations as an import target: the fields a column may fill, the headers
// that name them, the defaults offered on the mapping form, and how the rows are written (through
// insertOrganisation, the write of the form's action; the import has one audit entry per file).
import type { User } from '../../../db/schema.ts';
import { hasRole } from '../../../platform/auth.ts';
import type { AppDeps } from '../../../platform/context.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { type ImportTarget, importPages, SHARED_SYNONYMS } from '../../../platform/import/index.ts';
import { ORGANISATION_KINDS } from '../../../platform/vocabularies.ts';
import { countryOptions, languageOptions } from '../../../ui/options.ts';
import { insertOrganisation, statusForNew } from '../actions/organisations.ts';
import { type OrganisationImportInput, validateRows } from './validate.ts';

export const ORGANISATION_FIELDS = [
  'name',
  'kind',
  'country',
  'city',
  'province',
  'address',
  'latitude',
  'longitude',
  'website',
  'email',
  'phone',
  'description',
  'lang',
  'name_translit',
  'domains',
  'stages',
  'languages',
  'founded_year',
  'parent',
] as const;
type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

/** The label of each field, the same as on the organisation form. */
const LABELS: Record<OrganisationField, MessageKey> = {
  name: 'field.name',
  kind: 'field.organisationKind',
  country: 'field.country',
  city: 'directory.city',
  province: 'directory.province',
  address: 'directory.address',
  latitude: 'directory.latitude',
  longitude: 'directory.longitude',
  website: 'directory.website',
  email: 'field.email',
  phone: 'field.phone',
  description: 'directory.description',
  lang: 'directory.writtenIn',
  name_translit: 'field.nameTranslit',
  domains: 'field.domains',
  stages: 'field.stages',
  languages: 'directory.languages',
  founded_year: 'directory.foundedYear',
  parent: 'directory.parent',
};

const SYNONYMS: Record<OrganisationField, string[]> = {
  name: [
    'name',
    'organisation',
    'organization',
    'org',
    'orgname',
    'organisationname',
    'organizationname',
    'ten',
    'tentochuc',
    'nom',
  ],
  kind: ['kind', 'type', 'category', 'orgtype', 'organisationtype', 'organizationtype', 'loai', 'loaihinh'],
  country: ['country', 'countrycode', 'nation', 'quocgia', 'pays'],
  city: ['city', 'town', 'locality', 'thanhpho', 'ville'],
  province: ['province', 'state', 'region', 'provincestate', 'tinh', 'tinhthanh'],
  address: ['address', 'street', 'streetaddress', 'diachi', 'adresse'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lng', 'lon', 'long'],
  website: ['website', 'web', 'url', 'site', 'homepage', 'websiteurl', 'trangweb'],
  email: SHARED_SYNONYMS.email,
  phone: SHARED_SYNONYMS.phone,
  description: ['description', 'about', 'summary', 'profile', 'mota', 'gioithieu'],
  lang: ['lang', 'language', 'writtenin', 'contentlanguage', 'ngonngu'],
  name_translit: SHARED_SYNONYMS.name_translit,
  domains: SHARED_SYNONYMS.domains,
  stages: ['stages', 'stage', 'valuechain', 'valuechainstages'],
  languages: ['languages', 'workinglanguages', 'languagesspoken'],
  founded_year: [
    'foundedyear',
    'founded',
    'yearfounded',
    'established',
    'yearestablished',
    'since',
    'namthanhlap',
  ],
  parent: ['parent', 'partof', 'parentorganisation', 'parentorganization', 'parentslug'],
};

/** Importing writes many organisations at once: the hub's editors and admins only. */
export function canImport(user: User | null): boolean {
  return hasRole(user, 'editor');
}

export const organisationImportTarget: ImportTarget<OrganisationImportInput> = {
  kind: 'organisations',
  path: '/directory/import',
  listPath: '/directory?sort=newest',
  breadcrumb: [{ href: '/directory', label: 'directory.title' }],
  exportHref: '/directory/export.csv',
  fields: ORGANISATION_FIELDS,
  labels: LABELS,
  synonyms: SYNONYMS,
  defaults: [
    {
      name: 'kind',
      label: 'field.organisationKind',
      options: ({ t }) => [
        { value: '', label: t('import.noDefault') },
        ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`vocab.organisationKind.${k}`) })),
      ],
    },
    {
      name: 'country',
      label: 'field.country',
      options: (page) => [{ value: '', label: page.t('import.noDefault') }, ...countryOptions(page)],
    },
    { name: 'lang', label: 'directory.writtenIn', options: languageOptions },
  ],
  initialDefaults: (locale) => ({ kind: '', country: '', lang: locale }),
  text: {
    title: 'directoryImport.title',
    intro: 'directoryImport.intro',
    noRows: 'import.noRows',
    needName: 'directoryImport.needName',
    importButton: 'directoryImport.importButton',
    done: 'directoryImport.done',
    duplicatesNote: 'directoryImport.duplicatesNote',
  },
  auditAction: 'organisation.imported',
  canImport,
  validate: validateRows,
  async create(trx, inputs, user) {
    const status = await statusForNew(trx, user);
    const ids: number[] = [];
    for (const input of inputs) ids.push((await insertOrganisation(trx, input, user, status)).id);
    return { ids, details: { status } };
  },
};

/** The directory's own import, of organisations (/directory/import). */
export const directoryImportPages = (deps: AppDeps) => importPages(deps, organisationImportTarget);
