// Importing an XLSForm as a new survey (a draft) of an organisation or group, and exporting a
// survey as an XLSForm. The import writes what converts (convert.ts) through the same action as a
// survey made on the form, and returns the problems: what could not become part of the survey.
import type { ActionContext } from '../../../platform/actions.ts';
import { isCountryCode } from '../../../platform/countries.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { LANG_TAG } from '../../../platform/http/fields.ts';
import { ensureQuestionnaire } from '../../../platform/questionnaires/index.ts';
import { createSurvey } from '../actions.ts';
import type { Framework } from '../frameworks/access.ts';
import { insertSurveyQuestion } from '../survey-questions.ts';
import { type Survey, surveyOwner, surveyQuestions } from '../surveys.ts';
import { formOfSurvey, questionsFromForm } from './convert.ts';
import { readXlsForm, writeXlsForm, type XlsProblem } from './format.ts';

export const MAX_XLSFORM_BYTES = 2 * 1024 * 1024;

export async function importXlsForm(
  ctx: ActionContext,
  input: { owner: string; framework: string; title: string },
  bytes: Uint8Array,
): Promise<{ survey: Survey; problems: XlsProblem[] }> {
  if (bytes.byteLength > MAX_XLSFORM_BYTES) throw new HttpError(413, 'skills.xlsform.tooBig');
  const read = bytes.byteLength > 0 ? await readXlsForm(bytes) : null;
  if (!read) throw HttpError.invalid({ file: 'skills.xlsform.notXlsForm' });
  const { form } = read;
  let problems: XlsProblem[] = read.problems;
  const countryRow = form.rows.find((r) => r.name === 'country');
  const countries = form.choices
    .filter((c) => countryRow?.type.endsWith(` ${c.listName}`) && isCountryCode(c.name))
    .map((c) => c.name);
  const survey = await createSurvey(
    ctx,
    {
      title: input.title || form.title || form.id || 'XLSForm',
      lang: LANG_TAG.test(form.language) ? form.language : 'en',
      intro: '',
      framework: input.framework,
      owner: input.owner,
      countries,
    },
    async (trx, created, framework: Framework) => {
      const converted = questionsFromForm(form, framework);
      problems = [...problems, ...converted.problems];
      const questionnaireId = await ensureQuestionnaire(trx, surveyOwner(created));
      const ids = new Map<string, number>();
      for (const [position, { name, condition, ...q }] of converted.questions.entries()) {
        const source = condition ? ids.get(condition.name) : undefined;
        if (condition && source === undefined)
          problems.push({ kind: 'relevant', row: 0, detail: `${name}: \${${condition.name}}` });
        const id = await insertSurveyQuestion(trx, created, questionnaireId, position, {
          ...q,
          condition:
            condition && source !== undefined ? { question: source, values: condition.values } : null,
        });
        ids.set(name, id);
      }
    },
  );
  return { survey, problems };
}

export async function exportXlsForm(
  ctx: ActionContext,
  survey: Survey,
  framework: Framework,
): Promise<Uint8Array> {
  const questions = await surveyQuestions(ctx.deps.db, survey);
  return writeXlsForm(formOfSurvey(survey, framework, questions));
}
