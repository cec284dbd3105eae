// What the QPR pages list: the reports a member works on or brings inputs to, a report's
// dashboard (done, late, missing), the measures linked to an area, the civil-society inputs, and
// the rows of the measures' and statistics' exports.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import {
  contentOf,
  coordinatedCountries,
  type Input,
  type Report,
  type Section,
  sectionsOf,
  structureOfReport,
} from './access.ts';
import { sectionSpec } from './structure.ts';

type Db = Kysely<Database>;

export interface ReportLine extends Report {
  /** How the reader takes part: coordinating, contributing, or bringing civil-society inputs. */
  as: 'coordinator' | 'contributor' | 'civil_society';
}

/** The reports a member sees on /qpr, and the countries where they may start one. */
export async function reportsOf(
  db: Db,
  user: User,
): Promise<{ reports: ReportLine[]; countries: string[] | 'all' }> {
  const admin = user.role === 'admin';
  const focal = await coordinatedCountries(db, user.id);
  const [coordinated, contributed, orgCountries] = await Promise.all([
    admin
      ? db.selectFrom('qpr_reports').selectAll().execute()
      : focal.length
        ? db.selectFrom('qpr_reports').selectAll().where('country', 'in', focal).execute()
        : Promise.resolve([] as Report[]),
    db
      .selectFrom('qpr_reports as r')
      .innerJoin('qpr_sections as s', 's.report_id', 'r.id')
      .selectAll('r')
      .where('s.assignee_id', '=', user.id)
      .distinct()
      .execute(),
    db
      .selectFrom('organisation_members as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select('o.country')
      .where('m.user_id', '=', user.id)
      .distinct()
      .execute(),
  ]);
  const civil = orgCountries.length
    ? await db
        .selectFrom('qpr_reports')
        .selectAll()
        .where(
          'country',
          'in',
          orgCountries.map((o) => o.country),
        )
        .where('status', '=', 'draft')
        .execute()
    : [];
  const seen = new Map<number, ReportLine>();
  for (const r of civil) seen.set(r.id, { ...r, as: 'civil_society' });
  for (const r of contributed) seen.set(r.id, { ...r, as: 'contributor' });
  for (const r of coordinated) seen.set(r.id, { ...r, as: 'coordinator' });
  const reports = [...seen.values()].sort(
    (a, b) => b.cycle.localeCompare(a.cycle) || a.country.localeCompare(b.country),
  );
  return { reports, countries: admin ? 'all' : focal };
}

export type SectionLine = Section & { assignee: string | null; late: boolean };

export interface Dashboard {
  sections: SectionLine[];
  done: number;
  late: number;
  /** Not started and assigned to nobody. */
  missing: number;
  total: number;
}

export async function dashboardOf(db: Db, report: Report, today: string): Promise<Dashboard> {
  const sections = (await sectionsOf(db, report)).map((s) => ({
    ...s,
    late: s.status !== 'validated' && s.due_on !== null && s.due_on < today,
  }));
  return {
    sections,
    done: sections.filter((s) => s.status === 'validated').length,
    late: sections.filter((s) => s.late).length,
    missing: sections.filter((s) => s.status === 'todo' && s.assignee_id === null).length,
    total: sections.length,
  };
}

export interface LinkedMeasure {
  id: number;
  title: string;
  lang: string;
  report_year: number;
  source: string;
  area: string;
  description: string;
}

/** The country's measures tagged with an area of monitoring (the policies database). */
export function measuresOfAreas(db: Db, country: string, areas: readonly string[]): Promise<LinkedMeasure[]> {
  if (!areas.length) return Promise.resolve([]);
  return db
    .selectFrom('policy_measures as m')
    .innerJoin('policy_measure_tags as t', 't.measure_id', 'm.id')
    .select(['m.id', 'm.title', 'm.lang', 'm.report_year', 'm.source', 'm.description', 't.code as area'])
    .where('m.country', '=', country)
    .where('t.kind', '=', 'area')
    .where('t.code', 'in', [...areas])
    .orderBy('m.report_year', 'desc')
    .orderBy('m.id')
    .execute();
}

/** Every measure of the country (the merge's choice). */
export function measureChoices(db: Db, country: string) {
  return db
    .selectFrom('policy_measures')
    .select(['id', 'title', 'lang'])
    .where('country', '=', country)
    .orderBy('title')
    .limit(500)
    .execute();
}

export type InputLine = Input & { organisation: string; submitter: string | null };

/** The inputs of a report: those of the given organisations (any status), or those sent (coordinators). */
export async function inputsOf(
  db: Db,
  report: Report,
  which: { organisations?: readonly number[]; sent?: boolean },
): Promise<InputLine[]> {
  const organisations = which.organisations ?? [];
  if (!organisations.length && !which.sent) return [];
  return (await db
    .selectFrom('qpr_inputs as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('users as u', 'u.id', 'i.user_id')
    .selectAll('i')
    .select(['o.name as organisation', 'u.name as submitter'])
    .where('i.report_id', '=', report.id)
    .where((eb) =>
      eb.or([
        ...(organisations.length ? [eb('i.organisation_id', 'in', [...organisations])] : []),
        ...(which.sent ? [eb('i.status', '!=', 'draft')] : []),
      ]),
    )
    .orderBy('i.id', 'desc')
    .execute()) as InputLine[];
}

/** The organisations (id and name) a member brings inputs for. */
export function organisationNames(db: Db, ids: readonly number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .orderBy('name')
    .execute();
}

export interface StatisticRow {
  section: string;
  area: string;
  label: string;
  value: string;
  year: number | null;
  source: string;
}

/** Every statistic of the report, with its section and area. */
export async function statisticsOf(db: Db, report: Report): Promise<StatisticRow[]> {
  const structure = structureOfReport(report);
  return (await sectionsOf(db, report)).flatMap((s) =>
    contentOf(s.content).statistics.map((st) => ({
      section: s.code,
      area: sectionSpec(structure, s.code)?.area ?? '',
      ...st,
    })),
  );
}
