// The form to write or edit a post (multipart: it carries the cover image). Shown again with every
// value kept and a message next to each field when something is wrong, so a draft is never lost; a
// file cannot be kept by the browser, so a refused cover asks for the file again. "Preview" shows
// the rendered text without saving. Images for the text are uploaded on the edit page, each giving
// a Markdown snippet to paste.
import type { FormValues } from '../../platform/http/forms.ts';
import { fieldValue } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { IMAGE_ACCEPT } from '../../platform/images.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { CONTENT_LANGUAGES } from '../../platform/vocabularies.ts';
import { Field, Form, type FormState, SelectField, Submit } from '../../ui/components/form.tsx';
import { TranslationRows } from '../../ui/components/translation-rows.tsx';
import { usePage } from '../../ui/page-context.ts';
import { bodyImageUrl, type CoverInfo, coverUrl, NEWS_IMAGE_MAX_BYTES } from './images.ts';
import { localInputOf } from './moments.ts';
import type { PostDetails } from './store.ts';
import { BODY_IMAGE_PATH, BODY_MAX, CATEGORIES, MAX_TAGS, TITLE_MAX } from './vocab.ts';

/** The values of an existing post, as the form sends them. */
export function formValuesOf(post: PostDetails, now: string, timeZone: string): FormValues {
  const status = post.published_at === null ? 'draft' : post.published_at > now ? 'schedule' : 'publish';
  return {
    title: post.title,
    lang: post.lang,
    body: post.body,
    category: post.category,
    tags: post.tags.join(', '),
    organisation: post.organisation?.slug ?? '',
    cover_alt: post.cover_alt,
    status,
    publish_at: status === 'schedule' && post.published_at ? localInputOf(post.published_at, timeZone) : '',
    tr_lang: post.translations.map((tr) => tr.lang),
    tr_title: post.translations.map((tr) => tr.title),
    tr_body: post.translations.map((tr) => tr.body),
  };
}

function FieldError({
  id,
  error,
  values,
}: {
  id: string;
  error: MessageKey | undefined;
  values?: Record<string, number>;
}) {
  const { t } = usePage();
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {t(error, values)}
    </p>
  ) : null;
}

export interface PostFormProps {
  action: string;
  state: FormState;
  editing?: PostDetails;
  cover?: CoverInfo;
  /** Values for the message of a refused cover (its size limit). */
  coverValues?: Record<string, number>;
  /** The organisations the writer may post for; `siteNews` when they may post the hub's own. */
  organisations: { slug: string; name: string }[];
  siteNews: boolean;
  /** The body as rendered, when "Preview" was pressed. */
  preview?: boolean;
  bodyImages?: { id: number; thumb_width: number; thumb_height: number }[];
  imageError?: { key: MessageKey; values?: Record<string, number> };
}

export function PostFormView(props: PostFormProps) {
  const { t, fmt, locale, timeZone } = usePage();
  const values = props.state.values ?? {};
  const errors = props.state.errors ?? {};
  const status = fieldValue(values, 'status') || 'draft';
  const langs = CONTENT_LANGUAGES.map((l) => ({ value: l, label: fmt.language(l), lang: l }));
  const orgOptions = [
    ...(props.siteNews ? [{ value: '', label: t('news.siteNews') }] : []),
    ...props.organisations.map((o) => ({ value: o.slug, label: o.name })),
  ];
  const bodyError = errors.body;
  const momentError = errors.publish_at;
  const coverError = errors.cover;
  const editing = props.editing;
  return (
    <div class="wrap">
      <p class="breadcrumb">
        <a href="/news">{t('news.title')}</a>
        {editing && (
          <>
            {' › '}
            <a href={`/news/${editing.slug}`} lang={editing.lang}>
              {editing.title}
            </a>
          </>
        )}
      </p>
      <h1>{editing ? t('news.editTitle') : t('news.addTitle')}</h1>
      {props.preview && (
        <section class="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('news.preview')}</h2>
          <p class="hint">{t('news.previewHint')}</p>
          <div
            class="prose post-body"
            lang={fieldValue(values, 'lang') || undefined}
            dangerouslySetInnerHTML={{
              __html: renderMarkdown(fieldValue(values, 'body'), { localImages: BODY_IMAGE_PATH }),
            }}
          />
        </section>
      )}
      <Form
        action={props.action}
        state={props.state}
        requiredNote
        class="stack post-form"
        enctype="multipart/form-data"
      >
        <Field name="title" label="news.postTitle" required maxlength={TITLE_MAX} state={props.state} />
        <SelectField
          name="lang"
          label="news.writtenIn"
          state={props.state}
          initial={locale}
          options={langs}
        />
        <div class={bodyError ? 'field invalid' : 'field'}>
          <label for="f-body">{t('news.body')}</label>
          <p class="hint" id="f-body-hint">
            {t('news.bodyHint')}
          </p>
          <textarea
            id="f-body"
            name="body"
            rows={16}
            maxlength={BODY_MAX}
            aria-invalid={bodyError ? 'true' : undefined}
            aria-describedby={bodyError ? 'f-body-hint f-body-error' : 'f-body-hint'}
          >
            {fieldValue(values, 'body')}
          </textarea>
          <FieldError id="f-body" error={bodyError} />
        </div>
        <SelectField
          name="category"
          label="news.categoryLabel"
          state={props.state}
          initial="news"
          options={CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
        />
        <Field
          name="tags"
          label="news.tags"
          hint="news.tagsHint"
          maxlength={MAX_TAGS * 42}
          state={props.state}
        />
        <SelectField
          name="organisation"
          label="news.postedFor"
          hint="news.postedForHint"
          state={props.state}
          options={orgOptions}
        />
        <fieldset class={momentError ? 'field invalid' : 'field'}>
          <legend>{t('news.publishing')}</legend>
          {(['draft', 'publish', 'schedule'] as const).map((choice) => (
            <label class="checkbox">
              <input type="radio" name="status" value={choice} checked={status === choice} />{' '}
              {t(`news.status.${choice}`)}
            </label>
          ))}
          <label for="f-publish_at">{t('news.publishAt')}</label>
          <p class="hint" id="f-publish_at-hint">
            {t('news.publishAtHint', { zone: timeZone })}
          </p>
          <input
            id="f-publish_at"
            name="publish_at"
            type="datetime-local"
            value={fieldValue(values, 'publish_at')}
            aria-invalid={momentError ? 'true' : undefined}
            aria-describedby={momentError ? 'f-publish_at-hint f-publish_at-error' : 'f-publish_at-hint'}
          />
          <FieldError id="f-publish_at" error={momentError} />
        </fieldset>
        <fieldset class={coverError ? 'field invalid' : 'field'}>
          <legend>{t('news.cover')}</legend>
          {props.cover && editing && (
            <p>
              <img
                src={coverUrl(editing.slug, props.cover, 'thumb')}
                alt={editing.cover_alt}
                width={props.cover.thumbWidth}
                height={props.cover.thumbHeight}
              />
            </p>
          )}
          <label for="f-cover">{t(props.cover ? 'news.coverReplace' : 'news.coverFile')}</label>
          <p class="hint" id="f-cover-hint">
            {t('news.coverHint', { limit: NEWS_IMAGE_MAX_BYTES / 1024 / 1024 })}
          </p>
          <FieldError id="f-cover" error={coverError} values={props.coverValues} />
          <input
            id="f-cover"
            name="cover"
            type="file"
            accept={IMAGE_ACCEPT}
            aria-invalid={coverError ? 'true' : undefined}
            aria-describedby={coverError ? 'f-cover-hint f-cover-error' : 'f-cover-hint'}
          />
          <Field
            name="cover_alt"
            label="news.coverAlt"
            hint="news.coverAltHint"
            maxlength={300}
            state={props.state}
          />
          {props.cover && (
            <label class="checkbox">
              <input type="checkbox" name="remove_cover" value="1" checked={values.remove_cover === '1'} />{' '}
              {t('news.coverRemove')}
            </label>
          )}
        </fieldset>
        <TranslationRows
          state={props.state}
          languages={CONTENT_LANGUAGES}
          hint="news.translationsHint"
          fields={{ short: 'title', long: 'body' }}
          labels={{ short: 'news.translationRowTitle', long: 'news.translationRowBody' }}
          maxLength={{ short: TITLE_MAX, long: BODY_MAX }}
        />
        <div class="actions">
          <Submit label={editing ? 'form.save' : 'news.save'} />
          <button type="submit" name="preview" value="1" class="button secondary">
            {t('news.preview')}
          </button>
        </div>
      </Form>
      {editing ? (
        <BodyImages slug={editing.slug} images={props.bodyImages ?? []} error={props.imageError} />
      ) : (
        <p class="hint">{t('news.imagesAfterSave')}</p>
      )}
    </div>
  );
}

/** The body's images: upload one, and copy its Markdown snippet into the text. */
function BodyImages(props: {
  slug: string;
  images: { id: number; thumb_width: number; thumb_height: number }[];
  error?: { key: MessageKey; values?: Record<string, number> };
}) {
  const { t } = usePage();
  return (
    <section aria-labelledby="images-title" class="stack">
      <h2 id="images-title">{t('news.images')}</h2>
      <p class="hint">{t('news.imagesHint')}</p>
      <Form
        action={`/news/${props.slug}/images`}
        enctype="multipart/form-data"
        state={props.error ? { errors: { image: props.error.key } } : undefined}
      >
        <div class={props.error ? 'field invalid' : 'field'}>
          <label for="f-image">{t('news.imageFile')}</label>
          <p class="hint" id="f-image-hint">
            {t('news.coverHint', { limit: NEWS_IMAGE_MAX_BYTES / 1024 / 1024 })}
          </p>
          {props.error && (
            <p class="field-error" id="f-image-error">
              {t(props.error.key, props.error.values)}
            </p>
          )}
          <input
            id="f-image"
            name="image"
            type="file"
            accept={IMAGE_ACCEPT}
            required
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? 'f-image-hint f-image-error' : 'f-image-hint'}
          />
        </div>
        <Submit label="news.uploadImage" variant="secondary" />
      </Form>
      {props.images.length > 0 && (
        <ul class="plain stack">
          {props.images.map((img) => (
            <li class="card">
              <img
                src={`${bodyImageUrl(img.id)}?size=thumb`}
                alt=""
                width={img.thumb_width}
                height={img.thumb_height}
                loading="lazy"
              />
              <label for={`snippet-${img.id}`}>{t('news.imageSnippet')}</label>
              <input id={`snippet-${img.id}`} readonly value={`![](${bodyImageUrl(img.id)})`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
