// The parent's side of a parent link (issue 19, point 9): a member names any published organisation
// as their organisation's parent, and the link shows publicly only once an owner of the parent (or
// the hub's editor) confirms it. Declining clears the parent. parentConfirmation() says whether a
// write confirms the link itself: the parent's own owners, the hub's editors and admins, and the
// platform (seed, command line) vouch for it; the import is editors' work, so it confirms too.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { type ActionContext, transact } from '../../../platform/actions.ts';
import { hasRole } from '../../../platform/auth.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { auditOf } from '../../../platform/record-audit.ts';
import { nowIso } from '../../../platform/time.ts';
import { ensureWithRole, memberRole, type Organisation } from '../access.ts';
import { canConfirmUnit } from '../permissions.ts';
import { reindex } from '../search.ts';
import { recordHistory } from './history.ts';

type Db = Kysely<Database>;
const auditOrganisation = auditOf('organisation');

/**
 * When the link to `parentId` counts as confirmed for a write by `user`: unchanged links keep their
 * state (`before`), the parent's owners and the hub's editors confirm by setting it, others wait.
 */
export async function parentConfirmation(
  db: Db,
  user: User | null,
  parentId: number | null,
  before?: Pick<Organisation, 'parent_id' | 'parent_confirmed_at'>,
): Promise<string | null> {
  if (parentId === null) return null;
  if (before && before.parent_id === parentId) return before.parent_confirmed_at;
  if (!user || hasRole(user, 'editor')) return nowIso();
  return (await memberRole(db, parentId, user.id)) === 'owner' ? nowIso() : null;
}

/** The organisations that named `parentId` as their parent and wait for its confirmation. */
export function pendingUnits(db: Db, parentId: number) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name'])
    .where('parent_id', '=', parentId)
    .where('parent_confirmed_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** The unit `unitSlug` waiting for `parent`, or 404 (also once it was confirmed or went elsewhere). */
async function waitingUnit(db: Db, parent: Organisation, unitSlug: string) {
  const unit = await db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', unitSlug)
    .where('parent_id', '=', parent.id)
    .where('parent_confirmed_at', 'is', null)
    .executeTakeFirst();
  if (!unit) throw new HttpError(404, 'error.404.message');
  return unit;
}

/** An owner of `parent` (or the hub's editor) confirms or declines a unit's link; declining clears it. */
export async function decideUnit(
  ctx: ActionContext,
  parent: Organisation,
  unitSlug: string,
  decision: 'confirm' | 'decline',
): Promise<{ slug: string; name: string }> {
  const user = await ensureWithRole(ctx, parent.id, canConfirmUnit);
  return transact(ctx, async (trx) => {
    const unit = await waitingUnit(trx, parent, unitSlug);
    if (decision === 'confirm') {
      await trx
        .updateTable('organisations')
        .set({ parent_confirmed_at: nowIso() })
        .where('id', '=', unit.id)
        .execute();
    } else {
      await trx
        .updateTable('organisations')
        .set({ parent_id: null, parent_confirmed_at: null, updated_at: nowIso() })
        .where('id', '=', unit.id)
        .execute();
      await recordHistory(trx, unit.id, user?.id ?? null, { parent_id: { from: parent.id, to: null } });
      await reindex(trx, unit.id);
    }
    const what = decision === 'confirm' ? 'parent_confirmed' : 'parent_declined';
    await auditOrganisation(trx, ctx, unit.id, what, { parent: parent.slug });
    return unit;
  });
}
