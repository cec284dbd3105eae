// The list of measures as it is filtered, as a spreadsheet (/measures/export.csv, .xlsx): every page
// of it, up to EXPORT_LIMIT rows; and what "download my data" gets (the measures a member added).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import { listMeasures, type MeasureCard } from './listing.ts';
import type { MeasureFilter } from './schemas.ts';

export const EXPORT_LIMIT = 10_000;

export function exportColumns(baseUrl: string): Column<MeasureCard>[] {
  return [
    { header: 'country', value: (r) => r.country },
    { header: 'report_year', value: (r) => r.report_year },
    { header: 'title', value: (r) => r.title },
    { header: 'translated_title', value: (r) => r.translatedTitle },
    { header: 'lang', value: (r) => r.lang },
    { header: 'goals', value: (r) => r.goals.join(', ') },
    { header: 'stages', value: (r) => r.stages.join(', ') },
    { header: 'status', value: (r) => r.status },
    { header: 'source', value: (r) => r.source },
    { header: 'youth', value: (r) => (r.youth ? 'yes' : 'no') },
    { header: 'budget', value: (r) => r.budget_amount },
    { header: 'currency', value: (r) => r.budget_currency },
    { header: 'website', value: (r) => r.website },
    { header: 'page', value: (r) => `${baseUrl}/measures/${r.id}` },
    { header: 'updated_at', value: (r) => r.updated_at },
  ];
}

export async function exportRows(db: Kysely<Database>, filter: MeasureFilter, locale: string) {
  const { cards } = await listMeasures(
    db,
    { ...filter, page: 1 },
    { locale, pageSize: EXPORT_LIMIT, offset: 0 },
  );
  return cards;
}

export async function policiesAccountExport(db: Kysely<Database>, userId: number) {
  const measures = await db
    .selectFrom('policy_measures')
    .select(['id', 'title', 'lang', 'country', 'report_year', 'description', 'created_at', 'updated_at'])
    .where('created_by', '=', userId)
    .orderBy('id')
    .execute();
  return { measures };
}
