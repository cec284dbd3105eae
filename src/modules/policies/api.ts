// /api/v1/measures: the measures through the API, with the page's filters, schema and actions (so
// the same permissions, validation and audit).
import { z } from '@hono/zod-openapi';
import type { User } from '../../db/schema.ts';
import { actionContext } from '../../platform/actions.ts';
import { anyone, apiRouter } from '../../platform/api.ts';
import { idParam, listFilters, pagedQuery, patchedInput, recordRoutes } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { found } from '../../platform/http/errors.ts';
import { getMeasure } from './access.ts';
import { createMeasure, deleteMeasure, ensureMayEdit, updateMeasure } from './actions.ts';
import { listMeasures, type MeasureCard } from './listing.ts';
import { inputOf, measureFilterSchema, measureInput, measureObject } from './schemas.ts';

const Summary = {
  id: z.number().int(),
  page: z.string().openapi({ description: 'The measure’s page on this hub' }),
  title: z.string().openapi({ description: 'The title, in `lang`' }),
  lang: z.string(),
  country: z.string().openapi({ example: 'LA', description: 'ISO 3166-1 alpha-2' }),
  reportYear: z.number().int(),
  framework: z.string(),
  goals: z.array(z.string()),
  stages: z.array(z.string()),
  youth: z.boolean(),
  source: z.string(),
  status: z.string(),
  budget: z.object({ amount: z.number().nullable(), currency: z.string().nullable(), note: z.string() }),
  website: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const MeasureSummarySchema = z.object(Summary).openapi('PolicyMeasureSummary');
const MeasureSchema = z
  .object({
    ...Summary,
    description: z.string().openapi({ description: 'Markdown' }),
    mainFeatures: z.string(),
    expectedResults: z.string(),
    achievedResults: z.string(),
    evaluated: z.boolean(),
    evaluationFindings: z.string(),
    areas: z.array(z.string()),
    domains: z.array(z.string()),
    targetGroups: z.array(z.string()),
    implementingBodies: z.array(z.object({ name: z.string(), organisation: z.string().nullable() })),
    partners: z.array(z.object({ name: z.string(), sector: z.string() })),
    documents: z
      .array(z.string())
      .openapi({ description: 'Slugs of library documents (/api/v1/library/{slug})' }),
    event: z.string().nullable(),
    translations: z.array(z.object({ lang: z.string(), title: z.string(), description: z.string() })),
  })
  .openapi('PolicyMeasure');

const measures = recordRoutes({
  path: '/measures',
  tags: ['Policies'],
  params: idParam,
  record: MeasureSchema,
  readers: anyone,
});
const routes = {
  list: measures.list('List policies and measures, with the filters of the measures page', {
    query: pagedQuery(
      listFilters(measureFilterSchema, {
        country: 'ISO 3166-1 alpha-2',
        goal: null,
        area: null,
        domain: null,
        stage: null,
        target: null,
        youth: '1: aimed at young people',
        source: null,
        status: null,
        year: 'Report year',
        event: 'Slug of the event they were presented at',
        sort: null,
      }),
      30,
    ),
    items: MeasureSummarySchema,
    response: 'A page of measures',
  }),
  read: measures.read('One measure', { response: 'The measure', also: [422] }),
  create: measures.create('Add a measure (any signed-in member)', {
    body: measureInput.openapi('PolicyMeasureInput'),
    response: 'The new measure',
    also: [400],
  }),
  update: measures.update(
    'Change a measure (its author, editors, admins, or a focal point of its country); what is not sent stays',
    { body: measureObject.partial(), response: 'The changed measure', also: [400] },
  ),
  delete: measures.delete('Delete a measure (its author, editors, admins, or a focal point of its country)'),
};

function summaryJson(m: MeasureCard, baseUrl: string) {
  return {
    id: m.id,
    page: `${baseUrl}/measures/${m.id}`,
    title: m.title,
    lang: m.lang,
    country: m.country,
    reportYear: m.report_year,
    framework: m.framework,
    goals: m.goals,
    stages: m.stages,
    youth: m.youth === 1,
    source: m.source,
    status: m.status,
    budget: { amount: m.budget_amount, currency: m.budget_currency, note: m.budget_note },
    website: m.website,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

export function policiesApi(deps: AppDeps) {
  const { db, config } = deps;
  const load = async (id: number, viewer: User | null | 'all' = null) =>
    found(await getMeasure(db, id, viewer));
  const toJson = async (id: number, viewer: User | null): Promise<z.infer<typeof MeasureSchema>> => {
    const m = await load(id, viewer);
    return {
      ...summaryJson(
        { ...m, translatedTitle: null, goals: m.tags.goal, stages: m.tags.stage },
        config.baseUrl,
      ),
      description: m.description,
      mainFeatures: m.main_features,
      expectedResults: m.expected_results,
      achievedResults: m.achieved_results,
      evaluated: m.evaluated === 1,
      evaluationFindings: m.evaluation_findings,
      areas: m.tags.area,
      domains: m.tags.domain,
      targetGroups: m.tags.target,
      implementingBodies: m.bodies.map((b) => ({ name: b.name, organisation: b.slug })),
      partners: m.partners,
      documents: m.documents.map((d) => d.slug),
      event: m.event?.published ? m.event.slug : null,
      translations: m.translations,
    };
  };
  return apiRouter()
    .openapi(routes.list, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = measureFilterSchema.parse(query);
      const { cards, total } = await listMeasures(db, filter, { locale: c.var.locale, pageSize });
      return c.json(
        { total, page: filter.page, items: cards.map((m) => summaryJson(m, config.baseUrl)) },
        200,
      );
    })
    .openapi(routes.read, async (c) =>
      c.json(await toJson(c.req.valid('param').id, c.var.auth?.user ?? null), 200),
    )
    .openapi(routes.create, async (c) => {
      const m = await createMeasure(actionContext(c), c.req.valid('json'));
      return c.json(await toJson(m.id, c.var.auth?.user ?? null), 201);
    })
    .openapi(routes.update, async (c) => {
      const ctx = actionContext(c);
      // Every document of the measure, the hidden ones too, so a PATCH does not drop them.
      const m = await load(c.req.valid('param').id, 'all');
      await ensureMayEdit(ctx, m);
      const input = await patchedInput(c, measureInput, inputOf(m));
      await updateMeasure(ctx, m, input);
      return c.json(await toJson(m.id, ctx.user), 200);
    })
    .openapi(routes.delete, async (c) => {
      const ctx = actionContext(c);
      await deleteMeasure(ctx, await load(c.req.valid('param').id));
      return c.body(null, 204);
    });
}
