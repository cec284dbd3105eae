// "Download my data" (/account/export.json): everything the platform holds about a person (the
// account without its password hash, sessions, tokens, identities at an organisation's provider, what they did and what was done to their
// account), and under `modules` what each module holds of them (its accountExport).
import type { AppDeps } from '../../platform/context.ts';
import { nowIso } from '../../platform/time.ts';
import { findUserById } from './access.ts';

async function accountData(deps: AppDeps, userId: number) {
  const { db } = deps;
  const user = await findUserById(db, userId);
  if (!user) return undefined;
  const { password_hash: _secret, ...account } = user;
  const [sessions, tokens, identities, activity] = await Promise.all([
    db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('api_tokens')
      .select(['name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('openid_identities')
      .select(['issuer', 'subject', 'email', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('audit_log')
      .select(['at', 'action', 'subject_type', 'subject_id', 'details', 'ip'])
      .where((eb) =>
        eb.or([
          eb('actor_id', '=', userId),
          eb.and([eb('subject_type', '=', 'user'), eb('subject_id', '=', String(userId))]),
        ]),
      )
      .orderBy('id')
      .execute(),
  ]);
  return {
    exportedAt: nowIso(),
    account,
    sessions,
    apiTokens: tokens,
    linkedIdentities: identities,
    activity: activity.map((a) => ({ ...a, details: a.details ? JSON.parse(a.details) : null })),
  };
}

/** The whole download: the account's data and each module's part under its id. */
export async function exportOfMember(deps: AppDeps, userId: number) {
  const data = await accountData(deps, userId);
  const modules: Record<string, unknown> = {};
  for (const m of deps.modules) if (m.accountExport) modules[m.id] = await m.accountExport(deps.db, userId);
  return { ...data, modules };
}
