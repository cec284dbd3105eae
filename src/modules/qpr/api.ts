// /api/v1/qpr: the caller's reports, a report with its sections (its team; a published report,
// everyone), and a section's update (its assignee and the coordinators) — through the pages'
// loaders and actions, so the same refusals: 404 to an outsider, 403 to a contributor on another's
// section, 409 once the report is submitted.
import { createRoute, z } from '@hono/zod-openapi';
import { actingUser, actionContext } from '../../platform/actions.ts';
import { anyoneOrSignedIn, apiRouter, jsonBody, jsonResponse, problemsOf } from '../../platform/api.ts';
import { forSignedIn, forSignedInWithJson, patchedInput } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import {
  contentOf,
  loadReport,
  loadSection,
  type Report,
  reportPath,
  type Section,
  sectionsOf,
} from './access.ts';
import { saveSection } from './actions/sections.ts';
import { reportsOf } from './listing.ts';
import { sectionObject } from './schemas.ts';

const ABOUT = { tags: ['QPR'] };

const params = z.object({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .openapi({ example: 'LA', description: 'ISO 3166-1 alpha-2' }),
  cycle: z
    .string()
    .regex(/^[0-9]{4}-[0-9]{4}$/)
    .openapi({ example: '2024-2027' }),
});
const sectionParams = params.extend({
  code: z
    .string()
    .regex(/^[a-z_.]+$/)
    .openapi({ example: 'consultation' }),
});

const SectionSchema = z
  .object({
    code: z.string(),
    status: z.string().openapi({ description: 'todo | drafting | review | validated' }),
    assigneeId: z.number().int().nullable(),
    dueOn: z.string().nullable(),
    body: z.string().openapi({ description: 'Markdown' }),
    lang: z.string(),
    answers: z.record(z.string(), z.object({ answer: z.string(), evidence: z.string() })),
    statistics: z.array(
      z.object({
        label: z.string(),
        value: z.string(),
        year: z.number().int().nullable(),
        source: z.string(),
      }),
    ),
    documents: z.array(z.string()),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('QprSection');

const ReportSchema = z
  .object({
    country: z.string(),
    cycle: z.string(),
    structure: z.string(),
    status: z.string().openapi({ description: 'draft | submitted' }),
    submittedAt: z.string().nullable(),
    published: z.boolean(),
    page: z.string(),
  })
  .openapi('QprReport');

const listRoute = createRoute({
  method: 'get',
  path: '/qpr',
  ...ABOUT,
  ...forSignedIn,
  summary: 'The reports the caller coordinates, contributes to or brings civil-society inputs to',
  responses: {
    200: jsonResponse(z.object({ items: z.array(ReportSchema.extend({ as: z.string() })) }), 'The reports'),
    ...problemsOf(401),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/qpr/{country}/{cycle}',
  ...ABOUT,
  security: anyoneOrSignedIn,
  summary: 'A report and its sections (its team; once submitted and published, everyone)',
  request: { params },
  responses: {
    200: jsonResponse(ReportSchema.extend({ sections: z.array(SectionSchema) }), 'The report'),
    ...problemsOf(401, 404),
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/qpr/{country}/{cycle}/sections/{code}',
  ...ABOUT,
  ...forSignedInWithJson,
  summary: 'Change a section (its assignee and the coordinators): a new version; what is not sent stays',
  request: { params: sectionParams, body: jsonBody(sectionObject.partial().openapi('QprSectionInput')) },
  responses: {
    200: jsonResponse(SectionSchema, 'The section as saved'),
    ...problemsOf(400, 401, 403, 404, 409, 415, 422),
  },
});

export function qprApi(deps: AppDeps) {
  const { db, config } = deps;
  const reportJson = (r: Report) => ({
    country: r.country,
    cycle: r.cycle,
    structure: r.structure,
    status: r.status,
    submittedAt: r.submitted_at,
    published: r.published === 1,
    page: config.baseUrl + reportPath(r),
  });
  const sectionJson = (s: Section) => ({
    code: s.code,
    status: s.status,
    assigneeId: s.assignee_id,
    dueOn: s.due_on,
    body: s.body,
    lang: s.lang,
    ...contentOf(s.content),
    version: s.version,
    updatedAt: s.updated_at,
  });
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { reports } = await reportsOf(db, actingUser(actionContext(c)));
      return c.json({ items: reports.map((r) => ({ ...reportJson(r), as: r.as })) }, 200);
    })
    .openapi(readRoute, async (c) => {
      const { report } = await loadReport(c);
      const sections = await sectionsOf(db, report);
      return c.json({ ...reportJson(report), sections: sections.map(sectionJson) }, 200);
    })
    .openapi(updateRoute, async (c) => {
      const { report, role } = await loadReport(
        c,
        (_r, role) => role.coordinator || role.assigned.length > 0,
      );
      const section = await loadSection(db, report, c.req.valid('param').code);
      const current = { body: section.body, lang: section.lang, ...contentOf(section.content) };
      const input = await patchedInput(c, sectionObject, current);
      await saveSection(actionContext(c), report, role, section, input);
      return c.json(sectionJson(await loadSection(db, report, section.code)), 200);
    });
}
