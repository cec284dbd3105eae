// What a person the provider vouches for becomes on the hub: the member their identity is linked
// to; else the account with the same address, linked to it when the provider has verified that
// address; else a new member. And, from the account page, unlinking an identity.
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../../db/dialect.ts';
import type { Database, User } from '../../../db/schema.ts';
import { type ActionContext, actingUser, audit, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { endAllSessions } from '../../../platform/sessions.ts';
import { nowIso } from '../../../platform/time.ts';
import { findUserByEmail, findUserById, normaliseEmail } from '../access.ts';
import { insertUser } from '../actions/create.ts';
import type { ProviderPerson } from './client.ts';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export interface IdentityRow {
  id: number;
  issuer: string;
  subject: string;
  email: string | null;
  created_at: string;
  last_used_at: string;
}

export function listIdentities(db: Kysely<Database>, userId: number): Promise<IdentityRow[]> {
  return db
    .selectFrom('openid_identities')
    .select(['id', 'issuer', 'subject', 'email', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

function refuseDisabled(user: User): User {
  if (user.disabled_at) throw new HttpError(403, 'login.disabled');
  return user;
}

async function addIdentity(trx: Kysely<Database>, user: User, person: ProviderPerson, email: string | null) {
  const now = nowIso();
  await trx
    .insertInto('openid_identities')
    .values({
      user_id: user.id,
      issuer: person.issuer,
      subject: person.subject,
      email,
      created_at: now,
      last_used_at: now,
    })
    .execute();
}

/**
 * The member `person` signs in as (a refusal otherwise). The session is the caller's, after the
 * second step for a member with two-factor sign-in on.
 */
export async function memberOfIdentity(ctx: ActionContext, person: ProviderPerson): Promise<User> {
  try {
    return await signInOnce(ctx, person);
  } catch (err) {
    // Two first sign-ins of one identity at once (a double click, two tabs): on PostgreSQL both may
    // find no identity and the second's account or link breaks a unique rule. Once the first has
    // committed, the identity is there: the second signs in with it, rather than answering 500.
    if (!isUniqueViolation(err)) throw err;
    return signInOnce(ctx, person);
  }
}

function signInOnce(ctx: ActionContext, person: ProviderPerson): Promise<User> {
  return transact(ctx, async (trx) => {
    const linked = await trx
      .selectFrom('openid_identities')
      .select(['id', 'user_id'])
      .where('issuer', '=', person.issuer)
      .where('subject', '=', person.subject)
      .executeTakeFirst();
    let user: User;
    if (linked) {
      const found = await findUserById(trx, linked.user_id);
      if (!found) throw new HttpError(403, 'login.disabled');
      user = refuseDisabled(found);
      await trx
        .updateTable('openid_identities')
        .set({ last_used_at: nowIso() })
        .where('id', '=', linked.id)
        .execute();
    } else {
      user = await linkOrCreate(trx, ctx, person);
    }
    await audit(
      trx,
      { ...ctx, user },
      {
        action: 'user.logged_in',
        subjectType: 'user',
        subjectId: user.id,
        details: { method: 'openid' },
      },
    );
    return user;
  });
}

/** A first sign-in with this identity: linked to the account with its address, or a new account. */
async function linkOrCreate(
  trx: Kysely<Database>,
  ctx: ActionContext,
  person: ProviderPerson,
): Promise<User> {
  const email = person.email ? normaliseEmail(person.email) : '';
  if (!EMAIL.test(email) || email.length > 254) throw new HttpError(403, 'openid.noEmail');
  const existing = await findUserByEmail(trx, email);
  if (existing) {
    // The provider's word that this person owns the address is what lets them into an account
    // made by someone else's hands; without it, anyone who can name an address at a provider
    // (some let people type any) would take that account.
    if (!person.emailVerified) throw new HttpError(403, 'openid.unverifiedEmail');
    refuseDisabled(existing);
    let user = existing;
    if (!existing.email_verified_at) {
      // Nobody ever proved they own this account's address, and now its owner has: a password set
      // by whoever registered it (perhaps to wait for the owner) goes, with their sessions.
      user = await trx
        .updateTable('users')
        .set({ email_verified_at: nowIso(), password_hash: null, updated_at: nowIso() })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await endAllSessions(trx, existing.id);
    }
    await addIdentity(trx, user, person, email);
    await audit(
      trx,
      { ...ctx, user },
      {
        action: 'user.identity_linked',
        subjectType: 'user',
        subjectId: user.id,
        details: { issuer: person.issuer },
      },
    );
    return user;
  }
  const name = (person.name ?? email.slice(0, email.indexOf('@'))).slice(0, 100);
  const user = await insertUser(trx, {
    email,
    name,
    password: null,
    role: 'member',
    locale: ctx.locale,
    verified: person.emailVerified,
  });
  await addIdentity(trx, user, person, email);
  await audit(
    trx,
    { ...ctx, user },
    {
      action: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      details: { role: user.role, via: 'openid', issuer: person.issuer },
    },
  );
  return user;
}

/**
 * Unlinks one of the acting member's identities, as long as another way in is left (a password,
 * or another identity): otherwise the account could only be opened with "forgotten password".
 */
export async function unlinkIdentity(ctx: ActionContext, identityId: number): Promise<void> {
  const user = actingUser(ctx);
  await transact(ctx, async (trx) => {
    const identities = await listIdentities(trx, user.id);
    const identity = identities.find((one) => one.id === identityId);
    if (!identity) throw new HttpError(404, 'error.404.message');
    const account = await findUserById(trx, user.id);
    if (!account?.password_hash && identities.length < 2) throw new HttpError(409, 'openid.lastWayIn');
    await trx.deleteFrom('openid_identities').where('id', '=', identity.id).execute();
    await audit(trx, ctx, {
      action: 'user.identity_unlinked',
      subjectType: 'user',
      subjectId: user.id,
      details: { issuer: identity.issuer },
    });
  });
}
