// A consultation round's page and its comments. The round is read by its audience (every signed-in
// member, or a group's members) and the report's team; a visitor is sent to log in; anyone else
// gets 404. Opening a round is on the section's page (routes-sections.tsx).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attemptPost, type FieldErrors, type FormValues, readForm } from '../../platform/http/forms.ts';
import { renderPage } from '../../ui/render.tsx';
import { organisationsOf } from '../directory/index.ts';
import { getReport, roleOf, structureOfReport } from './access.ts';
import { commentOnRound, getRound, inAudience, roundPath, summaryOfRound } from './consultations.ts';
import { canWork } from './permissions.ts';
import { roundCommentInput } from './schemas.ts';
import { sectionSpec } from './structure.ts';
import { ConsultationView } from './views/consultation.tsx';
import { sectionTitle } from './views/parts.tsx';

type C = Context<AppEnv>;
const ROUND = '/qpr/:country{[A-Z]{2}}/:cycle{[0-9]{4}-[0-9]{4}}/consultations/:id{[0-9]{1,15}}';

export function consultationsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  async function load(c: C) {
    const report = await getReport(db, c.req.param('country') ?? '', c.req.param('cycle') ?? '');
    const round = report ? await getRound(db, report, Number(c.req.param('id'))) : undefined;
    if (!report || !round) throw new HttpError(404, 'error.404.message');
    const user = c.var.auth?.user ?? null;
    if (!user) throw new HttpError(401, 'error.401.message');
    const role = await roleOf(db, user, report);
    const team = canWork(role);
    const audience = await inAudience(deps, user, round);
    if (!team && !audience) throw new HttpError(404, 'error.404.message');
    return { report, round, role, team, audience, user };
  }

  async function show(
    c: C,
    form?: { values: FormValues; errors: FieldErrors },
    status: ContentfulStatusCode = 200,
  ) {
    const { report, round, team, audience, user } = await load(c);
    const [comments, organisations, summary] = await Promise.all([
      db
        .selectFrom('qpr_round_comments as m')
        .leftJoin('users as u', 'u.id', 'm.author_id')
        .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.paragraph', 'u.name as author', 'o.name as organisation', 'm.body', 'm.created_at'])
        .where('m.round_id', '=', round.id)
        .orderBy('m.id')
        .execute(),
      organisationsOf(db, user.id),
      team ? summaryOfRound(db, round.id) : Promise.resolve(null),
    ]);
    const title = sectionTitle(c.var.t, sectionSpec(structureOfReport(report), round.code), round.code);
    const asked = Number(c.req.query('p'));
    return renderPage(
      c,
      { title: c.var.t('qpr.consultationOf', { section: title }), noindex: true },
      <ConsultationView
        report={report}
        round={round}
        title={title}
        comments={comments}
        organisations={organisations}
        canComment={(team || audience) && report.status === 'draft'}
        summary={summary}
        paragraph={Number.isSafeInteger(asked) && asked > 0 ? asked - 1 : 0}
        state={form}
      />,
      status,
    );
  }

  app.get(ROUND, (c) => show(c));

  app.post(ROUND, async (c) => {
    const { report, round, team, audience } = await load(c);
    const form = await readForm(c, roundCommentInput);
    if (!form.ok) return show(c, form, 422);
    const done = await attemptPost(c, () =>
      commentOnRound(actionContext(c), report, round, team || audience, form.data),
    );
    if (!done.ok) return show(c, { values: form.values, errors: done.errors }, done.status);
    setFlash(c, 'qpr.commented');
    return c.redirect(`${roundPath(report, round.id)}#p-${form.data.paragraph + 1}`, 303);
  });

  return app;
}
