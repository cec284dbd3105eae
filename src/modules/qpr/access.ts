// Reading a report and its sections, the reader's role in it, and the loaders that answer 404 (a
// draft is private: an outsider, another country's coordinator included, learns nothing of it),
// 403 and 409 (a submitted report is read-only).
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { focalPointCountries } from '../../platform/scopes.ts';
import { canView, isCoordinator, type ReportRole } from './permissions.ts';
import { REPORT_STRUCTURES, type ReportStructure } from './structure.ts';
import type { QprInputsTable, QprReportsTable, QprSectionsTable } from './tables.ts';

type Db = Kysely<Database>;
export type Report = Selectable<QprReportsTable>;
export type Section = Selectable<QprSectionsTable>;
export type Input = Selectable<QprInputsTable>;

export interface Answer {
  answer: '' | 'yes' | 'no';
  evidence: string;
}
export interface Statistic {
  label: string;
  value: string;
  year: number | null;
  source: string;
}
export interface SectionContent {
  answers: Record<string, Answer>;
  statistics: Statistic[];
  documents: string[];
}

export function contentOf(json: string): SectionContent {
  let raw: Partial<SectionContent> = {};
  try {
    raw = JSON.parse(json) as Partial<SectionContent>;
  } catch {
    raw = {};
  }
  return { answers: raw.answers ?? {}, statistics: raw.statistics ?? [], documents: raw.documents ?? [] };
}

export const structureOfReport = (report: Report): ReportStructure => {
  const structure = REPORT_STRUCTURES[report.structure];
  if (!structure) throw new Error(`Unknown QPR structure ${report.structure}`);
  return structure;
};

export const reportPath = (report: { country: string; cycle: string }) =>
  `/qpr/${report.country}/${report.cycle}`;

export function getReport(db: Db, country: string, cycle: string): Promise<Report | undefined> {
  return db
    .selectFrom('qpr_reports')
    .selectAll()
    .where('country', '=', country.toUpperCase())
    .where('cycle', '=', cycle)
    .executeTakeFirst();
}

/** The sections of a report in the order of its structure, with their assignee's name. */
export async function sectionsOf(db: Db, report: Report): Promise<(Section & { assignee: string | null })[]> {
  const rows = await db
    .selectFrom('qpr_sections as s')
    .leftJoin('users as u', 'u.id', 's.assignee_id')
    .selectAll('s')
    .select('u.name as assignee')
    .where('s.report_id', '=', report.id)
    .execute();
  const order = structureOfReport(report).sections.map((s) => s.code);
  return rows.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
}

/**
 * The countries whose reports `userId` coordinates: where they are a focal point (an admin names
 * them), and where they coordinate the country's team — a group of kind `country_team` (the demo's
 * "Lao PDR QPR working team").
 */
export async function coordinatedCountries(db: Db, userId: number): Promise<string[]> {
  const [focal, teams] = await Promise.all([
    focalPointCountries(db, userId),
    db
      .selectFrom('group_members as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select('g.country')
      .where('m.user_id', '=', userId)
      .where('m.role', '=', 'coordinator')
      .where('g.kind', '=', 'country_team')
      .execute(),
  ]);
  return [...new Set([...focal, ...teams.flatMap((t) => (t.country ? [t.country] : []))])];
}

export async function roleOf(
  db: Db,
  user: User | null,
  report: Pick<Report, 'id' | 'country'>,
): Promise<ReportRole> {
  if (!user) return { user, coordinator: false, assigned: [], organisations: [] };
  const [focal, assigned, organisations] = await Promise.all([
    coordinatedCountries(db, user.id),
    db
      .selectFrom('qpr_sections')
      .select('code')
      .where('report_id', '=', report.id)
      .where('assignee_id', '=', user.id)
      .execute(),
    organisationsInCountry(db, user.id, report.country),
  ]);
  return {
    user,
    coordinator: isCoordinator(user, report.country, focal),
    assigned: assigned.map((r) => r.code),
    organisations,
  };
}

/** The organisations of `country` that `userId` is a member of. */
export async function organisationsInCountry(db: Db, userId: number, country: string): Promise<number[]> {
  const rows = await db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select('o.id')
    .where('m.user_id', '=', userId)
    .where('o.country', '=', country)
    .execute();
  return rows.map((r) => r.id);
}

export interface LoadedReport {
  report: Report;
  role: ReportRole;
}

/** The report of the URL (`:country`, `:cycle`) with the reader's role; 404 to whom may not see it. */
export async function loadReport(c: Context<AppEnv>, allow = canView): Promise<LoadedReport> {
  const { db } = c.var.deps;
  const report = await getReport(db, c.req.param('country') ?? '', c.req.param('cycle') ?? '');
  if (!report) throw new HttpError(404, 'error.404.message');
  const role = await roleOf(db, c.var.auth?.user ?? null, report);
  if (!allow(report, role)) {
    // A visitor signs in first; a signed-in outsider learns nothing of the draft.
    if (!role.user && report.status === 'draft') throw new HttpError(401, 'error.401.message');
    throw new HttpError(404, 'error.404.message');
  }
  return { report, role };
}

/** A submitted report is read-only: every write is refused with 409. */
export function ensureDraft(report: Report): void {
  if (report.status !== 'draft') throw new HttpError(409, 'qpr.submittedReadOnly');
}

export function getSection(db: Db, report: Report, code: string): Promise<Section | undefined> {
  return db
    .selectFrom('qpr_sections')
    .selectAll()
    .where('report_id', '=', report.id)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function loadSection(db: Db, report: Report, code: string): Promise<Section> {
  const section = await getSection(db, report, code);
  if (!section) throw new HttpError(404, 'error.404.message');
  return section;
}

export function getInput(db: Db, report: Report, id: number): Promise<Input | undefined> {
  return db
    .selectFrom('qpr_inputs')
    .selectAll()
    .where('report_id', '=', report.id)
    .where('id', '=', id)
    .executeTakeFirst();
}
