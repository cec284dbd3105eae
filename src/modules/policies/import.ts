// Measures imported from a CSV or XLSX file (/measures/import): the platform's import pages (file
// checks, upload storage, column matching, dry run, all-or-nothing write) with this target. The
// headers of UNESCO's Policy Monitoring Platform are recognised ("Title of the policy/measure",
// "Area of monitoring", "Financial resources"…), as are our own export's. Each row goes through the
// form's own schema (measureInput); duplicates are the same title in the same country, within the
// file and against the hub.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import type { AppDeps } from '../../platform/context.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import {
  type CheckedRow,
  cellsOf,
  countryCode,
  domainCode,
  duplicateKey,
  flagDuplicates,
  foldLabel,
  type ImportReport,
  type ImportTarget,
  importPages,
  knownRecords,
  languageTag,
  type MappingChoice,
  parseRow,
  type RowMessage,
  reportOf,
  rowReader,
  vocabulary,
  withScheme,
} from '../../platform/import/index.ts';
import { VALUE_CHAIN_STAGES } from '../../platform/vocabularies.ts';
import { countryOptions, languageOptions } from '../../ui/options.ts';
import { insertMeasure, resolveReferences } from './actions.ts';
import { CountTally } from './counts.ts';
import { type MeasureInput, measureInput } from './schemas.ts';
import { AREAS, GOALS, MEASURE_SOURCES, MEASURE_STATUSES, PARTNER_SECTORS, TARGET_GROUPS } from './vocab.ts';

export const MEASURE_FIELDS = [
  'name',
  'country',
  'report_year',
  'lang',
  'implementing_bodies',
  'description',
  'main_features',
  'expected_results',
  'achieved_results',
  'budget',
  'partners',
  'evaluated',
  'evaluation_findings',
  'goals',
  'areas',
  'domains',
  'stages',
  'youth',
  'target_groups',
  'website',
  'source',
  'status',
] as const;
type MeasureField = (typeof MEASURE_FIELDS)[number];

const LABELS: Record<MeasureField, MessageKey> = {
  name: 'policies.measureTitle',
  country: 'policies.country',
  report_year: 'policies.reportYear',
  lang: 'policies.writtenIn',
  implementing_bodies: 'policies.implementingBodies',
  description: 'policies.description',
  main_features: 'policies.mainFeatures',
  expected_results: 'policies.expectedResults',
  achieved_results: 'policies.achievedResults',
  budget: 'policies.budget',
  partners: 'policies.partners',
  evaluated: 'policies.evaluated',
  evaluation_findings: 'policies.evaluationFindings',
  goals: 'policies.goals',
  areas: 'policies.areas',
  domains: 'policies.domains',
  stages: 'policies.stages',
  youth: 'policies.youth',
  target_groups: 'policies.targetGroups',
  website: 'policies.website',
  source: 'policies.source',
  status: 'policies.status',
};

/**
 * Header spellings, folded (foldLabel: lower case, letters and digits only). The Policy Monitoring
 * Platform's own columns first, then our export's, then common variants.
 */
const SYNONYMS: Record<MeasureField, string[]> = {
  name: [
    'titleofthepolicymeasure',
    'titleofthepolicy',
    'policymeasure',
    'policyormeasure',
    'title',
    'name',
    'measure',
    'policy',
    'tenchinhsach',
  ],
  country: ['country', 'countryname', 'party', 'quocgia'],
  report_year: ['year', 'reportyear', 'yearofreport', 'qpryear', 'reportingyear', 'nam'],
  lang: ['lang', 'language', 'writtenin'],
  implementing_bodies: [
    'implementingentity',
    'implementingentities',
    'implementingbody',
    'implementingbodies',
    'implementingagency',
    'nameoftheagencyresponsibleforimplementation',
    'coquanthuchien',
  ],
  description: ['description', 'descriptionofthepolicymeasure', 'mota'],
  main_features: ['mainfeatures', 'mainfeaturesofthepolicymeasure', 'features'],
  expected_results: ['expectedresults', 'expectedresultsofthepolicymeasure'],
  achieved_results: ['resultsachieved', 'achievedresults', 'resultsachievedsofar', 'results'],
  budget: [
    'financialresources',
    'financialresourcesallocated',
    'budget',
    'resources',
    'financialresourcesallocatedtothepolicymeasure',
  ],
  partners: ['partners', 'partnersengaged', 'partnersengagedintheimplementation', 'partnerorganisations'],
  evaluated: ['evaluated', 'wasthepolicymeasureevaluated', 'evaluation', 'hasthepolicymeasurebeenevaluated'],
  evaluation_findings: [
    'evaluationfindings',
    'findings',
    'mainconclusions',
    'mainconclusionsoftheevaluation',
    'findingsoftheevaluation',
  ],
  goals: ['goals', 'goal', 'goalsoftheconvention'],
  areas: ['areaofmonitoring', 'areasofmonitoring', 'area', 'areas', 'monitoringarea'],
  domains: ['culturaldomains', 'culturaldomain', 'domains', 'domain'],
  stages: ['valuechain', 'valuechainstages', 'stagesofthevaluechain', 'stages', 'stage'],
  youth: ['youth', 'youthfocus', 'doesitspecificallytargetyoungpeople', 'targetingyouth'],
  target_groups: ['targetgroups', 'targetgroup', 'beneficiaries'],
  website: ['website', 'websiteofthepolicymeasure', 'url', 'link', 'weblink'],
  source: ['source', 'reportedby', 'submittedby'],
  status: ['status', 'state'],
};

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'si', 'co', 'ใช่', 'ແມ່ນ']);
const NO = new Set(['no', 'n', 'false', '0', '', 'non', 'khong', 'ไม่', 'ບໍ່']);

/** The Policy Monitoring Platform's domain names that are not ours. */
const PMP_DOMAINS: Record<string, string> = {
  music: 'performance',
  performingarts: 'performance',
  cinema: 'audiovisual_media',
  cinemaaudiovisualarts: 'audiovisual_media',
  audiovisualarts: 'audiovisual_media',
  mediaarts: 'audiovisual_media',
  publishing: 'books_press',
  visualarts: 'visual_arts_crafts',
  crafts: 'visual_arts_crafts',
  design: 'design_creative_services',
  culturalheritage: 'heritage',
  heritage: 'heritage',
};

let lookups: Record<string, Map<string, string>> | undefined;
const lookup = (name: 'goal' | 'area' | 'stage' | 'target' | 'source' | 'status' | 'sector') => {
  lookups ??= {
    goal: vocabulary(GOALS, 'policies.goal'),
    area: vocabulary(AREAS, 'policies.area'),
    stage: vocabulary(VALUE_CHAIN_STAGES, 'vocab.stage'),
    target: vocabulary(TARGET_GROUPS, 'policies.target'),
    source: vocabulary(MEASURE_SOURCES, 'policies.source'),
    status: vocabulary(MEASURE_STATUSES, 'policies.status'),
    sector: vocabulary(PARTNER_SECTORS, 'policies.sector'),
  };
  return lookups[name] as Map<string, string>;
};

/** "Goal 1 – Support sustainable systems…" → governance; or the goal's name in any UI language. */
export function goalCode(value: string): string | undefined {
  const numbered = value.match(/^\s*(?:goal|objectif|mục tiêu)\s*(\d)/i);
  if (numbered) return GOALS[Number(numbered[1]) - 1];
  return lookup('goal').get(foldLabel(value.replace(/^\s*goal\s*\d\s*[-–:.]?\s*/i, '')));
}

const code = (name: Parameters<typeof lookup>[0]) => (value: string) => lookup(name).get(foldLabel(value));
const domainOf = (value: string) => domainCode(value) ?? PMP_DOMAINS[foldLabel(value)];

/** Entries of a cell separated by ";" or lines (names may hold commas). */
const entries = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[;\n]/)
    .map((e) => e.trim())
    .filter(Boolean);

/**
 * "USD 250,000", "250 000 USD", "LAK 1.2 billion"? — an amount with a currency where the cell
 * plainly holds one; anything else (often "not available") is kept as the note.
 */
export function budgetOf(cell: string): {
  budget_amount: string;
  budget_currency: string;
  budget_note: string;
} {
  const text = cell.trim();
  const m = text.match(/^(?:([A-Z]{3})\s*)?([\d][\d\s,.]*)(?:\s*([A-Z]{3}))?\s*(?:[-–(:]\s*(.*?)\)?)?$/);
  if (m && (m[1] || m[3])) {
    const digits = (m[2] ?? '').replace(/[\s,]/g, '');
    if (/^\d+(\.\d+)?$/.test(digits))
      return { budget_amount: digits, budget_currency: m[1] ?? m[3] ?? '', budget_note: (m[4] ?? '').trim() };
  }
  return { budget_amount: '', budget_currency: '', budget_note: text.slice(0, 500) };
}

function yesNo(field: string, cell: string | undefined, messages: RowMessage[]): string {
  const v = foldLabel(cell ?? '');
  if (YES.has(v) || YES.has((cell ?? '').trim().toLowerCase())) return '1';
  if (!NO.has(v) && !NO.has((cell ?? '').trim().toLowerCase()))
    messages.push({ field, key: 'import.unknownValue', values: { value: cell ?? '' } });
  return '';
}

function partnersOf(cell: string | undefined, messages: RowMessage[]) {
  return entries(cell).map((entry) => {
    const m = entry.match(/^(.+?)\s*\(([^()]*)\)$/);
    const sector = m
      ? (code('sector')(m[2] ?? '') ?? code('sector')((m[2] ?? '').replace(/sector$/i, '')))
      : undefined;
    if (!sector)
      messages.push({ field: 'partners', key: 'policies.importPartnerSector', values: { value: entry } });
    return { name: (m?.[1] ?? entry).trim(), sector: sector ?? '' };
  });
}

function valuesOf(cells: Partial<Record<string, string>>, choice: MappingChoice) {
  const { messages, single, list } = rowReader(cells, choice);
  const values = {
    title: cells.name ?? '',
    country: single('country', countryCode),
    report_year: cells.report_year ?? choice.defaults.report_year ?? '',
    lang: single('lang', languageTag),
    implementing_bodies: entries(cells.implementing_bodies),
    description: cells.description ?? '',
    main_features: cells.main_features ?? '',
    expected_results: cells.expected_results ?? '',
    achieved_results: cells.achieved_results ?? '',
    ...budgetOf(cells.budget ?? ''),
    partners: partnersOf(cells.partners, messages),
    evaluated: yesNo('evaluated', cells.evaluated, messages),
    evaluation_findings: cells.evaluation_findings ?? '',
    goals: list('goals', goalCode),
    areas: list('areas', code('area')),
    domains: list('domains', domainOf),
    stages: list('stages', code('stage')),
    youth: yesNo('youth', cells.youth, messages),
    target_groups: list('target_groups', code('target')),
    website: withScheme((cells.website ?? '').trim()),
    source: single('source', code('source')),
    status: single('status', code('status')),
  };
  return { values, messages };
}

/** The schema's field names as the import's (the title is the import's `name`). */
const asImportField = (m: RowMessage): RowMessage =>
  m.field === 'title'
    ? { ...m, field: 'name' }
    : m.field?.startsWith('budget_')
      ? { ...m, field: 'budget' }
      : m;

export async function validateMeasures(
  db: Kysely<Database>,
  table: { rows: { n: number; cells: string[] }[] },
  choice: MappingChoice,
): Promise<ImportReport<MeasureInput>> {
  const rows: CheckedRow<MeasureInput>[] = table.rows.map((row) => {
    const { values, messages } = valuesOf(cellsOf(row.cells, choice), choice);
    const data = parseRow(measureInput, values, messages);
    const input = data && messages.length === 0 ? data : undefined;
    return { n: row.n, name: values.title, messages: messages.map(asImportField), input };
  });
  const countries = [...new Set(rows.flatMap((r) => (r.input ? [r.input.country] : [])))];
  const existing = countries.length
    ? await db
        .selectFrom('policy_measures')
        .select(['id', 'title', 'country'])
        .where('country', 'in', countries)
        .execute()
    : [];
  const known = knownRecords(
    existing.map((r) => ({ name: r.title, country: r.country, href: `/measures/${r.id}` })),
  );
  return reportOf(
    flagDuplicates(
      rows,
      (input) => duplicateKey(input.title, input.country),
      known,
      'policies.importDuplicate',
    ),
  );
}

/** Importing is the editors' and admins' work (a whole report at once). */
const canImport = (user: User | null) => hasRole(user, 'editor');

export const measureImportTarget: ImportTarget<MeasureInput> = {
  kind: 'measures',
  path: '/measures/import',
  listPath: '/measures?sort=updated',
  breadcrumb: [{ href: '/measures', label: 'policies.title' }],
  exportHref: '/measures/export.csv',
  fields: MEASURE_FIELDS,
  labels: LABELS,
  synonyms: SYNONYMS,
  defaults: [
    {
      name: 'country',
      label: 'policies.country',
      options: (page) => [{ value: '', label: page.t('policies.chooseCountry') }, ...countryOptions(page)],
    },
    { name: 'lang', label: 'policies.writtenIn', options: languageOptions },
    {
      name: 'source',
      label: 'policies.source',
      options: ({ t }) => MEASURE_SOURCES.map((s) => ({ value: s, label: t(`policies.source.${s}`) })),
    },
    {
      name: 'status',
      label: 'policies.status',
      options: ({ t }) => MEASURE_STATUSES.map((s) => ({ value: s, label: t(`policies.status.${s}`) })),
    },
  ],
  initialDefaults: (locale) => ({
    country: '',
    lang: locale === 'zh-Hans' ? 'zh-Hans' : locale,
    source: 'government',
    status: 'in_force',
  }),
  text: {
    title: 'policies.importTitle',
    intro: 'policies.importIntro',
    noRows: 'policies.importNoRows',
    needName: 'policies.importNeedTitle',
    importButton: 'policies.importButton',
    done: 'policies.importDone',
    duplicatesNote: 'policies.importDuplicatesNote',
  },
  auditAction: 'policies.imported',
  canImport,
  validate: validateMeasures,
  async create(trx, inputs, user) {
    const ids: number[] = [];
    const tally = new CountTally();
    for (const input of inputs) {
      const measure = await insertMeasure(trx, input, await resolveReferences(trx, input), user.id, tally);
      ids.push(measure.id);
    }
    await tally.write(trx);
    return { ids };
  },
};

export const measureImportPages = (deps: AppDeps) => importPages(deps, measureImportTarget);
