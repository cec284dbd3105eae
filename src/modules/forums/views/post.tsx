// One post of a thread: who wrote it, when, in which language; the text in the reader's language
// where a translation exists (marked, with the original a click away), else the original (marked
// as such when it is not the reader's language); the reactions (POST forms), quote, report, the
// answer mark, and the moderators' hide and restore. A hidden post shows "hidden by a moderator"
// to others and its text, with the reason, to moderators.
import { renderMarkdown } from '../../../platform/markdown.ts';
import { CsrfField, type FormState } from '../../../ui/components/form.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { postImageUrl } from '../images.ts';
import type { PostView } from '../listing.ts';
import { REACTIONS } from '../vocab.ts';
import { Honeypot, TranslationForm } from './forms.tsx';

export interface PostPermissions {
  signedIn: boolean;
  moderator: boolean;
  canReply: boolean;
  /** The thread is a question and this reader may mark its answer. */
  canSolve: boolean;
  /** The reader may add a translation of this post. */
  canTranslate: boolean;
  /** The reader may change or delete this post (its author, a moderator). */
  canEdit: boolean;
}

function PostText({ post }: { post: PostView }) {
  const { t, fmt, locale } = usePage();
  if (post.translation)
    return (
      <>
        <p class="hint">{t('forums.translatedFrom', { language: fmt.language(post.lang) })}</p>
        <div
          class="post-body"
          lang={post.translation.lang}
          dangerouslySetInnerHTML={{ __html: renderMarkdown(post.translation.body) }}
        />
        <details>
          <summary>{t('forums.showOriginal')}</summary>
          <div
            class="post-body"
            lang={post.lang}
            dangerouslySetInnerHTML={{ __html: renderMarkdown(post.body) }}
          />
        </details>
      </>
    );
  return (
    <>
      {post.lang !== locale && (
        <p class="hint">{t('forums.original', { language: fmt.language(post.lang) })}</p>
      )}
      <div
        class="post-body"
        lang={post.lang}
        dangerouslySetInnerHTML={{ __html: renderMarkdown(post.body) }}
      />
    </>
  );
}

/** The attached images as thumbnails, each a link to its full size. */
function Images({ post }: { post: PostView }) {
  const { t } = usePage();
  if (post.images.length === 0) return null;
  return (
    <p>
      {post.images.map((img) => (
        <a href={postImageUrl(post.id, img.id)}>
          <img
            src={postImageUrl(post.id, img.id, 'thumb')}
            width={img.thumb_width}
            height={img.thumb_height}
            alt={t('forums.imageAlt', { name: post.author ?? t('forums.formerMember') })}
            loading="lazy"
          />
        </a>
      ))}
    </p>
  );
}

function Reactions({ post, signedIn }: { post: PostView; signedIn: boolean }) {
  const { t, fmt } = usePage();
  const label = (r: (typeof REACTIONS)[number]) =>
    `${t(`forums.reaction.${r}`)} (${fmt.number(post.reactions[r])})`;
  // One form for the three buttons (each sends its own value): a page of 50 posts stays light.
  return signedIn ? (
    <form method="post" action={`/forum/p/${post.id}/react`} class="inline-form">
      <CsrfField />
      <Honeypot id={`react-hp-${post.id}`} />
      <span class="visually-hidden">{t('forums.reactions')}: </span>
      {REACTIONS.map((r) => (
        <>
          <button
            type="submit"
            name="reaction"
            value={r}
            class="link-button"
            aria-pressed={post.mine.includes(r) ? 'true' : 'false'}
          >
            {label(r)}
          </button>{' '}
        </>
      ))}
    </form>
  ) : (
    <p class="muted">
      <span class="visually-hidden">{t('forums.reactions')}: </span>
      {REACTIONS.map(label).join(' · ')}
    </p>
  );
}

function ModeratorTools({ post }: { post: PostView }) {
  const { t } = usePage();
  return post.hidden_at ? (
    <form method="post" action={`/forum/p/${post.id}/restore`} class="inline-form">
      <CsrfField />
      <Honeypot id={`restore-hp-${post.id}`} />
      <button type="submit" class="button secondary small">
        {t('forums.restore')}
      </button>
    </form>
  ) : (
    <details>
      <summary>{t('forums.hide')}</summary>
      <form method="post" action={`/forum/p/${post.id}/hide`} class="stack">
        <CsrfField />
        <Honeypot id={`hide-hp-${post.id}`} />
        <label for={`hide-${post.id}`}>{t('forums.hideReason')}</label>
        <input id={`hide-${post.id}`} name="reason" required maxlength={500} />
        <button type="submit" class="button danger small">
          {t('forums.hide')}
        </button>
      </form>
    </details>
  );
}

export function PostArticle(props: {
  translationState?: FormState;
  post: PostView;
  threadId: number;
  number: number;
  solved: boolean;
  can: PostPermissions;
}) {
  const { t, fmt } = usePage();
  const { post, can } = props;
  const hidden = !!post.hidden_at;
  return (
    <article class="card forum-post" id={`p-${post.id}`} aria-labelledby={`p-${post.id}-by`}>
      <header>
        <p id={`p-${post.id}-by`}>
          <strong>{post.author ?? t('forums.formerMember')}</strong>
          {' · '}
          <a href={`/forum/p/${post.id}`}>
            <time datetime={String(post.created_at)}>{fmt.dateTime(String(post.created_at))}</time>
          </a>
          {post.edited_at && (
            <>
              {' · '}
              <span title={fmt.dateTime(String(post.edited_at))}>{t('forums.edited')}</span>
            </>
          )}
          {' · '}
          <span>{fmt.language(post.lang)}</span>
          {' · #'}
          {fmt.number(props.number)}
        </p>
        {props.solved && <p class="badge">{t('forums.answer')}</p>}
      </header>
      {hidden && <p class="notice">{t('forums.hiddenByModerator')}</p>}
      {hidden && can.moderator && (
        <p class="hint">{t('forums.hiddenReason', { reason: post.hidden_reason ?? '' })}</p>
      )}
      {(!hidden || can.moderator) && <PostText post={post} />}
      {(!hidden || can.moderator) && <Images post={post} />}
      {!hidden && (
        <footer>
          <Reactions post={post} signedIn={can.signedIn} />
          <p>
            {can.canReply && (
              <a href={`/forum/t/${props.threadId}?quote=${post.id}#reply`} rel="nofollow">
                {t('forums.quote')}
              </a>
            )}
            {can.canReply && can.canEdit && ' · '}
            {can.canEdit && <a href={`/forum/p/${post.id}/edit`}>{t('forums.edit')}</a>}
          </p>
          {can.canSolve && (
            <form method="post" action={`/forum/p/${post.id}/solve`} class="inline-form">
              <CsrfField />
              <Honeypot id={`solve-hp-${post.id}`} />
              <button type="submit" class="button secondary small">
                {props.solved ? t('forums.unmarkAnswer') : t('forums.markAnswer')}
              </button>
            </form>
          )}
          {can.canTranslate && <TranslationForm postId={post.id} state={props.translationState} />}
          <ReportLink type="forum-post" recordKey={post.id} label="forums.reportPost" />
        </footer>
      )}
      {can.moderator && <ModeratorTools post={post} />}
    </article>
  );
}
