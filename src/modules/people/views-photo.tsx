// A person's photo: on the profile (content: its alt is the person's name), as a thumbnail on the
// cards (decorative there: the name follows), and the small upload form on the edit page. The form
// is one of its own beside the profile form, since a file upload needs multipart encoding.
import type { MessageKey } from '../../platform/i18n.ts';
import { IMAGE_ACCEPT, IMAGE_MAX_BYTES } from '../../platform/images.ts';
import { CsrfField, Submit } from '../../ui/components/form.tsx';
import { usePage } from '../../ui/page-context.ts';
import { type PhotoInfo, photoUrl } from './photo.ts';

export interface PhotoError {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** Width and height fitted inside a square of `box` CSS pixels (the file stays sharp on dense screens). */
function fitted(width: number, height: number, box: number) {
  const scale = Math.min(1, box / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

export function ProfilePhoto(props: { slug: string; name: string; photo: PhotoInfo }) {
  const size = fitted(props.photo.fullWidth, props.photo.fullHeight, 160);
  return (
    <p class="person-photo">
      <img src={photoUrl(props.slug, props.photo)} alt={props.name} width={size.width} height={size.height} />
    </p>
  );
}

/** Lazy and sized, so the list does not jump while the pictures arrive. */
export function CardPhoto(props: { slug: string; photo: PhotoInfo }) {
  const size = fitted(props.photo.thumbWidth, props.photo.thumbHeight, 48);
  return (
    <img
      src={photoUrl(props.slug, props.photo, 'thumb')}
      alt=""
      width={size.width}
      height={size.height}
      loading="lazy"
    />
  );
}

export function PhotoSection(props: { slug: string; name: string; photo?: PhotoInfo; error?: PhotoError }) {
  const { t } = usePage();
  const { slug, photo, error } = props;
  const base = `/directory/people/${slug}`;
  return (
    <section id="photo" class="stack">
      <h2>{t('people.photo.title')}</h2>
      {photo ? <ProfilePhoto slug={slug} name={props.name} photo={photo} /> : <p>{t('people.photo.none')}</p>}
      <form method="post" action={`${base}/photo`} enctype="multipart/form-data" class="stack">
        <CsrfField />
        {error && (
          <div class="notice error" role="alert">
            {t(error.key, error.values)}
          </div>
        )}
        <div class={error ? 'field invalid' : 'field'}>
          <label for="f-photo">{t('people.photo.file')}</label>
          <p class="hint" id="f-photo-hint">
            {t('people.photo.hint', { limit: IMAGE_MAX_BYTES / 1024 / 1024 })}
          </p>
          <input
            id="f-photo"
            name="photo"
            type="file"
            required
            accept={IMAGE_ACCEPT}
            aria-describedby="f-photo-hint"
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <Submit label="people.photo.upload" />
      </form>
      {photo && (
        <form method="post" action={`${base}/photo/delete`} class="inline-form">
          <CsrfField />
          <button type="submit" class="button secondary">
            {t('people.photo.remove')}
          </button>
        </form>
      )}
    </section>
  );
}
