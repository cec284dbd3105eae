// What the forum's pages share about a post's form: the form as sent (fields and image checked
// before anything is written), a 429 shown beside the form rather than on an error page, the
// Markdown quote a "quote" link pre-fills, and the page of a group category's group.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { chosenFile, type ProcessedImage } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { type FieldErrors, type FormResult, postRefusal } from '../../platform/http/forms.ts';
import type { MessageValues } from '../../platform/i18n.ts';
import type { FormState } from '../../ui/components/form.tsx';
import type { ThreadIn } from './access.ts';
import { postImages } from './images.ts';

type C = Context<AppEnv>;

/** A 429 to show beside the form (with Retry-After); any other refusal goes on up. */
export function waitOf(c: C, err: unknown): number {
  if (err instanceof HttpError && err.status === 429) {
    const seconds = Number(err.headers?.['Retry-After'] ?? 60);
    c.header('Retry-After', String(seconds));
    return seconds;
  }
  throw err;
}

/**
 * A refused post as its form shows it again, with the draft: a 429 as the time to wait (waitOf), a
 * refusal of the input (a new member's links or images: 422) next to its field, a refusal of the
 * writer (a suspended member, a locked thread: 403) above the form. Any other goes on up.
 */
export function refusedPost(
  c: C,
  err: unknown,
): {
  errors?: FieldErrors;
  errorValues?: Record<string, MessageValues>;
  wait?: number;
  status: 403 | 422 | 429;
} {
  if (!(err instanceof HttpError) || err.status === 429) return { wait: waitOf(c, err), status: 429 };
  // A conflict (409) is not the writer's to mend in this form: the error page says it.
  if (err.status === 409) throw err;
  const { errors, errorValues, status } = postRefusal(c, err);
  return { errors, errorValues, status: status === 403 ? 403 : 422 };
}

/**
 * A post's form as sent: its fields through the schema and the image (when one was chosen) checked
 * and re-encoded before anything is written. A refused file decides the status (413, 415) unless
 * the fields are wrong too; either way the form comes back with what was typed.
 */
export async function readPostForm<T>(c: C, form: FormResult<T>) {
  const body = await c.req.parseBody({ all: true });
  const file = chosenFile(body.image);
  const check = file ? await postImages.check(file) : undefined;
  const state: FormState = { values: form.values, errors: form.ok ? {} : { ...form.errors } };
  let status: ContentfulStatusCode = 422;
  if (check && !check.ok) {
    state.errors = { ...state.errors, image: check.refusal.key };
    state.errorValues = { image: check.refusal.values ?? {} };
    if (form.ok) status = check.refusal.status;
  }
  if (form.ok && !(check && !check.ok)) {
    const image: ProcessedImage | undefined = check?.ok ? check.image : undefined;
    return { ok: true, data: form.data, image, state } as const;
  }
  return { ok: false, state, status } as const;
}

/** The path of a group category's group page. */
export async function groupPathOf(deps: AppDeps, groupId: number | null): Promise<string | null> {
  if (groupId === null) return null;
  const group = await deps.db
    .selectFrom('groups')
    .select('slug')
    .where('id', '=', groupId)
    .executeTakeFirst();
  return group ? `/groups/${group.slug}` : null;
}

/** The reply form's body quoting `postId` (a post of this thread, not hidden): Markdown and a link to it. */
export async function quoteOf(deps: AppDeps, thread: ThreadIn, postId: number): Promise<string> {
  const post = await deps.db
    .selectFrom('forum_posts')
    .leftJoin('users', 'users.id', 'forum_posts.author_id')
    .select([
      'forum_posts.id',
      'forum_posts.body',
      'forum_posts.thread_id',
      'forum_posts.hidden_at',
      'users.name',
    ])
    .where('forum_posts.id', '=', postId)
    .executeTakeFirst();
  if (!post || post.thread_id !== thread.id || post.hidden_at) return '';
  const quoted = post.body
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');
  return `${quoted}\n>\n> — [${post.name ?? '…'}](/forum/p/${post.id})\n\n`;
}
