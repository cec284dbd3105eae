// The form to write or edit a post (multipart: it carries the cover image). Shown again with every
// value kept and a message next to each field when something is wrong, so a draft is never lost; a
// file cannot be kept by the browser, so a refused cover asks for the file again. "Preview" shows
// the rendered text without saving. Images for the text are uploaded on the edit page, each giving
// a Markdown snippet to paste.
import { fieldValue } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { renderMarkdown } from '../../../platform/markdown.ts';
import {
  Checkbox,
  DateField,
  Field,
  Form,
  type FormState,
  RadioGroup,
  SelectField,
  Submit,
  TextArea,
} from '../../../ui/components/form.tsx';
import { ImageFileField, refusalState } from '../../../ui/components/image-upload.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { WrittenInField } from '../../../ui/components/record-fields.tsx';
import { TranslationRows } from '../../../ui/components/translation-rows.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { PostDetails } from '../access.ts';
import { bodyImageUrl, type CoverInfo, NEWS_IMAGE_MAX_BYTES } from '../images.ts';
import { BODY_IMAGE_PATH, BODY_MAX, CATEGORIES, MAX_TAGS, PUBLISH_CHOICES, TITLE_MAX } from '../vocab.ts';
import { CoverImage } from './cover.tsx';

export interface PostFormProps {
  action: string;
  /** The form's values and messages (with the size limit of a refused cover in errorValues). */
  state: FormState;
  editing?: PostDetails;
  cover?: CoverInfo;
  /** The organisations the writer may post for; `siteNews` when they may post the hub's own. */
  organisations: { slug: string; name: string }[];
  siteNews: boolean;
  /** The body as rendered, when "Preview" was pressed. */
  preview?: boolean;
  bodyImages?: { id: number; thumb_width: number; thumb_height: number }[];
  imageError?: { key: MessageKey; values?: Record<string, number> };
}

export function PostFormView(props: PostFormProps) {
  const { t, timeZone } = usePage();
  const { state, editing, cover } = props;
  const values = state.values ?? {};
  return (
    <div class="wrap">
      <Breadcrumb
        trail={[
          { href: '/news', label: t('news.title') },
          editing && { href: `/news/${editing.slug}`, label: editing.title, lang: editing.lang },
        ]}
      />
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
        state={state}
        requiredNote
        class="stack post-form"
        enctype="multipart/form-data"
      >
        <Field name="title" label="news.postTitle" required maxlength={TITLE_MAX} state={state} />
        <WrittenInField label="news.writtenIn" state={state} />
        <TextArea
          name="body"
          label="news.body"
          hint="news.bodyHint"
          rows={16}
          maxlength={BODY_MAX}
          state={state}
        />
        <SelectField
          name="category"
          label="news.categoryLabel"
          state={state}
          initial="news"
          options={CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
        />
        <Field name="tags" label="news.tags" hint="news.tagsHint" maxlength={MAX_TAGS * 42} state={state} />
        <SelectField
          name="organisation"
          label="news.postedFor"
          hint="news.postedForHint"
          state={state}
          blank={props.siteNews ? 'news.siteNews' : undefined}
          options={props.organisations.map((o) => ({ value: o.slug, label: o.name }))}
        />
        <RadioGroup
          name="status"
          label="news.publishing"
          state={state}
          initial="draft"
          options={PUBLISH_CHOICES.map((c) => ({ value: c, label: t(`news.status.${c}`) }))}
        />
        <DateField
          name="publish_at"
          type="datetime-local"
          label="news.publishAt"
          hint="news.publishAtHint"
          hintValues={{ zone: timeZone }}
          state={state}
        />
        <fieldset class="field">
          <legend>{t('news.cover')}</legend>
          {cover && editing && (
            <p>
              <CoverImage slug={editing.slug} cover={cover} alt={editing.cover_alt} size="thumb" />
            </p>
          )}
          <ImageFileField
            name="cover"
            label={cover ? 'news.coverReplace' : 'news.coverFile'}
            hint="news.coverHint"
            maxBytes={NEWS_IMAGE_MAX_BYTES}
            state={state}
          />
          <Field
            name="cover_alt"
            label="news.coverAlt"
            hint="news.coverAltHint"
            maxlength={300}
            state={state}
          />
          {cover && <Checkbox name="remove_cover" label="news.coverRemove" state={state} />}
        </fieldset>
        <TranslationRows
          state={state}
          hint="news.translationsHint"
          short={{ field: 'title', label: 'news.translationRowTitle', maxLength: TITLE_MAX }}
          long={{ field: 'body', label: 'news.translationRowBody', maxLength: BODY_MAX }}
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
  const state = refusalState('image', props.error);
  return (
    <section aria-labelledby="images-title" class="stack">
      <h2 id="images-title">{t('news.images')}</h2>
      <p class="hint">{t('news.imagesHint')}</p>
      <Form action={`/news/${props.slug}/images`} enctype="multipart/form-data" state={state}>
        <ImageFileField
          name="image"
          label="news.imageFile"
          hint="news.coverHint"
          maxBytes={NEWS_IMAGE_MAX_BYTES}
          required
          state={state}
        />
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
