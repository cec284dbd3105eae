// Generated policies and measures for the benchmarks: N measures over the region's countries and
// report years 2012–2025, each tagged with 1–3 areas (and their goals, by the framework's mapping),
// 1–2 value-chain stages, 1–3 domains and a target group, as the import would write them. Plain
// inserts in one transaction, then the kept counts and planner statistics, as the other generators do. The search
// index is left alone: the measures targets filter by codes, not words.
import type { Kysely } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { refreshPlannerStatistics } from '../../src/db/dialect.ts';
import type { Database } from '../../src/db/schema.ts';
import { recountMeasures } from '../../src/modules/policies/counts.ts';
import {
  AREAS,
  goalOfArea,
  MEASURE_SOURCES,
  MEASURE_STATUSES,
  TARGET_GROUPS,
} from '../../src/modules/policies/vocab.ts';
import { DOMAINS, VALUE_CHAIN_STAGES } from '../../src/platform/vocabularies.ts';
import { openPlatform } from '../../src/server.ts';
import { prng } from './corpus.ts';
import { log } from './report.ts';

const COUNTRIES = ['VN', 'LA', 'KH', 'TH', 'MM', 'CN', 'MN', 'KR', 'JP', 'ID', 'MY', 'PH', 'TL', 'SG'];
const CHUNK = 500;

/** Measures by scale, unless --measures says otherwise. */
export const MEASURES = { demo: 0, '10x': 5_000, '100x': 50_000 } as const;

export interface MeasuresDataset {
  measures: number;
  tags: number;
  seconds: number;
}

/** Adds `count` generated measures (none at 0), saying so in the bench's log. */
export async function buildMeasures(dataDir: string, count: number): Promise<void> {
  if (count <= 0) return;
  log(`Adding ${count} policies and measures…`);
  const measures = await addMeasures(dataDir, count);
  log(`  ${measures.measures} measures, ${measures.tags} tags (${measures.seconds.toFixed(1)} s)`);
}

export async function addMeasures(dataDir: string, count: number, seed = 11): Promise<MeasuresDataset> {
  const started = performance.now();
  const platform = openPlatform(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  const db = platform.deps.db as Kysely<Database>;
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const some = <T>(list: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(list))),
  ];
  let tags = 0;
  try {
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      for (let start = 0; start < count; start += CHUNK) {
        const n = Math.min(CHUNK, count - start);
        const rows = Array.from({ length: n }, (_, i) => ({
          title: `Generated measure ${start + i + 1}: support for the ${pick(DOMAINS).replace(/_/g, ' ')} sector`,
          lang: 'en',
          country: pick(COUNTRIES),
          report_year: 2012 + Math.floor(rand() * 14),
          framework: '2015',
          description: 'A generated measure for the benchmark.',
          main_features: '',
          expected_results: '',
          achieved_results: '',
          evaluation_findings: '',
          budget_note: 'not available',
          youth: rand() < 0.3 ? 1 : 0,
          evaluated: rand() < 0.2 ? 1 : 0,
          source: rand() < 0.15 ? MEASURE_SOURCES[1] : MEASURE_SOURCES[0],
          status: pick(MEASURE_STATUSES),
          created_at: now,
          updated_at: now,
        }));
        const ids = await trx.insertInto('policy_measures').values(rows).returning('id').execute();
        const tagRows = ids.flatMap(({ id }) => {
          const areas = some(AREAS, 3);
          const goals = [...new Set(areas.map((a) => goalOfArea(a) as string))];
          return [
            ...areas.map((code) => ({ measure_id: id, kind: 'area', code })),
            ...goals.map((code) => ({ measure_id: id, kind: 'goal', code })),
            ...some(VALUE_CHAIN_STAGES, 2).map((code) => ({ measure_id: id, kind: 'stage', code })),
            ...some(DOMAINS, 3).map((code) => ({ measure_id: id, kind: 'domain', code })),
            { measure_id: id, kind: 'target', code: pick(TARGET_GROUPS) },
          ];
        });
        for (let i = 0; i < tagRows.length; i += CHUNK)
          await trx
            .insertInto('policy_measure_tags')
            .values(tagRows.slice(i, i + CHUNK))
            .execute();
        tags += tagRows.length;
      }
    });
    // The counts per country and code the actions keep (policies/counts.ts), counted once here.
    await recountMeasures(db);
    await refreshPlannerStatistics(db);
    return { measures: count, tags, seconds: (performance.now() - started) / 1000 };
  } finally {
    await platform.close();
  }
}
