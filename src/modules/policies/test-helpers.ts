// Shared by the policies tests: a valid measure form as a browser sends it, the API body, and the
// check that the kept counts (counts.ts) equal the measures counted afresh.
import { sql } from 'kysely';
import { expect } from 'vitest';
import { rowCount } from '../../../test/counts.ts';
import type { TestPlatform } from '../../../test/harness.ts';

export const measureForm = (
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> => ({
  title: 'Support fund for young film makers',
  lang: 'en',
  country: 'LA',
  report_year: '2020',
  status: 'in_force',
  source: 'government',
  implementing_bodies: 'lao-mict\nA body not in the directory',
  description: 'Grants for **first films**.',
  main_features: '',
  expected_results: '',
  achieved_results: '',
  website: '',
  budget_amount: '',
  budget_currency: '',
  budget_note: 'not available',
  partner_name: ['Lao Filmmakers Association', ''],
  partner_sector: ['civil_society', 'public'],
  evaluation_findings: '',
  areas: ['cultural_creative_sectors', 'gender_equality'],
  stages: ['creation', 'production'],
  domains: ['audiovisual_media'],
  target_groups: ['youth'],
  youth: '1',
  documents: '',
  event: '',
  ...overrides,
});

export const measureJson = (overrides: Record<string, unknown> = {}) => ({
  title: 'Creative economy masterplan',
  lang: 'en',
  country: 'TH',
  report_year: 2021,
  status: 'planned',
  source: 'government',
  areas: ['cultural_creative_sectors'],
  stages: ['distribution'],
  ...overrides,
});

export const countMeasures = (hub: TestPlatform) => rowCount(hub, 'policy_measures');

/** The kept counts equal those of a GROUP BY over the measures and their tags, row for row. */
export async function expectCountsExact(hub: TestPlatform): Promise<void> {
  const db = hub.deps.db;
  const kept = await db
    .selectFrom('policy_measure_counts')
    .select(['country', 'kind', 'code', 'n'])
    .execute();
  const totals = await db
    .selectFrom('policy_measures')
    .select([
      'country',
      sql<string>`'total'`.as('kind'),
      sql<string>`''`.as('code'),
      sql<number>`count(*)`.as('n'),
    ])
    .groupBy('country')
    .execute();
  const tags = await db
    .selectFrom('policy_measure_tags as t')
    .innerJoin('policy_measures as m', 'm.id', 't.measure_id')
    .select(['m.country', 't.kind', 't.code', sql<number>`count(*)`.as('n')])
    .groupBy(['m.country', 't.kind', 't.code'])
    .execute();
  const lines = (rows: { country: string; kind: string; code: string; n: number | string }[]) =>
    rows.map((r) => `${r.country} ${r.kind} ${r.code} ${Number(r.n)}`).sort();
  expect(kept.length).toBeGreaterThan(0);
  expect(lines(kept)).toEqual(lines([...totals, ...tags]));
}
