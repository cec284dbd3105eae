// A section's pages: the section (its content, the form, the assignment, status and comments),
// the writes of each form, and its history with the differences between two versions and restore.
// Only the report's team reaches them (404 to anyone else, another country's coordinator included).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attempt, type FieldErrors, type FormValues, readForm } from '../../platform/http/forms.ts';
import { renderPage } from '../../ui/render.tsx';
import { type LoadedReport, loadReport, loadSection, reportPath, structureOfReport } from './access.ts';
import {
  addComment,
  assignSection,
  restoreVersion,
  saveSection,
  sectionPath,
  setSectionStatus,
} from './actions/sections.ts';
import { openRound, roundPath, roundsOfSection } from './consultations.ts';
import { diffVersions, versionText } from './diff.ts';
import { inputsOf, measuresOfAreas } from './listing.ts';
import { canEditSection, canWork } from './permissions.ts';
import { assignmentInput, commentInput, roundInput, sectionInput, statusInput } from './schemas.ts';
import { sectionSpec } from './structure.ts';
import { HistoryView } from './views/history.tsx';
import { sectionTitle } from './views/parts.tsx';
import { type SectionPage, SectionView } from './views/section.tsx';

type C = Context<AppEnv>;
const SECTION = '/qpr/:country{[A-Z]{2}}/:cycle{[0-9]{4}-[0-9]{4}}/sections/:code{[a-z_.]+}';

export function sectionsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  /** The report (its team only) and the section of the URL, or 404. */
  async function load(c: C) {
    const loaded: LoadedReport = await loadReport(c, (_r, role) => canWork(role));
    const section = await loadSection(db, loaded.report, c.req.param('code') ?? '');
    const spec = sectionSpec(structureOfReport(loaded.report), section.code);
    if (!spec) throw new HttpError(404, 'error.404.message');
    return { ...loaded, section, spec };
  }

  async function show(
    c: C,
    form?: { which: SectionPage['form']; values: FormValues; errors: FieldErrors },
    status: ContentfulStatusCode = 200,
  ) {
    const { report, role, section, spec } = await load(c);
    const [people, comments, measures, inputs, rounds] = await Promise.all([
      section.assignee_id === null
        ? undefined
        : db
            .selectFrom('users')
            .select(['name', 'email'])
            .where('id', '=', section.assignee_id)
            .executeTakeFirst(),
      db
        .selectFrom('qpr_comments as m')
        .leftJoin('users as u', 'u.id', 'm.author_id')
        .select(['u.name as author', 'm.body', 'm.created_at'])
        .where('m.section_id', '=', section.id)
        .orderBy('m.id')
        .execute(),
      spec.area ? measuresOfAreas(db, report.country, [spec.area]) : Promise.resolve([]),
      spec.kind === 'civil_society' ? inputsOf(db, report, { sent: true }) : Promise.resolve([]),
      roundsOfSection(db, section.id),
    ]);
    return renderPage(
      c,
      { title: sectionTitle(c.var.t, spec, section.code), noindex: true },
      <SectionView
        report={report}
        spec={spec}
        section={{
          ...section,
          assignee: people?.name ?? null,
          assignee_email: role.coordinator ? (people?.email ?? null) : null,
        }}
        comments={comments}
        measures={measures}
        inputs={inputs.filter((i) => i.status === 'accepted' || i.status === 'merged')}
        rounds={rounds}
        canEdit={canEditSection(role, section)}
        coordinator={role.coordinator}
        canComment={canWork(role)}
        state={form && { values: form.values, errors: form.errors }}
        form={form?.which}
      />,
      status,
    );
  }

  app.get(SECTION, (c) => show(c));

  app.post(SECTION, async (c) => {
    const { report, role, section } = await load(c);
    const ctx = actionContext(c);
    const form = await readForm(c, sectionInput);
    if (!form.ok) return show(c, { which: 'content', ...form }, 422);
    const done = await attempt(() => saveSection(ctx, report, role, section, form.data));
    if (!done.ok) return show(c, { which: 'content', values: form.values, errors: done.errors }, 422);
    setFlash(c, 'qpr.saved');
    return c.redirect(sectionPath(report, section.code), 303);
  });

  app.post(`${SECTION}/assign`, async (c) => {
    const { report, role, section } = await load(c);
    const ctx = actionContext(c);
    const form = await readForm(c, assignmentInput);
    if (!form.ok) return show(c, { which: 'assign', ...form }, 422);
    const done = await attempt(() => assignSection(ctx, report, role, section, form.data));
    if (!done.ok) return show(c, { which: 'assign', values: form.values, errors: done.errors }, 422);
    setFlash(c, 'qpr.assigned');
    return c.redirect(sectionPath(report, section.code), 303);
  });

  app.post(`${SECTION}/status`, async (c) => {
    const { report, role, section } = await load(c);
    const form = await readForm(c, statusInput);
    if (!form.ok) throw HttpError.invalid(form.errors);
    await setSectionStatus(actionContext(c), report, role, section, form.data.status);
    return c.redirect(sectionPath(report, section.code), 303);
  });

  app.post(`${SECTION}/comments`, async (c) => {
    const { report, role, section } = await load(c);
    const form = await readForm(c, commentInput);
    if (!form.ok) return show(c, { which: 'comment', ...form }, 422);
    await addComment(actionContext(c), report, role, section, form.data.body);
    return c.redirect(sectionPath(report, section.code), 303);
  });

  app.post(`${SECTION}/consultations`, async (c) => {
    const { report, role, section } = await load(c);
    const form = await readForm(c, roundInput);
    if (!form.ok) return show(c, { which: 'consult', ...form }, 422);
    const done = await attempt(() => openRound(actionContext(c), report, role, section, form.data));
    if (!done.ok) return show(c, { which: 'consult', values: form.values, errors: done.errors }, 422);
    return c.redirect(roundPath(report, done.value), 303);
  });

  app.get(`${SECTION}/history`, async (c) => {
    const { report, role, section, spec } = await load(c);
    const versions = await db
      .selectFrom('qpr_section_versions as v')
      .leftJoin('users as u', 'u.id', 'v.created_by')
      .select(['v.version', 'v.body', 'v.lang', 'v.content', 'v.created_at', 'u.name as author'])
      .where('v.section_id', '=', section.id)
      .orderBy('v.version', 'desc')
      .execute();
    const asked = (name: string) => Number(c.req.query(name));
    const to = versions.find((v) => v.version === asked('to')) ?? versions[0];
    const from =
      versions.find((v) => v.version === asked('from')) ??
      versions.find((v) => to && v.version === to.version - 1);
    const title = sectionTitle(c.var.t, spec, section.code);
    return renderPage(
      c,
      { title: c.var.t('qpr.historyOf', { section: title }), noindex: true },
      <HistoryView
        report={report}
        code={section.code}
        title={title}
        versions={versions}
        current={section.version}
        canRestore={report.status === 'draft' && canEditSection(role, section)}
        compared={
          from && to
            ? {
                from: from.version,
                to: to.version,
                lang: to.lang,
                parts: diffVersions(versionText(from, c.var.t), versionText(to, c.var.t), to.lang),
              }
            : null
        }
      />,
    );
  });

  app.post(`${SECTION}/restore`, async (c) => {
    const { report, role, section } = await load(c);
    const version = Number((await c.req.parseBody()).version);
    if (!Number.isSafeInteger(version) || version < 1) throw HttpError.invalid({ version: 'form.invalid' });
    await restoreVersion(actionContext(c), report, role, section, version);
    setFlash(c, 'qpr.restored');
    return c.redirect(`${reportPath(report)}/sections/${section.code}/history`, 303);
  });

  return app;
}
