// The two questions every news route asks first: which post is this, may the reader see it (404
// otherwise, with no hint that a draft exists); and, for a write, what the form's organisation and
// publishing choice come to — decided here for the pages and the API alike.
import type { Context } from 'hono';
import type { User } from '../../db/schema.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import { nowIso } from '../../platform/time.ts';
import { getOrganisation, memberRole, organisationsOf } from '../directory/index.ts';
import { momentOf } from './moments.ts';
import { canPostFor, canView, canWrite, isNewsEditor } from './permissions.ts';
import type { PostInput } from './schemas.ts';
import { getPost, type PostDetails, type PostWrite, roleFor } from './store.ts';

type C = Context<AppEnv>;

/** The post of the URL as the reader may see it, or a 404. */
export async function loadVisible(c: C, slug: string) {
  const { db } = c.var.deps;
  const now = nowIso();
  const post = await getPost(db, slug);
  const user = c.var.auth?.user ?? null;
  const role = post ? await roleFor(db, post, user) : null;
  if (!post || !canView(user, post, role, now)) throw new HttpError(404, 'error.404.message');
  return { post, user, role, now };
}

/** The organisations the writer belongs to; 401 when signed out, 403 when they may not write. */
export async function requireWriter(
  c: C,
): Promise<{ user: User; organisations: { id: number; slug: string; name: string }[] }> {
  const user = c.var.auth?.user;
  if (!user) throw new HttpError(401, 'error.401.message');
  const organisations = await organisationsOf(c.var.deps.db, user.id);
  if (!canWrite(user, organisations.length)) throw new HttpError(403, 'news.mayNotWrite');
  return { user, organisations };
}

export type WriteDecision =
  | { ok: true; write: PostWrite }
  | { ok: false; status: 403 | 422; errors: FieldErrors };

/**
 * The organisation named on the form (it must exist, and a new choice must be one of the writer's)
 * and the publishing moment (draft: none; publish: now, or the moment it already has; schedule: the
 * moment given, in the writer's time zone, which must lie ahead).
 */
export async function decideWrite(
  c: C,
  input: PostInput,
  user: User,
  existing?: PostDetails,
): Promise<WriteDecision> {
  const { db } = c.var.deps;
  const now = nowIso();
  let organisationId: number | null = null;
  if (input.organisation) {
    const org = await getOrganisation(db, input.organisation);
    if (!org) return { ok: false, status: 422, errors: { organisation: 'news.unknownOrganisation' } };
    organisationId = org.id;
  }
  const unchanged = existing !== undefined && existing.organisation_id === organisationId;
  if (!unchanged) {
    const role = organisationId === null ? null : await memberRole(db, organisationId, user.id);
    if (!canPostFor(user, organisationId, role))
      return {
        ok: false,
        status: 403,
        errors: { organisation: organisationId === null ? 'news.siteNewsForEditors' : 'news.notMember' },
      };
  }
  let publishedAt: string | null = null;
  if (input.status === 'publish') {
    publishedAt = existing?.published_at && existing.published_at <= now ? existing.published_at : now;
  } else if (input.status === 'schedule') {
    const at = input.publish_at ? momentOf(input.publish_at, c.var.timeZone) : undefined;
    if (!at) return { ok: false, status: 422, errors: { publish_at: 'news.badMoment' } };
    if (at <= now) return { ok: false, status: 422, errors: { publish_at: 'news.scheduleInPast' } };
    publishedAt = at;
  }
  return { ok: true, write: { organisationId, publishedAt } };
}

/** Whom the form offers to post for: the writer's organisations, and the hub itself for editors. */
export function postingChoices(
  user: User,
  organisations: { slug: string; name: string }[],
  existing?: PostDetails,
) {
  const list = [...organisations];
  // An editor editing an organisation's post keeps that organisation on the form.
  if (existing?.organisation && !list.some((o) => o.slug === existing.organisation?.slug))
    list.push({ slug: existing.organisation.slug, name: existing.organisation.name });
  return {
    organisations: list,
    siteNews: isNewsEditor(user) || (existing !== undefined && existing.organisation_id === null),
  };
}
