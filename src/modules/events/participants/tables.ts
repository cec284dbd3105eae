// The tables around the roster (registration/tables.ts): check-ins per day, the report's texts,
// the documents and photos of an event. The participants' feedback is a questionnaire of the
// platform (feedback.ts). Added to the platform's Database type (declaration merging); the shared
// roster columns keep their meaning.
import type { Generated } from 'kysely';
import type { Timestamp } from '../../../db/schema.ts';
import type { ImageColumns } from '../../../platform/attached-images.ts';
import type { DocumentRole } from './vocab.ts';

/** A participant was there on one day of the event (a local date of the event's zone). */
export interface EventCheckinsTable {
  participant_id: number;
  /** Repeated from the participant so that a day's attendance is counted without a join. */
  event_id: number;
  date: string;
  checked_by: number | null;
  checked_at: Timestamp;
}

/** What came out of an event, written by its organisers after it (one row per event, made on first save). */
export interface EventOutcomesTable {
  event_id: number;
  /** Markdown. */
  outcomes: string;
  /** Markdown. */
  recommendations: string;
  /** 1: the summary of the feedback is shown on the public report too. */
  feedback_public: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** A library document shown with the event. */
export interface EventDocumentsTable {
  event_id: number;
  document_id: number;
  role: DocumentRole;
  position: number;
}

/** A photo of the event, an attached image (photos.ts): WebP at two sizes, bytes in the database. */
export interface EventPhotosTable extends ImageColumns {
  id: Generated<number>;
  event_id: number;
  /** Also the image's text alternative. */
  caption: string;
  position: number;
  created_by: number | null;
}

declare module '../../../db/schema.ts' {
  interface Database {
    event_checkins: EventCheckinsTable;
    event_outcomes: EventOutcomesTable;
    event_documents: EventDocumentsTable;
    event_photos: EventPhotosTable;
  }
}
