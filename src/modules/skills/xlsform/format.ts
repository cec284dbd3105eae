// XLSForm (the form format of ODK and KoboToolbox) read from and written to a workbook: the
// `survey` sheet (type, name, label and hint per language, required, relevant, constraint), the
// `choices` sheet (list_name, name, label per language) and the `settings` sheet (form_title,
// form_id, version, default_language). Labels per language are columns `label::English (en)`; a
// plain `label` is the default language's. What this reader does not carry over is named in the
// problems, never dropped in silence.
import ExcelJS from 'exceljs';

export interface XlsRow {
  /** The sheet's row number, for the problems. */
  row: number;
  type: string;
  name: string;
  labels: Record<string, string>;
  hints: Record<string, string>;
  required: boolean;
  relevant: string;
  constraint: string;
  appearance: string;
}

export interface XlsChoice {
  listName: string;
  name: string;
  labels: Record<string, string>;
}

export interface XlsForm {
  title: string;
  id: string;
  version: string;
  /** BCP 47 code of the default language. */
  language: string;
  languages: string[];
  rows: XlsRow[];
  choices: XlsChoice[];
}

export type ProblemKind = 'type' | 'relevant' | 'constraint' | 'column' | 'language' | 'nested';

export interface XlsProblem {
  kind: ProblemKind;
  row: number;
  detail: string;
}

const NAMES: Record<string, string> = {
  english: 'en',
  lao: 'lo',
  khmer: 'km',
  thai: 'th',
  vietnamese: 'vi',
  burmese: 'my',
  myanmar: 'my',
  chinese: 'zh-Hans',
};

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  lo: 'Lao',
  km: 'Khmer',
  th: 'Thai',
  vi: 'Vietnamese',
  my: 'Burmese',
  'zh-Hans': 'Chinese',
};

/** `English (en)` → en; `Lao` → lo; '' (no language) → the default's. */
export function languageOf(text: string, fallback: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return fallback;
  const code = /\(([A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)\)\s*$/.exec(trimmed)?.[1];
  if (code) return code;
  return NAMES[trimmed.toLowerCase()] ?? null;
}

export const languageColumn = (lang: string) => `${LANGUAGE_NAMES[lang] ?? lang} (${lang})`;

const KNOWN_COLUMNS = new Set([
  'type',
  'name',
  'label',
  'hint',
  'required',
  'relevant',
  'constraint',
  'appearance',
  'list_name',
  'list name',
  'constraint_message',
  'required_message',
]);
/** Columns whose every value is lost here: named as problems when a row uses them. */
const cellText = (cell: ExcelJS.Cell) => {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
};

interface Sheet {
  header: string[];
  rows: { row: number; cells: Record<string, string> }[];
}

function sheetOf(wb: ExcelJS.Workbook, name: string): Sheet | null {
  const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === name);
  if (!ws) return null;
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    header[col - 1] = cellText(cell);
  });
  const rows: Sheet['rows'] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h) cells[h] = cellText(row.getCell(i + 1));
    });
    if (Object.values(cells).some((v) => v)) rows.push({ row: n, cells });
  });
  return { header, rows };
}

/** The label-like columns of a row (`label`, `label::Lao (lo)`) by language. */
function byLanguage(
  cells: Record<string, string>,
  column: string,
  fallback: string,
  seen: Set<string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [header, value] of Object.entries(cells)) {
    const [base, lang = ''] = header.split('::');
    if (base?.trim().toLowerCase() !== column || !value) continue;
    const code = languageOf(lang, fallback);
    if (code) {
      out[code] = value;
      seen.add(code);
    }
  }
  return out;
}

const isYes = (v: string) => /^(yes|true|true\(\)|1)$/i.test(v.trim());

export async function readXlsForm(
  bytes: Uint8Array,
): Promise<{ form: XlsForm; problems: XlsProblem[] } | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const survey = sheetOf(wb, 'survey');
  if (!survey) return null;
  const choices = sheetOf(wb, 'choices');
  const settings = sheetOf(wb, 'settings')?.rows[0]?.cells ?? {};
  const language = languageOf(settings.default_language ?? '', 'en') ?? 'en';
  const problems: XlsProblem[] = [];
  const seen = new Set<string>();
  for (const header of survey.header) {
    const base = (header ?? '').split('::')[0]?.trim().toLowerCase() ?? '';
    if (!header || KNOWN_COLUMNS.has(base)) continue;
    if (survey.rows.some((r) => r.cells[header])) problems.push({ kind: 'column', row: 1, detail: header });
  }
  for (const header of survey.header) {
    const [base, lang] = (header ?? '').split('::');
    if (lang && ['label', 'hint'].includes(base?.trim().toLowerCase() ?? '') && !languageOf(lang, language))
      problems.push({ kind: 'language', row: 1, detail: header });
  }
  const rows: XlsRow[] = survey.rows.map(({ row, cells }) => ({
    row,
    type: (cells.type ?? '').replace(/\s+/g, ' ').trim(),
    name: cells.name ?? '',
    labels: byLanguage(cells, 'label', language, seen),
    hints: byLanguage(cells, 'hint', language, seen),
    required: isYes(cells.required ?? ''),
    relevant: cells.relevant ?? '',
    constraint: cells.constraint ?? '',
    appearance: cells.appearance ?? '',
  }));
  const listColumn = choices?.header.find((h) => /^list[_ ]name$/i.test(h ?? '')) ?? 'list_name';
  const choiceRows: XlsChoice[] = (choices?.rows ?? []).map(({ cells }) => ({
    listName: cells[listColumn] ?? '',
    name: cells.name ?? '',
    labels: byLanguage(cells, 'label', language, seen),
  }));
  const languages = [language, ...[...seen].filter((l) => l !== language).sort()];
  return {
    form: {
      title: settings.form_title ?? '',
      id: settings.form_id ?? '',
      version: settings.version ?? '',
      language,
      languages,
      rows,
      choices: choiceRows,
    },
    problems,
  };
}

/** The form as a workbook of the three sheets. */
export async function writeXlsForm(form: XlsForm): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const labelColumns = form.languages.map((l) => `label::${languageColumn(l)}`);
  const hintColumns = form.languages.map((l) => `hint::${languageColumn(l)}`);
  const survey = wb.addWorksheet('survey');
  survey.addRow([
    'type',
    'name',
    ...labelColumns,
    ...hintColumns,
    'required',
    'relevant',
    'constraint',
    'appearance',
  ]);
  for (const r of form.rows)
    survey.addRow([
      r.type,
      r.name,
      ...form.languages.map((l) => r.labels[l] ?? ''),
      ...form.languages.map((l) => r.hints[l] ?? ''),
      r.required ? 'yes' : '',
      r.relevant,
      r.constraint,
      r.appearance,
    ]);
  const choices = wb.addWorksheet('choices');
  choices.addRow(['list_name', 'name', ...labelColumns]);
  for (const ch of form.choices)
    choices.addRow([ch.listName, ch.name, ...form.languages.map((l) => ch.labels[l] ?? '')]);
  const settings = wb.addWorksheet('settings');
  settings.addRow(['form_title', 'form_id', 'version', 'default_language']);
  settings.addRow([form.title, form.id, form.version, languageColumn(form.language)]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
