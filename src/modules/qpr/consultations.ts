// Consultation rounds: a coordinator opens a section's text (as it is now) for comments, to every
// signed-in member or to the members of a group, until a closing date (the job qpr.close-rounds
// closes it); members comment on a paragraph, saying — if they wish — the organisation they speak
// for and their gender, which the summary counts for the consultation narrative. Rounds are read by
// their audience and the report's team; nobody else learns of them (404).
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { type ActionContext, actingUser, ensure, transact } from '../../platform/actions.ts';
import type { AppDeps } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { auditOf } from '../../platform/record-audit.ts';
import { readableScopes } from '../../platform/scopes.ts';
import { nowIso, todayUtc } from '../../platform/time.ts';
import { ensureMayPost } from '../moderation/index.ts';
import { ensureDraft, type Report, reportPath, type Section } from './access.ts';
import type { ReportRole } from './permissions.ts';
import type { RoundCommentInput, RoundInput } from './schemas.ts';
import type { QprRoundsTable } from './tables.ts';

type Db = Kysely<Database>;
export type Round = Selectable<QprRoundsTable>;
const auditRound = auditOf('qpr_round', 'qpr');

export const roundPath = (report: { country: string; cycle: string }, id: number) =>
  `${reportPath(report)}/consultations/${id}`;

/** A round's text in paragraphs (blank lines part them): what comments are anchored to. */
export const paragraphsOfRound = (body: string): string[] =>
  body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Whether `user` is in the round's audience (the team is, whatever it is). */
export async function inAudience(deps: AppDeps, user: User | null, round: Round): Promise<boolean> {
  if (!user || user.disabled_at) return false;
  if (round.audience === 'everyone') return true;
  return (await readableScopes(deps, user)).includes(`group:${round.group_id}`);
}

export function getRound(db: Db, report: Report, id: number) {
  return db
    .selectFrom('qpr_rounds as r')
    .innerJoin('qpr_sections as s', 's.id', 'r.section_id')
    .selectAll('r')
    .select('s.code')
    .where('s.report_id', '=', report.id)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export function roundsOfReport(db: Db, report: Report) {
  return db
    .selectFrom('qpr_rounds as r')
    .innerJoin('qpr_sections as s', 's.id', 'r.section_id')
    .select(['r.id', 'r.status', 'r.closes_on', 's.code'])
    .where('s.report_id', '=', report.id)
    .orderBy('r.id', 'desc')
    .execute();
}

/** A section's rounds, newest first. */
export function roundsOfSection(db: Db, sectionId: number) {
  return db
    .selectFrom('qpr_rounds')
    .select(['id', 'status', 'closes_on'])
    .where('section_id', '=', sectionId)
    .orderBy('id', 'desc')
    .execute();
}

/** The open rounds `user` may take part in (their list on /qpr), with their report and section. */
export async function openRoundsFor(deps: AppDeps, user: User) {
  const groups = (await readableScopes(deps, user))
    .filter((k) => k.startsWith('group:'))
    .map((k) => Number(k.slice('group:'.length)));
  return deps.db
    .selectFrom('qpr_rounds as r')
    .innerJoin('qpr_sections as s', 's.id', 'r.section_id')
    .innerJoin('qpr_reports as p', 'p.id', 's.report_id')
    .select(['r.id', 'r.closes_on', 's.code', 'p.country', 'p.cycle'])
    .where('r.status', '=', 'open')
    .where('p.status', '=', 'draft')
    .where((eb) =>
      eb.or([
        eb('r.audience', '=', 'everyone'),
        ...(groups.length ? [eb.and([eb('r.audience', '=', 'group'), eb('r.group_id', 'in', groups)])] : []),
      ]),
    )
    .orderBy('r.closes_on')
    .limit(50)
    .execute();
}

export async function openRound(
  ctx: ActionContext,
  report: Report,
  role: ReportRole,
  section: Section,
  input: RoundInput,
): Promise<number> {
  ensure(ctx, () => role.coordinator, 'qpr.notCoordinator');
  ensureDraft(report);
  if (section.version === 0 || section.body.trim() === '')
    throw HttpError.invalid({ _form: 'qpr.nothingToConsult' });
  if (input.closes_on < todayUtc()) throw HttpError.invalid({ closes_on: 'qpr.closesInPast' });
  let groupId: number | null = null;
  if (input.audience === 'group') {
    const group = input.group
      ? await ctx.deps.db.selectFrom('groups').select('id').where('slug', '=', input.group).executeTakeFirst()
      : undefined;
    if (!group) throw HttpError.invalid({ group: 'qpr.unknownGroup' });
    groupId = group.id;
  }
  return transact(ctx, async (trx) => {
    const round = await trx
      .insertInto('qpr_rounds')
      .values({
        section_id: section.id,
        version: section.version,
        body: section.body,
        lang: section.lang,
        audience: input.audience,
        group_id: groupId,
        closes_on: input.closes_on,
        status: 'open',
        created_by: ctx.user?.id ?? null,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditRound(trx, ctx, round.id, 'opened', { section: section.code, audience: input.audience });
    return round.id;
  });
}

export async function commentOnRound(
  ctx: ActionContext,
  report: Report,
  round: Round,
  allowed: boolean,
  input: RoundCommentInput,
): Promise<void> {
  ensure(ctx, () => allowed, 'qpr.notInAudience');
  ensureDraft(report);
  if (round.status !== 'open') throw new HttpError(409, 'qpr.roundClosed');
  if (input.paragraph >= paragraphsOfRound(round.body).length)
    throw HttpError.invalid({ paragraph: 'form.invalid' });
  const user = actingUser(ctx);
  if (input.organisation !== null) {
    const member = await ctx.deps.db
      .selectFrom('organisation_members')
      .select('organisation_id')
      .where('organisation_id', '=', input.organisation)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (!member) throw HttpError.invalid({ organisation: 'qpr.chooseYourOrganisation' });
  }
  await ensureMayPost(ctx, { text: input.body });
  await transact(ctx, async (trx) => {
    const row = await trx
      .insertInto('qpr_round_comments')
      .values({
        round_id: round.id,
        paragraph: input.paragraph,
        author_id: user.id,
        organisation_id: input.organisation,
        gender: input.gender,
        body: input.body,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditRound(trx, ctx, round.id, 'commented', { comment: row.id });
  });
}

/** Closes the rounds whose closing day has passed; how many. Safe to run twice. */
export async function closeDueRounds(deps: Pick<AppDeps, 'db'>, today: string): Promise<number> {
  const closed = await deps.db
    .updateTable('qpr_rounds')
    .set({ status: 'closed', closed_at: nowIso() })
    .where('status', '=', 'open')
    .where('closes_on', '<', today)
    .returning('id')
    .execute();
  return closed.length;
}

export interface RoundSummary {
  participants: number;
  comments: number;
  /** Kind of organisation (or `individual`) → participants. */
  byKind: Record<string, number>;
  /** Gender as stated (or `unstated`) → participants. */
  byGender: Record<string, number>;
}

/** Who took part: each participant counted once, by the first organisation and gender they gave. */
export async function summaryOfRound(db: Db, roundId: number): Promise<RoundSummary> {
  const rows = await db
    .selectFrom('qpr_round_comments as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.author_id', 'c.gender', 'o.kind'])
    .where('c.round_id', '=', roundId)
    .orderBy('c.id')
    .execute();
  const people = new Map<number, { kind: string | null; gender: string | null }>();
  for (const r of rows) {
    const key = r.author_id ?? -1;
    const seen = people.get(key);
    people.set(key, { kind: seen?.kind ?? r.kind ?? null, gender: seen?.gender ?? r.gender ?? null });
  }
  const count = (values: string[]) =>
    values.reduce<Record<string, number>>((acc, v) => {
      acc[v] = (acc[v] ?? 0) + 1;
      return acc;
    }, {});
  return {
    participants: people.size,
    comments: rows.length,
    byKind: count([...people.values()].map((p) => p.kind ?? 'individual')),
    byGender: count([...people.values()].map((p) => p.gender ?? 'unstated')),
  };
}
