// A person's photo: on the profile (content: its alt is the person's name), as a thumbnail on the
// cards (decorative there: the name follows), and the small upload form on the edit page. The form
// is one of its own beside the profile form, since a file upload needs multipart encoding.
import type { ImageRefusal } from '../../../platform/attached-images.ts';
import { ImageSection } from '../../../ui/components/image-upload.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { PHOTO_MAX_BYTES, type PhotoInfo, photoUrl } from '../photo.ts';

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

export function PhotoSection(props: {
  slug: string;
  name: string;
  photo?: PhotoInfo;
  refusal?: ImageRefusal;
}) {
  const { t } = usePage();
  const { slug, photo } = props;
  return (
    <ImageSection
      id="photo"
      class="stack"
      title={t('people.photo.title')}
      image={photo && <ProfilePhoto slug={slug} name={props.name} photo={photo} />}
      none={t('people.photo.none')}
      action={`/directory/people/${slug}/photo`}
      field={{
        name: 'photo',
        label: 'people.photo.file',
        hint: 'people.photo.hint',
        maxBytes: PHOTO_MAX_BYTES,
      }}
      refusal={props.refusal}
      upload="people.photo.upload"
      remove={t('people.photo.remove')}
    />
  );
}
