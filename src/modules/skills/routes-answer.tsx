// Answering through the secret link: /skills/r/<token> opens where the respondent left off (on
// any device), /skills/r/<token>/<section> is one section (saved on each post), and
// /skills/r/<token>/profile their own levels against their role once submitted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { answerFormValues } from '../../platform/questionnaires/index.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { personalGaps } from './analysis.ts';
import { type Answering, loadAnswering, saveSection } from './answering.ts';
import { getFramework } from './frameworks/access.ts';
import { requiredOf, respondentOf } from './results.ts';
import { OwnProfileView } from './views/profile.tsx';
import { SectionView } from './views/section.tsx';

type C = Context<AppEnv>;

const SERVICE_WORKER = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'offline-sw.js'),
  'utf8',
);

async function frameworkOf(c: C, a: Answering) {
  const f = await getFramework(c.var.deps.db, { id: a.survey.framework_id });
  if (!f) throw new HttpError(404, 'error.404.message');
  return f;
}

function sectionOf(c: C, a: Answering): number {
  const section = Number(c.req.param('section'));
  if (!a.sections.includes(section)) throw new HttpError(404, 'error.404.message');
  return section;
}

export function answerPages(_deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const showSection = async (
    c: C,
    a: Answering,
    section: number,
    state: FormState,
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: a.survey.title, noindex: true },
      <SectionView
        survey={a.survey}
        framework={await frameworkOf(c, a)}
        token={c.req.param('token') ?? ''}
        section={section}
        sections={a.sections}
        questions={a.questions}
        state={state}
      />,
      status,
    );

  // The service worker of the answering pages: at /skills/ so that its scope covers them.
  app.get('/skills/offline-sw.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(SERVICE_WORKER);
  });

  app.get('/skills/r/:token', async (c) => {
    const a = await loadAnswering(c);
    const token = c.req.param('token');
    if (a.submitted) return c.redirect(`/skills/r/${token}/profile`, 303);
    // Where they left off: the section after the last one saved (the first for a new respondent).
    const saved = Object.keys(a.answers).length > 0;
    const at = a.sections.indexOf(a.respondent.section);
    const next = saved ? (a.sections[Math.min(at + 1, a.sections.length - 1)] ?? 0) : (a.sections[0] ?? 0);
    return c.redirect(`/skills/r/${token}/${next}`, 303);
  });

  app.get('/skills/r/:token/profile', async (c) => {
    const a = await loadAnswering(c);
    if (!a.submitted) return c.redirect(`/skills/r/${c.req.param('token')}`, 303);
    const f = await frameworkOf(c, a);
    const me = respondentOf(a.respondent.id, a.questions, a.answers);
    return renderPage(
      c,
      { title: c.var.t('skills.ownProfile'), noindex: true },
      <OwnProfileView
        survey={a.survey}
        framework={f}
        role={me.role}
        gaps={personalGaps(
          me,
          f.competences.map((x) => x.id),
          requiredOf(f),
        )}
      />,
    );
  });

  app.get('/skills/r/:token/:section{[0-9]{1,3}}', async (c) => {
    const a = await loadAnswering(c);
    const section = sectionOf(c, a);
    if (a.submitted) return c.redirect(`/skills/r/${c.req.param('token')}/profile`, 303);
    return showSection(c, a, section, { values: answerFormValues(a.questions, a.answers) });
  });

  app.post('/skills/r/:token/:section{[0-9]{1,3}}', async (c) => {
    const a = await loadAnswering(c);
    const section = sectionOf(c, a);
    const token = c.req.param('token');
    if (a.submitted) throw new HttpError(409, 'skills.alreadySubmitted');
    const body = await c.req.parseBody({ all: true });
    const values: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(body)) {
      if (k === '_csrf') continue;
      if (typeof v === 'string') values[k] = v;
      else if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string');
    }
    const submit = values.submit === '1' && section === a.sections.at(-1);
    const done = await saveSection(actionContext(c), a, section, values, submit);
    if (!done.ok) return showSection(c, a, section, { values, errors: done.errors }, 422);
    if (done.submitted) {
      setFlash(c, 'skills.submitted');
      return c.redirect(`/skills/r/${token}/profile`, 303);
    }
    const next = a.sections[a.sections.indexOf(section) + 1];
    return c.redirect(
      next === undefined ? `/skills/r/${token}/${section}` : `/skills/r/${token}/${next}`,
      303,
    );
  });

  return app;
}
