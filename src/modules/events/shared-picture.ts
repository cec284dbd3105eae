// The picture of an event's link when it is shared in a chat app or a social network (og:image):
// its first photo, else the logo of its first organiser in the directory, else none.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sharedLogoOf } from '../directory/index.ts';
import type { EventDetails } from './access.ts';
import { type Photo, photoUrl } from './participants/photos.ts';

export async function sharedPicture(
  db: Kysely<Database>,
  event: Pick<EventDetails, 'slug' | 'organisations'>,
  photo: Photo | undefined,
): Promise<{ path: string; width: number; height: number } | undefined> {
  if (photo) return { path: photoUrl(event.slug, photo), width: photo.fullWidth, height: photo.fullHeight };
  const organiser = event.organisations.find((o) => o.published && o.role === 'organiser');
  return organiser ? sharedLogoOf(db, organiser.slug) : undefined;
}
