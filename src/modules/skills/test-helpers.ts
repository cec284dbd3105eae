// Shared by the skills tests: a survey made through its form and opened, and a respondent who
// answers every section through the pages (their link, section by section) as a browser does.
import { expect } from 'vitest';
import type { TestClient, TestPlatform } from '../../../test/harness.ts';
import { visibleText } from '../../../test/harness.ts';
import { organisationId } from '../../../test/organisations.ts';

export interface Plan {
  role: string;
  country: string;
  gender?: string;
  domain?: string;
  /** Importance and level of every competence not named in `levels`. */
  importance: number;
  level: number;
  /** By competence code: [importance, level]. */
  levels?: Record<string, [number, number]>;
  province?: string;
}

export async function createOpenSurvey(
  hub: TestPlatform,
  manager: TestClient,
  orgSlug: string,
  title: string,
  countries = ['LA', 'TH'],
  open = true,
): Promise<string> {
  await manager.get('/skills/surveys/new');
  const res = await manager.request('/skills/surveys/new', {
    form: {
      title,
      lang: 'en',
      owner: `organisation:${await organisationId(hub, orgSlug)}`,
      framework: 'digcomp-2-2-creative',
      countries,
      intro: '',
    },
  });
  expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
  const slug = res.location?.split('/').pop() ?? '';
  if (!open) return slug;
  await manager.get(`/skills/surveys/${slug}`);
  expect((await manager.request(`/skills/surveys/${slug}/status`, { form: { status: 'open' } })).status).toBe(
    303,
  );
  return slug;
}

/** The questions of a survey: field name, section, what it measures, competence code or profile field. */
export async function itemsOf(hub: TestPlatform, slug: string) {
  return hub.deps.db
    .selectFrom('skill_survey_items as i')
    .innerJoin('skill_surveys as s', 's.id', 'i.survey_id')
    .select(['i.question_id', 'i.section', 'i.measure', 'i.field'])
    .where('s.slug', '=', slug)
    .orderBy('i.section')
    .orderBy('i.question_id')
    .execute();
}

/** Starts answering: the respondent's secret link's token. */
export async function start(client: TestClient, slug: string): Promise<string> {
  await client.get(`/skills/surveys/${slug}`);
  const res = await client.request(`/skills/surveys/${slug}/start`, { form: {} });
  expect(res.status).toBe(303);
  return res.location?.split('/').pop() ?? '';
}

/** The form of one section for this plan. */
export function sectionForm(items: Awaited<ReturnType<typeof itemsOf>>, section: number, plan: Plan) {
  const form: Record<string, string> = {};
  for (const q of items.filter((i) => i.section === section)) {
    const name = `q_${q.question_id}`;
    const [imp, lvl] = (q.field && plan.levels?.[q.field]) || [plan.importance, plan.level];
    if (q.measure === 'importance') form[name] = String(imp);
    else if (q.measure === 'ability') form[name] = String(lvl);
    else if (q.measure === 'profile') {
      const value = {
        role: plan.role,
        country: plan.country,
        gender: plan.gender,
        domain: plan.domain,
        province: plan.province,
      }[q.field as 'role'];
      if (value) form[name] = value;
    } else if (q.measure === 'scenario') form[name] = 'b';
  }
  return form;
}

/** A new respondent answering every section and submitting. */
export async function answerAll(
  hub: TestPlatform,
  client: TestClient,
  slug: string,
  plan: Plan,
): Promise<string> {
  const token = await start(client, slug);
  const items = await itemsOf(hub, slug);
  const sections = [...new Set(items.map((i) => i.section))];
  for (const section of sections) {
    await client.get(`/skills/r/${token}/${section}`);
    const last = section === sections.at(-1);
    const res = await client.request(`/skills/r/${token}/${section}`, {
      form: { ...sectionForm(items, section, plan), ...(last ? { submit: '1' } : {}) },
    });
    expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
  }
  return token;
}
