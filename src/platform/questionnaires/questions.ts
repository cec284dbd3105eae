// A questionnaire's questions as the engine reads them: in order, with their choices, condition
// and translations, and shown in the reader's language (the original where there is no
// translation). A questionnaire is found by its owner ({ type, id }); an owner that has written no
// question yet has none, and gets one with its first question (actions.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../time.ts';
import type { QuestionKind } from './vocab.ts';

type Db = Kysely<Database>;

/** What a questionnaire belongs to: the owner module's word for it and the owning record's id. */
export interface QuestionnaireOwnerRef {
  type: string;
  id: number;
}

/** Show the question only when question `question` was answered with one of `values`. */
export interface Condition {
  question: number;
  values: string[];
}

export interface QuestionTranslation {
  lang: string;
  label: string;
  help: string;
  /** As many as the question's choices, in their order; empty: the original choices are shown. */
  choices: string[];
}

export interface Question {
  id: number;
  position: number;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  choices: string[];
  /** No longer asked; its answers stay. */
  hidden: boolean;
  condition: Condition | null;
  translations: QuestionTranslation[];
}

/** A JSON array of strings as stored; anything else reads as none. */
export function jsonList(text: string | null | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export async function questionnaireIdOf(db: Db, owner: QuestionnaireOwnerRef): Promise<number | undefined> {
  const row = await db
    .selectFrom('questionnaires')
    .select('id')
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();
  return row?.id;
}

/** The owner's questionnaire, made the first time it is needed. */
export async function ensureQuestionnaire(db: Db, owner: QuestionnaireOwnerRef): Promise<number> {
  const existing = await questionnaireIdOf(db, owner);
  if (existing !== undefined) return existing;
  const now = nowIso();
  const row = await db
    .insertInto('questionnaires')
    .values({ owner_type: owner.type, owner_id: owner.id, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every question of the owner's questionnaire in order, hidden ones included. */
export async function questionsOf(db: Db, owner: QuestionnaireOwnerRef): Promise<Question[]> {
  const id = await questionnaireIdOf(db, owner);
  return id === undefined ? [] : questionsById(db, id);
}

export async function questionsById(db: Db, questionnaireId: number): Promise<Question[]> {
  const rows = await db
    .selectFrom('questionnaire_questions')
    .selectAll()
    .where('questionnaire_id', '=', questionnaireId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const translations = await db
    .selectFrom('questionnaire_question_translations')
    .selectAll()
    .where(
      'question_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('lang')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    kind: row.kind,
    label: row.label,
    help: row.help,
    required: row.required === 1,
    choices: jsonList(row.choices),
    hidden: row.hidden === 1,
    condition:
      row.show_if_question === null
        ? null
        : { question: row.show_if_question, values: jsonList(row.show_if_values) },
    translations: translations
      .filter((tr) => tr.question_id === row.id)
      .map((tr) => ({ lang: tr.lang, label: tr.label, help: tr.help, choices: jsonList(tr.choices) })),
  }));
}

/** A question as a reader of `locale` sees it: their language's label, help and choices, else the original's. */
export function localised(question: Question, locale: string) {
  const tr = question.translations.find((t) => t.lang === locale);
  const translatedChoices = tr && tr.choices.length === question.choices.length ? tr.choices : null;
  return {
    label: tr?.label || question.label,
    help: tr?.help || question.help,
    /** The stored value stays the original choice; only what is shown changes. */
    choices: question.choices.map((value, i) => ({ value, label: translatedChoices?.[i] || value })),
    /** The language of the label shown, when it is a translation. */
    lang: tr?.label ? tr.lang : undefined,
  };
}
