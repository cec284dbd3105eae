// A post's cover: the small one in the list and on the form, the full one on the post's page.
import { type CoverInfo, coverUrl } from '../images.ts';

export function CoverImage(props: {
  slug: string;
  cover: CoverInfo;
  alt: string;
  size: 'full' | 'thumb';
  lazy?: boolean;
}) {
  const { cover } = props;
  const thumb = props.size === 'thumb';
  return (
    <img
      src={coverUrl(props.slug, cover, props.size)}
      alt={props.alt}
      width={thumb ? cover.thumbWidth : cover.fullWidth}
      height={thumb ? cover.thumbHeight : cover.fullHeight}
      loading={props.lazy ? 'lazy' : undefined}
    />
  );
}
