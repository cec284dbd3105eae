// An XLSForm as a survey's questions, and a survey's questions as an XLSForm. Question types,
// groups (one section each), labels per language, required, `relevant` conditions of the forms
// `${q} = 'v'` and `selected(${q}, 'v')` (joined by `or`), and the constraint of a rating
// (`. >= 1 and . <= 5`) carry over; a name this module writes (role, country…, imp_1_1, lvl_C_1,
// scenario_phishing) is its measure again, so a survey goes out and comes back whole. Anything
// else (other types, conditions, constraints, columns) is a problem the importer is shown.
import { LOCALES } from '../../../locales/index.ts';
import type { QuestionKind } from '../../../platform/questionnaires/index.ts';
import { RATING_MAX, RATING_MIN } from '../../../platform/questionnaires/index.ts';
import type { Framework } from '../frameworks/access.ts';
import type { WrittenQuestion } from '../survey-questions.ts';
import type { Survey, SurveyQuestion } from '../surveys.ts';
import { type Measure, PROFILE_FIELDS } from '../vocab.ts';
import type { XlsChoice, XlsForm, XlsProblem, XlsRow } from './format.ts';

const RATING_CONSTRAINT = `. >= ${RATING_MIN} and . <= ${RATING_MAX}`;
const codeName = (code: string) => code.replace(/\./g, '_');

/** A question as imported: its condition names the earlier question by its XLSForm name. */
export interface ImportedQuestion extends Omit<WrittenQuestion, 'condition'> {
  name: string;
  condition: { name: string; values: string[] } | null;
}

function kindOf(row: XlsRow): { kind: QuestionKind; list?: string } | null {
  const [type, list] = row.type.split(' ');
  switch (type) {
    case 'text':
      return { kind: /multiline/.test(row.appearance) ? 'long_text' : 'text' };
    case 'integer':
      return { kind: row.constraint.replace(/\s+/g, ' ').trim() === RATING_CONSTRAINT ? 'rating' : 'number' };
    case 'decimal':
      return { kind: 'number' };
    case 'date':
      return { kind: 'date' };
    case 'select_one':
      return list ? { kind: 'single_choice', list } : null;
    case 'select_multiple':
      return list ? { kind: 'multiple_choice', list } : null;
    default:
      return null;
  }
}

/** `${a} = 'x' or selected(${a}, 'y')` → a, [x, y]; anything else: null. */
export function conditionOf(relevant: string): { name: string; values: string[] } | null {
  const parts = relevant.split(/\s+or\s+/);
  let name: string | null = null;
  const values: string[] = [];
  for (const part of parts) {
    const m =
      /^\s*\$\{([\w.-]+)\}\s*=\s*'([^']*)'\s*$/.exec(part) ??
      /^\s*selected\(\s*\$\{([\w.-]+)\}\s*,\s*'([^']*)'\s*\)\s*$/.exec(part);
    if (!m || (name !== null && m[1] !== name)) return null;
    name = m[1] as string;
    values.push(m[2] as string);
  }
  return name ? { name, values } : null;
}

function measureOf(
  name: string,
  framework: Framework,
): { measure: Measure; competenceId: number | null; field: string } {
  if ((PROFILE_FIELDS as readonly string[]).includes(name))
    return { measure: 'profile', competenceId: null, field: name };
  const m = /^(imp|lvl)_(.+)$/.exec(name);
  const competence = m && framework.competences.find((c) => codeName(c.code) === m[2]);
  if (m && competence)
    return {
      measure: m[1] === 'imp' ? 'importance' : 'ability',
      competenceId: competence.id,
      field: competence.code,
    };
  const scenario = /^scenario_(.+)$/.exec(name);
  if (scenario) return { measure: 'scenario', competenceId: null, field: scenario[1] as string };
  return { measure: 'custom', competenceId: null, field: name };
}

export function questionsFromForm(
  form: XlsForm,
  framework: Framework,
): { questions: ImportedQuestion[]; problems: XlsProblem[] } {
  const problems: XlsProblem[] = [];
  const questions: ImportedQuestion[] = [];
  const uiLanguages = form.languages.filter((l) => (LOCALES as readonly string[]).includes(l));
  let section = 0;
  let depth = 0;
  let started = false;
  for (const row of form.rows) {
    if (row.type === 'begin_group' || row.type === 'begin group') {
      if (depth > 0) problems.push({ kind: 'nested', row: row.row, detail: row.name });
      else if (started || questions.length > 0) section++;
      depth++;
      started = true;
      continue;
    }
    if (row.type === 'end_group' || row.type === 'end group') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    const kind = kindOf(row);
    if (!kind || !row.name) {
      problems.push({ kind: 'type', row: row.row, detail: row.type || '—' });
      continue;
    }
    const list: XlsChoice[] = kind.list ? form.choices.filter((c) => c.listName === kind.list) : [];
    const label = row.labels[form.language] ?? Object.values(row.labels)[0] ?? row.name;
    const condition = row.relevant ? conditionOf(row.relevant) : null;
    if (row.relevant && !condition) problems.push({ kind: 'relevant', row: row.row, detail: row.relevant });
    if (row.constraint && kind.kind !== 'rating')
      problems.push({ kind: 'constraint', row: row.row, detail: row.constraint });
    questions.push({
      name: row.name,
      kind: kind.kind,
      label,
      required: row.required,
      choices: list.map((c) => c.name),
      condition,
      translations: uiLanguages
        .filter((lang) => row.labels[lang] || list.some((c) => c.labels[lang]))
        .map((lang) => ({
          lang,
          label: row.labels[lang] ?? label,
          choices: list.map((c) => c.labels[lang] ?? c.name),
        })),
      section,
      ...measureOf(row.name, framework),
    });
  }
  return { questions, problems };
}

const TYPES: Record<QuestionKind, string> = {
  text: 'text',
  long_text: 'text',
  single_choice: 'select_one',
  multiple_choice: 'select_multiple',
  yes_no: 'select_one',
  number: 'decimal',
  date: 'date',
  file: 'file',
  rating: 'integer',
};

export function nameOf(q: SurveyQuestion, framework: Framework): string {
  const code = framework.competences.find((c) => c.id === q.competenceId)?.code;
  if (q.measure === 'importance' && code) return `imp_${codeName(code)}`;
  if (q.measure === 'ability' && code) return `lvl_${codeName(code)}`;
  if (q.measure === 'scenario') return `scenario_${q.field}`;
  return q.field ?? `q${q.id}`;
}

export function formOfSurvey(
  survey: Survey,
  framework: Framework,
  questions: readonly SurveyQuestion[],
): XlsForm {
  const languages = [
    survey.lang,
    ...new Set(questions.flatMap((q) => q.translations.map((t) => t.lang))),
  ].filter((l, i, all) => all.indexOf(l) === i);
  const names = new Map(questions.map((q) => [q.id, nameOf(q, framework)]));
  const rows: XlsRow[] = [];
  const choices: XlsChoice[] = [];
  const blank = { row: 0, hints: {}, relevant: '', constraint: '', appearance: '', required: false };
  let section: number | null = null;
  for (const q of questions.filter((x) => !x.hidden)) {
    if (q.section !== section) {
      if (section !== null) rows.push({ ...blank, type: 'end_group', name: '', labels: {} });
      section = q.section;
      rows.push({ ...blank, type: 'begin_group', name: `section_${section}`, labels: {} });
    }
    const name = names.get(q.id) as string;
    const labels: Record<string, string> = { [survey.lang]: q.label };
    for (const tr of q.translations) labels[tr.lang] = tr.label;
    const source = q.condition ? questions.find((x) => x.id === q.condition?.question) : undefined;
    const sourceName = source ? names.get(source.id) : undefined;
    const relevant =
      q.condition && sourceName
        ? q.condition.values
            .map((v) =>
              source?.kind === 'multiple_choice'
                ? `selected(\${${sourceName}}, '${v}')`
                : `\${${sourceName}} = '${v}'`,
            )
            .join(' or ')
        : '';
    const withList = q.kind === 'single_choice' || q.kind === 'multiple_choice' || q.kind === 'yes_no';
    rows.push({
      ...blank,
      type: withList ? `${TYPES[q.kind]} ${name}` : TYPES[q.kind],
      name,
      labels,
      required: q.required,
      relevant,
      constraint: q.kind === 'rating' ? RATING_CONSTRAINT : '',
      appearance: q.kind === 'long_text' ? 'multiline' : '',
    });
    const values = q.kind === 'yes_no' ? ['yes', 'no'] : q.choices;
    values.forEach((value, i) => {
      const choiceLabels: Record<string, string> = { [survey.lang]: value };
      for (const tr of q.translations) if (tr.choices[i]) choiceLabels[tr.lang] = tr.choices[i] as string;
      choices.push({ listName: name, name: value, labels: choiceLabels });
    });
  }
  if (section !== null) rows.push({ ...blank, type: 'end_group', name: '', labels: {} });
  return {
    title: survey.title,
    id: survey.slug,
    version: survey.updated_at.replace(/\D/g, '').slice(0, 12),
    language: survey.lang,
    languages,
    rows,
    choices,
  };
}
