// The builder's pages for one owner kind, mounted where the target's `path` says (an event's
// application form at /events/:slug/registration/form, its feedback at …/feedback/questions):
//   GET  path               the questions and the form to add one
//   POST path               add a question
//   GET  path/:id           one question's form
//   POST path/:id           change it
//   POST path/:id/delete    delete it (not when answered: hide it instead)
//   POST path/:id/move      move it up or down
// Each write is an action of actions.ts with the owner's permission and audit entry; a refusal
// shows the form again with what was typed and the message next to its field.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { actionContext } from '../actions.ts';
import type { AppEnv } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { setFlash } from '../http/flash.ts';
import { attemptWrite, readForm } from '../http/forms.ts';
import {
  addQuestion,
  deleteQuestion,
  loadQuestion,
  moveQuestion,
  type QuestionnaireOwner,
  updateQuestion,
} from './actions.ts';
import { type Question, questionsOf } from './questions.ts';
import { answeredQuestions } from './responses.ts';
import { formValuesOf, questionSchema } from './schemas.ts';
import { QuestionEditor, QuestionsBuilder } from './views/builder.tsx';

type C = Context<AppEnv>;

/** Where the builder is for this request: whose questionnaire, at which address, in which page. */
export interface BuilderPlace {
  owner: QuestionnaireOwner;
  /** The builder's address, e.g. /events/hue-2016/registration/form. */
  base: string;
  /** The page around the builder (breadcrumb, heading, links between the owner's pages). */
  Frame: (props: { title: string; editing: boolean; children: Child }) => Child;
  /** The list page's title. */
  title: string;
}

export interface BuilderTarget {
  /** The builder's route, e.g. '/events/:slug/registration/form'. */
  path: string;
  /** The owner of the request's questionnaire; refuses (401, 403, 404) who may not change it. */
  load: (c: C) => Promise<BuilderPlace>;
}

const moveSchema = z.object({ direction: z.enum(['up', 'down'], 'form.invalid') });

export function builderPages(target: BuilderTarget) {
  const app = new Hono<AppEnv>();
  const { path } = target;

  const showList = async (c: C, place: BuilderPlace, add: FormState = {}, status: 200 | 409 | 422 = 200) => {
    const db = c.var.deps.db;
    const [questions, answered] = await Promise.all([
      questionsOf(db, place.owner),
      answeredQuestions(db, place.owner),
    ]);
    return renderPage(
      c,
      { title: place.title, noindex: true },
      <place.Frame title={place.title} editing={false}>
        <QuestionsBuilder
          base={place.base}
          owner={place.owner}
          questions={questions}
          answered={new Set(answered.keys())}
          add={{ ...add, values: { kind: place.owner.kinds[0], ...add.values } }}
        />
      </place.Frame>,
      status,
    );
  };

  /** The question of the URL in the request's questionnaire. */
  const loadOne = async (c: C) => {
    const place = await target.load(c);
    const question = await loadQuestion(c.var.deps.db, place.owner, Number(c.req.param('id')));
    return { place, question };
  };

  const showOne = async (
    c: C,
    place: BuilderPlace,
    question: Question,
    state: FormState,
    status: 200 | 409 | 422 = 200,
  ) => {
    const db = c.var.deps.db;
    const [questions, answered] = await Promise.all([
      questionsOf(db, place.owner),
      answeredQuestions(db, place.owner),
    ]);
    const title = c.var.t('questionnaire.editTitle', { label: question.label });
    return renderPage(
      c,
      { title, noindex: true },
      <place.Frame title={title} editing>
        <QuestionEditor
          base={place.base}
          owner={place.owner}
          question={question}
          questions={questions}
          answered={answered.has(question.id)}
          state={state}
        />
      </place.Frame>,
      status,
    );
  };

  app.get(path, async (c) => showList(c, await target.load(c)));

  app.post(path, async (c) => {
    const place = await target.load(c);
    const form = await readForm(c, questionSchema(place.owner.kinds));
    if (!form.ok) return showList(c, place, form, 422);
    const done = await attemptWrite(() => addQuestion(actionContext(c), place.owner, form.data));
    if (!done.ok) return showList(c, place, { values: form.values, errors: done.errors }, done.status);
    setFlash(c, 'form.saved');
    return c.redirect(place.base, 303);
  });

  app.get(`${path}/:id{[0-9]{1,15}}`, async (c) => {
    const { place, question } = await loadOne(c);
    return showOne(c, place, question, { values: formValuesOf(question) });
  });

  app.post(`${path}/:id{[0-9]{1,15}}`, async (c) => {
    const { place, question } = await loadOne(c);
    const form = await readForm(c, questionSchema(place.owner.kinds));
    if (!form.ok) return showOne(c, place, question, form, 422);
    const done = await attemptWrite(() => updateQuestion(actionContext(c), place.owner, question, form.data));
    if (!done.ok)
      return showOne(c, place, question, { values: form.values, errors: done.errors }, done.status);
    setFlash(c, 'form.saved');
    return c.redirect(`${place.base}#field-${question.id}`, 303);
  });

  app.post(`${path}/:id{[0-9]{1,15}}/delete`, async (c) => {
    const { place, question } = await loadOne(c);
    const done = await attemptWrite(() => deleteQuestion(actionContext(c), place.owner, question));
    if (!done.ok)
      return showOne(
        c,
        place,
        question,
        { values: formValuesOf(question), errors: done.errors },
        done.status,
      );
    setFlash(c, 'questionnaire.deleted');
    return c.redirect(place.base, 303);
  });

  app.post(`${path}/:id{[0-9]{1,15}}/move`, async (c) => {
    const { place, question } = await loadOne(c);
    const form = await readForm(c, moveSchema);
    if (!form.ok) throw new HttpError(422, 'form.invalid');
    await moveQuestion(actionContext(c), place.owner, question, form.data.direction);
    return c.redirect(`${place.base}#field-${question.id}`, 303);
  });

  return app;
}
