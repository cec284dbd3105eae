// Every write of the policies module, for the pages, the API, the import and the seed alike: who
// may (permissions.ts), the references checked (directory organisations, library documents, the
// event), the transaction (measure, translations, tags, bodies, partners, documents, search entry
// and audit entry together), and the audit log.
import type { Kysely } from 'kysely';
import { replaceChildRows } from '../../db/child-rows.ts';
import type { Database, User } from '../../db/schema.ts';
import { type ActionContext, actingUser, ensure, isSystemContext, transact } from '../../platform/actions.ts';
import { hasRole } from '../../platform/auth.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { auditOf } from '../../platform/record-audit.ts';
import { deleteIndexedRecord } from '../../platform/record-deletion.ts';
import { nowIso } from '../../platform/time.ts';
import { translationRows } from '../../platform/translations.ts';
import { eventIdOf, isOrganiser, participantOf } from '../events/index.ts';
import { focalCountriesOf, type Measure, type MeasureDetails } from './access.ts';
import { type CountTally, countMeasure, tagsOfMeasure } from './counts.ts';
import { canCreate, canEdit, canMoveTo } from './permissions.ts';
import type { MeasureInput } from './schemas.ts';
import { reindex } from './search.ts';
import { type FrameworkVersion, goalOfArea, type TagKind } from './vocab.ts';

type Db = Kysely<Database>;
const auditMeasure = auditOf('policy_measure', 'policies');

/** What the input names, resolved: organisations, documents and the event by id. */
export interface Resolved {
  bodies: { organisation_id: number | null; name: string }[];
  documentIds: number[];
  eventId: number | null;
}

const slugIn = (value: string, path: string): string | null => {
  const m = value.match(new RegExp(`(?:^|/)${path}/([a-z0-9-]+)`));
  if (m?.[1]) return m[1];
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? value : null;
};

/**
 * The organisations, documents and event the input names. A body that is no published organisation
 * (by slug, page address or exact name) stays a name; a document or event that does not exist is
 * refused (422 on its field).
 */
export async function resolveReferences(db: Db, input: MeasureInput): Promise<Resolved> {
  const bodies: Resolved['bodies'] = [];
  for (const body of input.implementing_bodies) {
    const slug = slugIn(body, 'directory');
    let q = db.selectFrom('organisations').select(['id', 'name']).where('status', '=', 'published');
    q = slug
      ? q.where((eb) => eb.or([eb('slug', '=', slug), eb('name', '=', body)]))
      : q.where('name', '=', body);
    const org = await q.executeTakeFirst();
    bodies.push(org ? { organisation_id: org.id, name: org.name } : { organisation_id: null, name: body });
  }
  const documentIds: number[] = [];
  if (input.documents.length) {
    const rows = await db
      .selectFrom('documents')
      .select(['id', 'slug'])
      .where('slug', 'in', input.documents)
      .execute();
    if (rows.length !== new Set(input.documents).size)
      throw HttpError.invalid({ documents: 'policies.unknownDocument' });
    documentIds.push(...rows.map((r) => r.id));
  }
  let eventId: number | null = null;
  if (input.event) {
    const id = await eventIdOf(db, input.event);
    if (id === undefined) throw HttpError.invalid({ event: 'policies.unknownEvent' });
    eventId = id;
  }
  return { bodies, documentIds, eventId };
}

function rowValues(input: MeasureInput, eventId: number | null) {
  return {
    title: input.title,
    lang: input.lang,
    country: input.country,
    report_year: input.report_year,
    framework: input.framework,
    description: input.description,
    main_features: input.main_features,
    website: input.website ?? null,
    expected_results: input.expected_results,
    achieved_results: input.achieved_results,
    budget_amount: input.budget_amount ?? null,
    budget_currency: input.budget_currency ?? null,
    budget_note: input.budget_note,
    evaluated: input.evaluated ? 1 : 0,
    evaluation_findings: input.evaluated ? input.evaluation_findings : '',
    youth: input.youth ? 1 : 0,
    source: input.source,
    status: input.status,
    event_id: eventId,
  };
}

/** The codes a measure is tagged with: the goals named and those of its areas, and the rest as given. */
export function tagsOf(input: MeasureInput): { kind: TagKind; code: string }[] {
  const goals = new Set<string>(input.goals);
  for (const area of input.areas) {
    const goal = goalOfArea(area, input.framework as FrameworkVersion);
    if (goal) goals.add(goal);
  }
  const tag = (kind: TagKind, codes: Iterable<string>) => [...new Set(codes)].map((code) => ({ kind, code }));
  return [
    ...tag('goal', goals),
    ...tag('area', input.areas),
    ...tag('domain', input.domains),
    ...tag('stage', input.stages),
    ...tag('target', input.target_groups),
  ];
}

const translationsOf = (input: MeasureInput) =>
  translationRows(input, (tr) => ({ lang: tr.lang, title: tr.title ?? '', description: tr.description }));

async function writeChildren(trx: Db, id: number, input: MeasureInput, refs: Resolved): Promise<void> {
  await replaceChildRows(trx, 'policy_measure_translations', 'measure_id', id, translationsOf(input));
  await replaceChildRows(trx, 'policy_measure_tags', 'measure_id', id, tagsOf(input));
  await replaceChildRows(
    trx,
    'policy_measure_bodies',
    'measure_id',
    id,
    refs.bodies.map((b, position) => ({ position, ...b })),
  );
  await replaceChildRows(
    trx,
    'policy_measure_partners',
    'measure_id',
    id,
    input.partners.map((p, position) => ({ position, name: p.name, sector: p.sector })),
  );
  await replaceChildRows(
    trx,
    'policy_measure_documents',
    'measure_id',
    id,
    [...new Set(refs.documentIds)].map((document_id) => ({ document_id })),
  );
}

/**
 * Writes a new measure and everything that hangs off it, in `trx`, without asking who may: the
 * callers have (createMeasure, and the import, whose engine checks the importer and audits the file).
 */
export async function insertMeasure(
  trx: Db,
  input: MeasureInput,
  refs: Resolved,
  createdBy: number | null,
  /** Where the import gathers the counts of its measures, to write them once (counts.ts). */
  tally?: CountTally,
): Promise<Measure> {
  const now = nowIso();
  const measure = await trx
    .insertInto('policy_measures')
    .values({ ...rowValues(input, refs.eventId), created_by: createdBy, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeChildren(trx, measure.id, input, refs);
  if (tally) tally.add(measure.country, tagsOf(input));
  else await countMeasure(trx, measure.country, tagsOf(input), 1);
  await reindex(trx, measure.id);
  return measure;
}

/**
 * Whether `user` may link a measure to the event: they were there (a participant on its roster, the
 * Qingdao exercise), organise it (a member of an organiser organisation), or edit the hub; anyone
 * else's link would land on the organisers' report.
 */
export async function mayLinkEvent(db: Db, user: User, eventId: number): Promise<boolean> {
  if (hasRole(user, 'editor')) return true;
  const [onRoster, organiser] = await Promise.all([
    participantOf(db, eventId, user.id),
    isOrganiser(db, user, eventId),
  ]);
  return !!onRoster || organiser;
}

async function ensureMayLinkEvent(ctx: ActionContext, eventId: number | null): Promise<void> {
  if (eventId === null || isSystemContext(ctx)) return;
  if (!(await mayLinkEvent(ctx.deps.db, actingUser(ctx), eventId)))
    throw HttpError.invalid({ event: 'policies.notParticipant' });
}

/** Adds a measure (any signed-in member; the seed). */
export async function createMeasure(ctx: ActionContext, input: MeasureInput): Promise<Measure> {
  const user = ensure(ctx, canCreate);
  const refs = await resolveReferences(ctx.trx ?? ctx.deps.db, input);
  await ensureMayLinkEvent(ctx, refs.eventId);
  return transact(ctx, async (trx) => {
    const measure = await insertMeasure(trx, input, refs, user?.id ?? null);
    await auditMeasure(trx, ctx, measure.id, 'created', { title: measure.title, country: measure.country });
    return measure;
  });
}

/** Refuses unless the acting member may edit `measure` (and, moving it, the country it goes to). */
export async function ensureMayEdit(ctx: ActionContext, measure: Measure, toCountry?: string): Promise<void> {
  if (isSystemContext(ctx)) return;
  const user = actingUser(ctx);
  const focal = await focalCountriesOf(ctx.deps.db, user);
  if (!canEdit(user, measure, focal)) throw new HttpError(403, 'policies.notYours');
  if (toCountry && !canMoveTo(user, measure, toCountry, focal))
    throw HttpError.invalid({ country: 'policies.notYourCountry' });
}

/** Takes a measure as it is stored (its country and tags, read in `trx`) out of the counts. */
async function uncount(trx: Db, id: number): Promise<void> {
  const stored = await trx
    .selectFrom('policy_measures')
    .select('country')
    .where('id', '=', id)
    .executeTakeFirst();
  if (stored) await countMeasure(trx, stored.country, await tagsOfMeasure(trx, id), -1);
}

/** Saves the changes; the names of the fields that changed (none: nothing is written). */
export async function updateMeasure(
  ctx: ActionContext,
  measure: MeasureDetails,
  input: MeasureInput,
): Promise<string[]> {
  await ensureMayEdit(ctx, measure, input.country);
  const refs = await resolveReferences(ctx.deps.db, input);
  // A link already there stays (a focal point editing the measure need not have been there).
  if (refs.eventId !== measure.event_id) await ensureMayLinkEvent(ctx, refs.eventId);
  const values = rowValues(input, refs.eventId);
  return transact(ctx, async (trx) => {
    const changed = Object.entries(values)
      .filter(([key, to]) => measure[key as keyof Measure] !== to)
      .map(([key]) => key);
    await uncount(trx, measure.id);
    await trx
      .updateTable('policy_measures')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', measure.id)
      .execute();
    await writeChildren(trx, measure.id, input, refs);
    await countMeasure(trx, input.country, tagsOf(input), 1);
    await reindex(trx, measure.id);
    await auditMeasure(trx, ctx, measure.id, 'updated', { fields: changed });
    return changed;
  });
}

export async function deleteMeasure(ctx: ActionContext, measure: Measure): Promise<void> {
  await ensureMayEdit(ctx, measure);
  await transact(ctx, async (trx) => {
    await auditMeasure(trx, ctx, measure.id, 'deleted', { title: measure.title, country: measure.country });
    await uncount(trx, measure.id);
    await deleteIndexedRecord(trx, 'policy_measures', 'measure', measure.id);
  });
}
