// The one write of the module: a country's status towards the 2005 Convention, recorded by an admin
// or the country's focal point (not another country's), audited with what it was before.
import { type ActionContext, actingUser, audit, isSystemContext, transact } from '../../platform/actions.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { inCountry, may } from '../../platform/scopes.ts';
import { nowIso } from '../../platform/time.ts';
import { type CountryStatus, getStatus } from './access.ts';
import { EDIT_STATUS } from './permissions.ts';
import type { StatusInput } from './schemas.ts';

/** Whether the context's user may change `code`'s status (401 for a visitor, 403 for anyone else). */
export async function ensureMayEditStatus(ctx: ActionContext, code: string): Promise<void> {
  if (isSystemContext(ctx)) return;
  const user = actingUser(ctx);
  if (!(await may(ctx.deps, user, EDIT_STATUS, inCountry(code))))
    throw new HttpError(403, 'countries.notYourCountry');
}

/**
 * Records `code`'s status. The note is taken to be written in the language of the request (people
 * write in the language they read the hub in) unless `noteLang` says otherwise (the demo seed).
 */
export async function saveStatus(
  ctx: ActionContext,
  code: string,
  input: StatusInput,
  noteLang: string = ctx.locale,
): Promise<CountryStatus> {
  await ensureMayEditStatus(ctx, code);
  const values = {
    party: input.party ? 1 : 0,
    party_since: input.party ? input.party_since : null,
    instrument: input.party ? input.instrument : null,
    source_url: input.source_url,
    note: input.note,
    note_lang: input.note ? noteLang : null,
    updated_by: ctx.user?.id ?? null,
    updated_at: nowIso(),
  };
  await transact(ctx, async (trx) => {
    const before = await getStatus(trx, code);
    if (before) await trx.updateTable('country_statuses').set(values).where('code', '=', code).execute();
    else
      await trx
        .insertInto('country_statuses')
        .values({ code, ...values })
        .execute();
    const { updated_at: _a, updated_by: _b, ...after } = values;
    await audit(trx, ctx, {
      action: 'countries.status_changed',
      subjectType: 'country',
      subjectId: code,
      details: {
        before: before
          ? {
              party: before.party,
              party_since: before.party_since,
              instrument: before.instrument,
              source_url: before.source_url,
              note: before.note,
            }
          : null,
        after,
      },
    });
  });
  return (await getStatus(ctx.trx ?? ctx.deps.db, code)) as CountryStatus;
}
