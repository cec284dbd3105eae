// Naming and un-naming a country's focal points (a scoped role: platform/scoped-roles.ts, asked by
// platform/scopes.ts): administrators only, in a transaction with its audit entry.
import { type ActionContext, audit, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { grantRole, revokeRole } from '../../../platform/scoped-roles.ts';
import { canAdminister } from '../permissions.ts';

export interface FocalPointInput {
  email: string;
  country: string;
}

export async function grantFocalPoint(ctx: ActionContext, input: FocalPointInput): Promise<void> {
  const admin = ensure(ctx, canAdminister);
  const { db } = ctx.deps;
  const user = await db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (!user) throw HttpError.invalid({ email: 'admin.focalPoints.noAccount' });
  await transact(ctx, async (trx) => {
    const added = await grantRole(trx, {
      kind: 'country',
      key: input.country,
      userId: user.id,
      role: 'focal_point',
      by: admin?.id ?? null,
    });
    if (added)
      await audit(trx, ctx, {
        action: 'country.focal_point_named',
        subjectType: 'country',
        subjectId: input.country,
        details: { userId: user.id },
      });
  });
}

export async function revokeFocalPoint(ctx: ActionContext, country: string, userId: number): Promise<void> {
  ensure(ctx, canAdminister);
  await transact(ctx, async (trx) => {
    if (await revokeRole(trx, { kind: 'country', key: country, userId, role: 'focal_point' }))
      await audit(trx, ctx, {
        action: 'country.focal_point_removed',
        subjectType: 'country',
        subjectId: country,
        details: { userId },
      });
  });
}
