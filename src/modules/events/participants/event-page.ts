// What the event page shows of the roster and of what came after the event, for one reader: the
// links they may follow (report, roster, networking, feedback, their certificate), the outcomes and
// recommendations, documents, photos and press coverage. Loaded by the event page's route.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { todayIn } from '../../../platform/time.ts';
import { clippingsOfEvent, type EventClipping } from '../../press/index.ts';
import type { EventDetails } from '../access.ts';
import { participantOf } from './access.ts';
import { documentsOf, type LinkedDocument, type Outcomes, outcomesOf } from './after.ts';
import { checkinUsed } from './listing.ts';
import {
  canAnswerFeedback,
  canManageRoster,
  canSeeCertificate,
  canSeeFigures,
  canSeeNetworking,
} from './permissions.ts';
import { type Photo, photosOf } from './photos.ts';

export interface EventPageSummary {
  may: {
    report: boolean;
    manage: boolean;
    networking: boolean;
    /** The network of the participants (the network module's page): the participants themselves. */
    network: boolean;
    feedback: boolean;
    /** The reader's own certificate, when they may print it. */
    certificate: boolean;
  };
  outcomes: Outcomes;
  documents: LinkedDocument[];
  photos: Photo[];
  clippings: EventClipping[];
}

export async function eventPageSummary(
  db: Kysely<Database>,
  event: EventDetails,
  user: User | null,
  organiser: boolean,
  locale: string,
): Promise<EventPageSummary> {
  const [me, used, outcomes, documents, photos, clippings] = await Promise.all([
    user ? participantOf(db, event.id, user.id) : undefined,
    checkinUsed(db, event.id),
    outcomesOf(db, event.id),
    documentsOf(db, event.id, user),
    photosOf(db, event.id),
    clippingsOfEvent(db, event.id, locale),
  ]);
  const manage = canManageRoster(user, organiser);
  return {
    may: {
      report: canSeeFigures(user, event, organiser),
      manage,
      networking: canSeeNetworking(user, organiser, !!me),
      network: !!me,
      feedback: canAnswerFeedback(user, !!me, event, todayIn(event.time_zone)),
      certificate: !!me && canSeeCertificate(user, event, false, me, used),
    },
    outcomes,
    documents,
    photos,
    clippings,
  };
}
