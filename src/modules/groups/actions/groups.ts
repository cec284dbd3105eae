// Every write of a group itself, for the pages, the API and the seed alike: who may (a scoped
// action: platform/scopes.ts), the transaction (group, translations, first coordinator, search
// entry and audit entry together) and the audit log.
import type { Kysely } from 'kysely';
import { replaceChildRows } from '../../../db/child-rows.ts';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, audit, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { deleteIndexedRecord } from '../../../platform/record-deletion.ts';
import { ensureMay } from '../../../platform/scope-checks.ts';
import { inCountry, inGroup, inOrganisation, PLATFORM, type Scope } from '../../../platform/scopes.ts';
import { slugFrom, uniqueSlug } from '../../../platform/slugs.ts';
import { nowIso } from '../../../platform/time.ts';
import { translationRows } from '../../../platform/translations.ts';
import { organisationRef } from '../../directory/index.ts';
import type { Group, GroupDetails, GroupTranslation } from '../access.ts';
import { CREATE_GROUP, DELETE_GROUP, MANAGE_GROUP } from '../permissions.ts';
import type { GroupInput } from '../schemas.ts';
import { reindex } from '../search.ts';
import { RESERVED_SLUGS } from '../vocab.ts';

type Db = Kysely<Database>;

/** The organisation the input names, by slug; one that is not a published organisation is refused (422). */
async function organisationOf(db: Db, input: GroupInput): Promise<number | null> {
  if (!input.organisation) return null;
  const org = await organisationRef(db, { slug: input.organisation });
  if (!org) throw HttpError.invalid({ organisation: 'groups.unknownOrganisation' });
  return org.id;
}

function rowValues(input: GroupInput, organisationId: number | null) {
  return {
    name: input.name,
    lang: input.lang,
    description: input.description,
    kind: input.kind,
    visibility: input.visibility,
    organisation_id: organisationId,
    country: input.country ?? null,
  };
}

const translationsOf = (input: GroupInput): GroupTranslation[] =>
  translationRows(input, (tr) => ({ lang: tr.lang, name: tr.name, description: tr.description }));

/** Where starting this group may be allowed: its country, its organisation, or the platform. */
function creationScopes(input: GroupInput, organisationId: number | null): Scope[] {
  const scopes: Scope[] = [];
  if (input.country) scopes.push(inCountry(input.country));
  if (organisationId !== null) scopes.push(inOrganisation(organisationId));
  return scopes.length ? scopes : [PLATFORM];
}

/** Starts a group; the person who starts it is its first coordinator. */
export async function createGroup(ctx: ActionContext, input: GroupInput): Promise<Group> {
  const organisationId = await organisationOf(ctx.trx ?? ctx.deps.db, input);
  const user = await ensureMay(ctx, CREATE_GROUP, creationScopes(input, organisationId));
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const slug = await uniqueSlug(
      slugFrom(input.name, 'group'),
      async (s) => !!(await trx.selectFrom('groups').select('id').where('slug', '=', s).executeTakeFirst()),
      RESERVED_SLUGS,
    );
    const group = await trx
      .insertInto('groups')
      .values({
        ...rowValues(input, organisationId),
        slug,
        created_by: user?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceChildRows(trx, 'group_translations', 'group_id', group.id, translationsOf(input));
    if (user)
      await trx
        .insertInto('group_members')
        .values({ group_id: group.id, user_id: user.id, role: 'coordinator', created_at: now })
        .execute();
    await reindex(trx, group.id);
    await audit(trx, ctx, {
      action: 'group.created',
      subjectType: 'group',
      subjectId: group.id,
      details: {
        name: group.name,
        visibility: group.visibility,
        ...(user ? { userId: user.id, role: 'coordinator' } : {}),
      },
    });
    return group;
  });
}

/** Saves the changes; the names of the fields that changed. */
export async function updateGroup(
  ctx: ActionContext,
  group: GroupDetails,
  input: GroupInput,
): Promise<string[]> {
  await ensureMay(ctx, MANAGE_GROUP, inGroup(group.id));
  const values = rowValues(input, await organisationOf(ctx.trx ?? ctx.deps.db, input));
  return transact(ctx, async (trx) => {
    const changed = Object.entries(values)
      .filter(([key, to]) => group[key as keyof Group] !== to)
      .map(([key]) => key);
    const asKey = (list: GroupTranslation[]) =>
      JSON.stringify(list.map((tr) => [tr.lang, tr.name, tr.description]));
    if (asKey(group.translations) !== asKey(translationsOf(input))) changed.push('translations');
    if (changed.length === 0) return changed;
    await trx
      .updateTable('groups')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', group.id)
      .execute();
    await replaceChildRows(trx, 'group_translations', 'group_id', group.id, translationsOf(input));
    await reindex(trx, group.id);
    await audit(trx, ctx, {
      action: 'group.updated',
      subjectType: 'group',
      subjectId: group.id,
      details: { fields: changed },
    });
    return changed;
  });
}

export async function deleteGroup(ctx: ActionContext, group: GroupDetails): Promise<void> {
  await ensureMay(ctx, DELETE_GROUP, inGroup(group.id));
  await transact(ctx, async (trx) => {
    await audit(trx, ctx, {
      action: 'group.deleted',
      subjectType: 'group',
      subjectId: group.id,
      details: { name: group.name },
    });
    await deleteIndexedRecord(trx, 'groups', 'group', group.id);
  });
}
