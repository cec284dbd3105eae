// One post: in the reader's language where a translation exists (the original marked and one click
// away), its cover, body, tags and comments. Its writers see where it stands (draft, scheduled) and
// the buttons to edit or delete it; those who may hide comments see hidden ones, marked.

import { renderMarkdown } from '../../../platform/markdown.ts';
import { CsrfField, Form, type FormState, Submit, TextArea } from '../../../ui/components/form.tsx';
import { HoneypotField } from '../../../ui/components/honeypot.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { PostDetails } from '../access.ts';
import type { CoverInfo } from '../images.ts';
import type { Comment } from '../listing.ts';
import type { ShownVersion } from '../structured-data.ts';
import { BODY_IMAGE_PATH, COMMENT_MAX, type PostState } from '../vocab.ts';
import { CoverImage } from './cover.tsx';
import { PostByline } from './list.tsx';

export interface PostViewProps {
  post: PostDetails;
  /** What is shown: the original or one translation. */
  shown: ShownVersion;
  state: PostState;
  cover: CoverInfo | undefined;
  comments: Comment[];
  may: { edit: boolean; comment: boolean; hide: boolean; report: boolean };
  commentState?: FormState;
}

export function PostView(props: PostViewProps) {
  const { t, fmt, user } = usePage();
  const { post, shown, cover } = props;
  const here = `/news/${post.slug}`;
  const versions = [post.lang, ...post.translations.map((tr) => tr.lang)];
  return (
    <article class="wrap post">
      <Breadcrumb trail={[{ href: '/news', label: t('news.title') }]} />
      {props.state !== 'published' && (
        <p class="notice warning" role="status">
          {props.state === 'draft'
            ? t('news.isDraft')
            : t('news.isScheduled', { when: fmt.dateTime(post.published_at) })}
        </p>
      )}
      <header class="page-head">
        <div>
          <h1 lang={shown.lang}>{shown.title}</h1>
          <PostByline
            publishedAt={props.state === 'published' ? post.published_at : null}
            category={post.category}
            organisation={post.organisation}
            authorName={post.author?.name ?? null}
          />
          {shown.translated ? (
            <p class="hint">
              {t('news.translatedFrom', { language: fmt.language(post.lang) })}{' '}
              <a href={`${here}?lang=${encodeURIComponent(post.lang)}`} lang={post.lang}>
                {t('news.readOriginal')}
              </a>
            </p>
          ) : (
            <p class="hint">{t('news.original', { language: fmt.language(post.lang) })}</p>
          )}
        </div>
        {props.may.edit && (
          <div class="actions">
            <a class="button secondary" href={`${here}/edit`}>
              {t('news.edit')}
            </a>
            <form method="post" action={`${here}/delete`} class="inline-form">
              <CsrfField />
              <button type="submit" class="button danger">
                {t('news.delete')}
              </button>
            </form>
          </div>
        )}
      </header>

      {cover && (
        <figure class="post-cover">
          <CoverImage slug={post.slug} cover={cover} alt={post.cover_alt} size="full" />
        </figure>
      )}

      <div
        class="prose post-body"
        lang={shown.lang}
        // Markdown by the post's writers, rendered and sanitised; images only from /news/images/.
        dangerouslySetInnerHTML={{ __html: renderMarkdown(shown.body, { localImages: BODY_IMAGE_PATH }) }}
      />

      {versions.length > 1 && (
        <nav aria-label={t('news.otherLanguages')}>
          <p>
            {t('news.otherLanguages')}:{' '}
            {versions
              .filter((l) => l !== shown.lang)
              .map((l, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={`${here}?lang=${encodeURIComponent(l)}`} lang={l} hreflang={l}>
                    {fmt.language(l)}
                  </a>
                </>
              ))}
          </p>
        </nav>
      )}

      {post.tags.length > 0 && (
        <p>
          {t('news.tags')}:{' '}
          {post.tags.map((tag, i) => (
            <>
              {i > 0 && ', '}
              <a href={`/news?tag=${encodeURIComponent(tag)}`}>#{tag}</a>
            </>
          ))}
        </p>
      )}

      {props.may.report && props.state === 'published' && (
        <ReportLink type="post" recordKey={post.slug} label="news.reportPost" />
      )}

      {props.state === 'published' && (
        <section class="comments" aria-labelledby="comments-title" id="comments">
          <h2 id="comments-title">{t('news.comments', { count: props.comments.length })}</h2>
          {props.comments.length === 0 && <p class="muted">{t('news.noComments')}</p>}
          <ol class="plain stack">
            {props.comments.map((comment) => (
              <li
                class={comment.hidden_at ? 'card comment hidden' : 'card comment'}
                id={`comment-${comment.id}`}
              >
                <p class="muted">
                  {comment.authorName ?? t('news.formerMember')} ·{' '}
                  <time datetime={comment.created_at}>{fmt.dateTime(comment.created_at)}</time>
                  {comment.hidden_at && <> · {t('news.commentHidden')}</>}
                </p>
                <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(comment.body) }} />
                {(props.may.hide || props.may.report) && (
                  <div class="actions">
                    {props.may.hide && (
                      <form
                        method="post"
                        action={`${here}/comments/${comment.id}/${comment.hidden_at ? 'show' : 'hide'}`}
                        class="inline-form"
                      >
                        <CsrfField />
                        <button type="submit" class="button secondary">
                          {t(comment.hidden_at ? 'news.showComment' : 'news.hideComment')}
                        </button>
                      </form>
                    )}
                    {props.may.report && !comment.hidden_at && (
                      <ReportLink type="post-comment" recordKey={comment.id} label="news.reportComment" />
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
          {props.may.comment ? (
            <Form action={`${here}/comments`} state={props.commentState} id="comment-form">
              <TextArea
                name="body"
                id="f-comment"
                label="news.yourComment"
                hint="news.commentHint"
                rows={4}
                maxlength={COMMENT_MAX}
                required
                state={props.commentState}
              />
              <HoneypotField />
              <Submit label="news.addComment" />
            </Form>
          ) : (
            !user && (
              <p>
                <a href={`/login?next=${encodeURIComponent(`${here}#comments`)}`}>
                  {t('news.loginToComment')}
                </a>
              </p>
            )
          )}
        </section>
      )}
    </article>
  );
}
