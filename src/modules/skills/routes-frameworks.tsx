// The frameworks' pages: the list, one framework, a role profile (its levels: admins change
// them), a competence's texts (admins).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actionContext, ensure } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { renderPage } from '../../ui/render.tsx';
import { type Framework, getFramework, listFrameworks } from './frameworks/access.ts';
import { updateCompetenceTexts, updateRoleLevels } from './frameworks/actions.ts';
import { canEditFrameworks } from './permissions.ts';
import { competenceTextsInput, roleLevelsInput } from './schemas.ts';
import {
  CompetenceFormView,
  competenceValues,
  FrameworkListView,
  FrameworkView,
  RoleView,
} from './views/frameworks.tsx';

type C = Context<AppEnv>;

async function loadFramework(c: C): Promise<Framework> {
  const f = await getFramework(c.var.deps.db, { slug: c.req.param('slug') ?? '' });
  if (!f) throw new HttpError(404, 'error.404.message');
  return f;
}

function roleOf(f: Framework, code: string | undefined) {
  const role = f.roles.find((r) => r.code === code);
  if (!role) throw new HttpError(404, 'error.404.message');
  return role;
}

function competenceOf(f: Framework, code: string | undefined) {
  const competence = f.competences.find((c) => c.code === code);
  if (!competence) throw new HttpError(404, 'error.404.message');
  return competence;
}

export function frameworkPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;
  const editor = (c: C) => canEditFrameworks(c.var.auth?.user ?? null);

  app.get('/skills/frameworks', async (c) =>
    renderPage(
      c,
      {
        title: c.var.t('skills.frameworks'),
        description: c.var.t('skills.frameworksIntro'),
        path: '/skills/frameworks',
      },
      <FrameworkListView frameworks={await listFrameworks(db)} />,
    ),
  );

  app.get('/skills/frameworks/:slug', async (c) => {
    const f = await loadFramework(c);
    return renderPage(
      c,
      { title: f.title, description: f.description, path: `/skills/frameworks/${f.slug}` },
      <FrameworkView framework={f} canEdit={editor(c)} />,
    );
  });

  app.get('/skills/frameworks/:slug/roles/:role', async (c) => {
    const f = await loadFramework(c);
    const role = roleOf(f, c.req.param('role'));
    return renderPage(
      c,
      { title: `${role.title} · ${f.title}`, path: `/skills/frameworks/${f.slug}/roles/${role.code}` },
      <RoleView framework={f} role={role} canEdit={editor(c)} />,
    );
  });

  app.post('/skills/frameworks/:slug/roles/:role', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canEditFrameworks);
    const f = await loadFramework(c);
    const role = roleOf(f, c.req.param('role'));
    const form = await readForm(c, roleLevelsInput(f));
    if (!form.ok)
      return renderPage(
        c,
        { title: role.title, noindex: true },
        <RoleView framework={f} role={role} canEdit state={{ values: form.values, errors: form.errors }} />,
        422,
      );
    await updateRoleLevels(ctx, f, role, form.data as Record<string, number>);
    setFlash(c, 'skills.saved');
    return c.redirect(`/skills/frameworks/${f.slug}/roles/${role.code}`, 303);
  });

  const competencePage = (
    c: C,
    f: Framework,
    code: string | undefined,
    values?: Record<string, string | string[]>,
    errors?: Record<string, never>,
    status: 200 | 422 = 200,
  ) => {
    const competence = competenceOf(f, code);
    return renderPage(
      c,
      { title: c.var.t('skills.editCompetence', { code: competence.code }), noindex: true },
      <CompetenceFormView
        framework={f}
        competence={competence}
        state={{ values: values ?? competenceValues(competence), errors }}
      />,
      status,
    );
  };

  app.get('/skills/frameworks/:slug/competences/:code/edit', async (c) => {
    ensure(actionContext(c), canEditFrameworks);
    return competencePage(c, await loadFramework(c), c.req.param('code'));
  });

  app.post('/skills/frameworks/:slug/competences/:code/edit', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canEditFrameworks);
    const f = await loadFramework(c);
    const competence = competenceOf(f, c.req.param('code'));
    const form = await readForm(c, competenceTextsInput);
    if (!form.ok)
      return competencePage(c, f, competence.code, form.values, form.errors as Record<string, never>, 422);
    await updateCompetenceTexts(ctx, competence, form.data);
    setFlash(c, 'skills.saved');
    return c.redirect(`/skills/frameworks/${f.slug}`, 303);
  });

  return app;
}
