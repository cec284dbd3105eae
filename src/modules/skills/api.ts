// /api/v1/skills: the frameworks (areas, competences, levels, role profiles), a survey's summary
// (the same figures and the same suppression as its pages: a cell of fewer than MIN_CELL
// respondents has no figures), and its raw answers for its managers.
import { createRoute, z } from '@hono/zod-openapi';
import {
  anyone,
  anyoneOrSignedIn,
  apiRouter,
  jsonResponse,
  problemsOf,
  signedIn,
} from '../../platform/api.ts';
import type { AppDeps } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { Cell } from './analysis.ts';
import { rawAnswers } from './export.ts';
import { type Framework, getFramework, listFrameworks } from './frameworks/access.ts';
import { summaryOfSurvey } from './results.ts';
import { loadManagedSurvey, loadSummarySurvey } from './surveys.ts';
import { BREAKDOWNS, MIN_CELL } from './vocab.ts';

const TAGS = { tags: ['Skills'] };
const texts = z.array(z.object({ lang: z.string(), title: z.string() }));

const FrameworkSummarySchema = z
  .object({
    slug: z.string(),
    version: z.string(),
    title: z.string(),
    description: z.string(),
    page: z.string(),
  })
  .openapi('SkillFramework');
const FrameworkSchema = z
  .object({
    slug: z.string(),
    version: z.string(),
    title: z.string(),
    description: z.string(),
    extends: z.string().nullable().openapi({ description: 'The slug of the framework this one adds to' }),
    levels: z.array(z.object({ level: z.number().int(), band: z.string(), description: z.string() })),
    areas: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        translations: texts,
        competences: z.array(
          z.object({ code: z.string(), title: z.string(), description: z.string(), translations: texts }),
        ),
      }),
    ),
    roles: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        translations: texts,
        levels: z
          .record(z.string(), z.number().int())
          .openapi({ description: 'The level needed, by competence code' }),
      }),
    ),
  })
  .openapi('SkillFrameworkDetails');

const CellSchema = z
  .object({
    competence: z.string(),
    respondents: z
      .number()
      .int()
      .nullable()
      .openapi({ description: `null: fewer than ${MIN_CELL}, suppressed` }),
    suppressed: z.boolean(),
    meanImportance: z.number().nullable(),
    meanLevel: z.number().nullable(),
    meanGap: z.number().nullable(),
    shareBelow: z.number().nullable(),
    borich: z.number().nullable(),
  })
  .openapi('SkillCell');
const SummarySchema = z
  .object({
    survey: z.string(),
    title: z.string(),
    status: z.string(),
    respondents: z.number().int(),
    minCell: z.number().int(),
    overall: z.array(CellSchema),
    ranked: z
      .array(z.string())
      .openapi({ description: 'Competence codes by training need (Borich), highest first' }),
    breakdown: z.object({
      by: z.enum(BREAKDOWNS),
      groups: z.array(z.object({ value: z.string(), cells: z.array(CellSchema) })),
    }),
  })
  .openapi('SkillSurveySummary');

const slugParam = z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' } }) });

const routes = {
  frameworks: createRoute({
    method: 'get',
    path: '/skills/frameworks',
    ...TAGS,
    summary: 'The competence frameworks',
    security: anyone,
    responses: {
      200: jsonResponse(z.object({ items: z.array(FrameworkSummarySchema) }), 'The frameworks'),
      ...problemsOf(401),
    },
  }),
  framework: createRoute({
    method: 'get',
    path: '/skills/frameworks/{slug}',
    ...TAGS,
    summary: 'One framework: areas, competences, levels and role profiles',
    security: anyone,
    request: { params: slugParam },
    responses: { 200: jsonResponse(FrameworkSchema, 'The framework'), ...problemsOf(401, 404) },
  }),
  summary: createRoute({
    method: 'get',
    path: '/skills/surveys/{slug}/summary',
    ...TAGS,
    summary: `A survey's figures per competence, overall and by country, domain or gender; cells of fewer than ${MIN_CELL} respondents are suppressed (its managers; everyone once published)`,
    security: anyoneOrSignedIn,
    request: { params: slugParam, query: z.object({ by: z.enum(BREAKDOWNS).optional() }) },
    responses: { 200: jsonResponse(SummarySchema, 'The summary'), ...problemsOf(401, 403, 404, 422) },
  }),
  answers: createRoute({
    method: 'get',
    path: '/skills/surveys/{slug}/answers',
    ...TAGS,
    summary: "A survey's submitted answers, one row per response without names (its managers only)",
    security: signedIn,
    request: { params: slugParam },
    responses: {
      200: jsonResponse(z.object({ items: z.array(z.record(z.string(), z.unknown())) }), 'The answers'),
      ...problemsOf(401, 403, 404),
    },
  }),
};

function frameworkJson(f: Framework) {
  const code = new Map(f.competences.map((c) => [c.id, c.code]));
  return {
    slug: f.slug,
    version: f.version,
    title: f.title,
    description: f.description,
    extends: f.base?.slug ?? null,
    levels: f.levels,
    areas: f.areas.map((a) => ({
      code: a.code,
      title: a.title,
      translations: a.translations.map((t) => ({ lang: t.lang, title: t.title })),
      competences: a.competences.map((c) => ({
        code: c.code,
        title: c.title,
        description: c.description,
        translations: c.translations.map((t) => ({ lang: t.lang, title: t.title })),
      })),
    })),
    roles: f.roles.map((r) => ({
      code: r.code,
      title: r.title,
      translations: r.translations.map((t) => ({ lang: t.lang, title: t.title })),
      levels: Object.fromEntries(
        [...r.levels.entries()].map(([id, level]) => [code.get(id) ?? String(id), level]),
      ),
    })),
  };
}

const cellJson = (competence: string, cell: Cell) => ({
  competence,
  respondents: cell.suppressed ? null : cell.n,
  suppressed: cell.suppressed,
  meanImportance: cell.meanImportance,
  meanLevel: cell.meanLevel,
  meanGap: cell.meanGap,
  shareBelow: cell.shareBelow,
  borich: cell.borich,
});

export function skillsApi(deps: AppDeps) {
  const { db, config } = deps;
  return apiRouter()
    .openapi(routes.frameworks, async (c) => {
      const rows = await listFrameworks(db);
      return c.json(
        {
          items: rows.map((f) => ({
            slug: f.slug,
            version: f.version,
            title: f.title,
            description: f.description,
            page: `${config.baseUrl}/skills/frameworks/${f.slug}`,
          })),
        },
        200,
      );
    })
    .openapi(routes.framework, async (c) => {
      const f = await getFramework(db, { slug: c.req.valid('param').slug });
      if (!f) throw new HttpError(404, 'error.404.message');
      return c.json(frameworkJson(f), 200);
    })
    .openapi(routes.summary, async (c) => {
      const { survey } = await loadSummarySurvey(c);
      const f = await getFramework(db, { id: survey.framework_id });
      if (!f) throw new HttpError(404, 'error.404.message');
      const by = c.req.valid('query').by ?? 'country';
      const s = await summaryOfSurvey(db, survey, f, by);
      const code = new Map(f.competences.map((x) => [x.id, x.code]));
      const cells = (m: Map<number, Cell>) =>
        [...m.entries()].map(([id, cell]) => cellJson(code.get(id) ?? '', cell));
      return c.json(
        {
          survey: survey.slug,
          title: survey.title,
          status: survey.status,
          respondents: s.respondents,
          minCell: MIN_CELL,
          overall: cells(s.overall),
          ranked: s.needs.map((n) => code.get(n.competenceId) ?? ''),
          breakdown: {
            by,
            groups: s.breakdown.values.map(({ value }) => ({
              value,
              cells: cells(s.breakdown.cells.get(value) ?? new Map()),
            })),
          },
        },
        200,
      );
    })
    .openapi(routes.answers, async (c) => {
      const survey = await loadManagedSurvey(c);
      const { columns, rows } = await rawAnswers(db, survey);
      return c.json(
        {
          items: rows.map((r) =>
            Object.fromEntries(columns.map((col) => [col.header, col.value(r) ?? null])),
          ),
        },
        200,
      );
    });
}
