// The reviewers' list of an event's applications, for the page and the API: filtered by status,
// sorted by submission, name or average score, with each one's reviews counted. Sorted and paged
// in memory: an event has hundreds of applications (a large call a few thousand), and the score
// is an average over reviewers that SQL would have to compute for every row anyway.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type Application, allApplications } from './applications.ts';
import { averageTotal, reviewsOf } from './reviews.ts';
import type { ApplicationFilter } from './schemas.ts';
import { APPLICATIONS_PAGE_SIZE } from './vocab.ts';

/** An application as the list shows it: with how many reviewed it and their average total. */
export interface ListedApplication {
  application: Application;
  reviews: number;
  average: number | null;
}

export async function applicationListing(
  db: Kysely<Database>,
  eventId: number,
  filter: ApplicationFilter,
  pageSize = APPLICATIONS_PAGE_SIZE,
): Promise<{ rows: ListedApplication[]; total: number }> {
  const applications = await allApplications(db, eventId, filter.status);
  const reviews = await reviewsOf(
    db,
    applications.map((a) => a.id),
  );
  const rows = applications.map((application) => ({
    application,
    reviews: reviews.get(application.id)?.length ?? 0,
    average: averageTotal(reviews.get(application.id)),
  }));
  if (filter.sort === 'name') rows.sort((a, b) => a.application.name.localeCompare(b.application.name));
  // Highest first; applications nobody has scored yet come last, in submission order.
  if (filter.sort === 'score') rows.sort((a, b) => (b.average ?? -1) - (a.average ?? -1));
  const start = (filter.page - 1) * pageSize;
  return { rows: rows.slice(start, start + pageSize), total: rows.length };
}
