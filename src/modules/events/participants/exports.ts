// The key figures and the roster as CSV and XLSX (platform/spreadsheets.ts). Figures are rows of
// (section, code, label, count, share): codes stay the same in every language, labels are the
// reader's. The roster — with gender per person — is only ever exported for the organisers.
import type { Translator } from '../../../platform/i18n.ts';
import { csvText, neutraliseFormula, sheetName, xlsxBytes } from '../../../platform/spreadsheets.ts';
import { fullDate } from '../format.ts';
import type { KeyFigures } from './figures.ts';
import type { RosterRow } from './roster.ts';

export interface FigureRow {
  section: string;
  code: string;
  label: string;
  count: number;
  /** Of the participants (0–1), where a share means something. */
  share: number | null;
}

interface Labels {
  t: Translator;
  locale: string;
  country: (code: string) => string;
}

export function figureRows(f: KeyFigures, { t, locale, country }: Labels): FigureRow[] {
  const of = (n: number) => (f.participants ? n / f.participants : null);
  const rows: FigureRow[] = [
    {
      section: 'participants',
      code: '',
      label: t('participants.participantsLabel'),
      count: f.participants,
      share: null,
    },
    {
      section: 'observers',
      code: '',
      label: t('participants.observersLabel'),
      count: f.observers,
      share: null,
    },
    {
      section: 'countries',
      code: '',
      label: t('participants.countriesLabel'),
      count: f.countries.length,
      share: null,
    },
  ];
  for (const c of f.countries)
    rows.push({ section: 'country', code: c.key, label: country(c.key), count: c.count, share: of(c.count) });
  if (f.countryUnknown)
    rows.push({
      section: 'country',
      code: '',
      label: t('participants.notKnown'),
      count: f.countryUnknown,
      share: of(f.countryUnknown),
    });
  for (const g of ['woman', 'man', 'another', 'unstated'] as const)
    rows.push({
      section: 'gender',
      code: g,
      label: t(`vocab.gender.${g}`),
      count: f.gender[g],
      share: of(f.gender[g]),
    });
  rows.push({
    section: 'women_share',
    code: '',
    label: t('participants.womenShareLabel'),
    count: f.gender.woman,
    share: f.womenShare,
  });
  for (const c of f.categories)
    rows.push({
      section: 'category',
      code: String(c.id),
      label: c.label,
      count: c.count,
      share: of(c.count),
    });
  if (f.uncategorised && f.categories.length)
    rows.push({
      section: 'category',
      code: '',
      label: t('participants.notKnown'),
      count: f.uncategorised,
      share: of(f.uncategorised),
    });
  for (const k of f.kinds)
    rows.push({
      section: 'organisation_kind',
      code: k.key,
      label: t(`vocab.organisationKind.${k.key}`),
      count: k.count,
      share: of(k.count),
    });
  if (f.kindUnknown)
    rows.push({
      section: 'organisation_kind',
      code: '',
      label: t('participants.notKnown'),
      count: f.kindUnknown,
      share: of(f.kindUnknown),
    });
  for (const d of f.attendance)
    rows.push({
      section: 'attendance',
      code: d.date,
      label: fullDate(locale, d.date),
      count: d.participants,
      share: of(d.participants),
    });
  return rows;
}

const FIGURE_COLUMNS = ['section', 'code', 'label', 'count', 'share'] as const;

export function figuresCsv(rows: FigureRow[]): string {
  return csvText([
    [...FIGURE_COLUMNS],
    ...rows.map((r) => [
      r.section,
      neutraliseFormula(r.code),
      neutraliseFormula(r.label),
      r.count,
      r.share === null ? '' : r.share.toFixed(4),
    ]),
  ]);
}

export interface ExportedParticipant {
  name: string;
  role: string;
  organisation: string;
  organisation_kind: string;
  country: string;
  category: string;
  gender: string;
  networking_consent: string;
  days_present: number;
  dates_present: string;
  source: string;
  profile: string;
}

const ROSTER_COLUMNS: (keyof ExportedParticipant)[] = [
  'name',
  'role',
  'organisation',
  'organisation_kind',
  'country',
  'category',
  'gender',
  'networking_consent',
  'days_present',
  'dates_present',
  'source',
  'profile',
];

export function exportedRoster(
  rows: RosterRow[],
  datesOf: Map<number, string[]>,
  baseUrl: string,
): ExportedParticipant[] {
  return rows.map((r) => ({
    name: r.name,
    role: r.role,
    organisation: r.organisation_name ?? '',
    organisation_kind: r.organisation_kind ?? '',
    country: r.country ?? '',
    category: r.category ?? '',
    gender: r.gender ?? '',
    networking_consent: r.networking_consent ? 'yes' : 'no',
    days_present: r.daysPresent,
    dates_present: (datesOf.get(r.id) ?? []).join('; '),
    source: r.registration_id === null ? 'organisers' : 'application',
    profile: r.personSlug ? `${baseUrl}/directory/people/${r.personSlug}` : '',
  }));
}

export function rosterCsv(rows: ExportedParticipant[]): string {
  return csvText([
    ROSTER_COLUMNS,
    ...rows.map((r) =>
      ROSTER_COLUMNS.map((column) => {
        const value = r[column];
        return typeof value === 'number' ? value : neutraliseFormula(value);
      }),
    ),
  ]);
}

export function figuresXlsx(rows: FigureRow[], title: string): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    const sheet = wb.addWorksheet(sheetName(title));
    sheet.columns = [
      { header: 'section', key: 'section', width: 18 },
      { header: 'code', key: 'code', width: 12 },
      { header: 'label', key: 'label', width: 40 },
      { header: 'count', key: 'count', width: 10 },
      { header: 'share', key: 'share', width: 10, style: { numFmt: '0.0%' } },
    ];
    for (const r of rows) sheet.addRow({ ...r, share: r.share ?? undefined });
    sheet.getRow(1).font = { bold: true };
  });
}

export function rosterXlsx(rows: ExportedParticipant[], title: string): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    const sheet = wb.addWorksheet(sheetName(title));
    sheet.columns = ROSTER_COLUMNS.map((key) => ({ header: key, key, width: key === 'name' ? 30 : 16 }));
    for (const r of rows) sheet.addRow(r);
    sheet.getRow(1).font = { bold: true };
  });
}
