// The key figures and the roster as CSV and XLSX (platform/spreadsheets.ts). Figures are rows of
// (section, code, label, count, share): codes stay the same in every language, labels are the
// reader's. The roster — with gender per person — is only ever exported for the organisers.
import type { Translator } from '../../../platform/i18n.ts';
import { type Column, sheetName, xlsxBytes } from '../../../platform/spreadsheets.ts';
import { fullDate } from '../format.ts';
import type { RosterRow } from './access.ts';
import type { KeyFigures } from './figures.ts';

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

/** The figures' columns; the share as a fraction with four decimals (the CSV). */
export const figureColumns: Column<FigureRow>[] = [
  { header: 'section', value: (r) => r.section },
  { header: 'code', value: (r) => r.code },
  { header: 'label', value: (r) => r.label },
  { header: 'count', value: (r) => r.count },
  { header: 'share', value: (r) => (r.share === null ? null : r.share.toFixed(4)) },
];

/** The figures as a workbook: the share as a number shown as a percentage. */
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

/** The roster's columns, with the days each person was checked in. */
export function rosterColumns(datesOf: Map<number, string[]>, baseUrl: string): Column<RosterRow>[] {
  return [
    { header: 'name', value: (r) => r.name },
    { header: 'role', value: (r) => r.role },
    { header: 'organisation', value: (r) => r.organisation_name },
    { header: 'organisation_kind', value: (r) => r.organisation_kind },
    { header: 'country', value: (r) => r.country },
    { header: 'category', value: (r) => r.category },
    { header: 'gender', value: (r) => r.gender },
    { header: 'networking_consent', value: (r) => r.networking_consent === 1 },
    { header: 'days_present', value: (r) => r.daysPresent },
    { header: 'dates_present', value: (r) => datesOf.get(r.id) ?? [] },
    { header: 'source', value: (r) => (r.registration_id === null ? 'organisers' : 'application') },
    {
      header: 'profile',
      value: (r) => (r.personSlug ? `${baseUrl}/directory/people/${r.personSlug}` : null),
    },
  ];
}
