// Reading what reviewing needs: the rubric's criteria, the accounts asked to review, each
// reviewer's scores and note, and the balance of the selection (accepted so far by country,
// category and gender). The writes are actions (actions/rubric.ts, actions/review.ts).
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';

type Db = Kysely<Database>;

export interface Criterion {
  id: number;
  position: number;
  label: string;
  max_score: number;
}

export function criteriaOf(db: Db, eventId: number): Promise<Criterion[]> {
  return db
    .selectFrom('event_rubric_criteria')
    .select(['id', 'position', 'label', 'max_score'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The highest score given on a criterion (its maximum may not go below it), or null. */
export async function highestScore(db: Db, criterionId: number): Promise<number | null> {
  const row = await db
    .selectFrom('event_review_scores')
    .select((eb) => eb.fn.max('score').as('top'))
    .where('criterion_id', '=', criterionId)
    .executeTakeFirst();
  return row?.top === null || row?.top === undefined ? null : Number(row.top);
}

export interface Reviewer {
  user_id: number;
  name: string;
  email: string;
}

export function reviewersOf(db: Db, eventId: number): Promise<Reviewer[]> {
  return db
    .selectFrom('event_reviewers')
    .innerJoin('users', 'users.id', 'event_reviewers.user_id')
    .select(['event_reviewers.user_id', 'users.name', 'users.email'])
    .where('event_reviewers.event_id', '=', eventId)
    .orderBy('users.name')
    .execute();
}

export async function isReviewer(db: Db, user: Pick<User, 'id'> | null, eventId: number): Promise<boolean> {
  if (!user) return false;
  const row = await db
    .selectFrom('event_reviewers')
    .select('user_id')
    .where('event_id', '=', eventId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  return !!row;
}

export interface Review {
  reviewer_id: number;
  reviewer: string;
  note: string;
  updated_at: string;
  scores: Map<number, number>;
  /** The sum of the scores given on the criteria that still exist. */
  total: number;
}

/** Every review of these applications, by application id. */
export async function reviewsOf(db: Db, registrationIds: number[]): Promise<Map<number, Review[]>> {
  const out = new Map<number, Review[]>();
  if (registrationIds.length === 0) return out;
  const [reviews, scores] = await Promise.all([
    db
      .selectFrom('event_reviews')
      .innerJoin('users', 'users.id', 'event_reviews.reviewer_id')
      .select([
        'event_reviews.id',
        'event_reviews.registration_id',
        'event_reviews.reviewer_id',
        'users.name as reviewer',
        'event_reviews.note',
        'event_reviews.updated_at',
      ])
      .where('event_reviews.registration_id', 'in', registrationIds)
      .orderBy('event_reviews.updated_at')
      .execute(),
    db
      .selectFrom('event_review_scores')
      .innerJoin('event_reviews', 'event_reviews.id', 'event_review_scores.review_id')
      .select([
        'event_review_scores.review_id',
        'event_review_scores.criterion_id',
        'event_review_scores.score',
      ])
      .where('event_reviews.registration_id', 'in', registrationIds)
      .execute(),
  ]);
  const scoresOf = new Map<number, Map<number, number>>();
  for (const s of scores) {
    const map = scoresOf.get(s.review_id) ?? new Map<number, number>();
    map.set(s.criterion_id, s.score);
    scoresOf.set(s.review_id, map);
  }
  for (const { id, registration_id, ...review } of reviews) {
    const map = scoresOf.get(id) ?? new Map<number, number>();
    const list = out.get(registration_id) ?? [];
    list.push({ ...review, scores: map, total: [...map.values()].reduce((a, b) => a + b, 0) });
    out.set(registration_id, list);
  }
  return out;
}

/** The average of the reviewers' totals, or null before the first review with a score. */
export function averageTotal(reviews: Review[] | undefined): number | null {
  const scored = (reviews ?? []).filter((r) => r.scores.size > 0);
  if (scored.length === 0) return null;
  return scored.reduce((a, r) => a + r.total, 0) / scored.length;
}

export interface BalanceRow {
  /** A country code, a category id, a gender code, or null for "not stated". */
  key: string | null;
  accepted: number;
  waitlisted: number;
  submitted: number;
}

export interface Balance {
  capacity: number | null;
  accepted: number;
  waitlisted: number;
  submitted: number;
  byCountry: BalanceRow[];
  byCategory: BalanceRow[];
  byGender: BalanceRow[];
}

/** The selection so far, counted in SQL by status and each of the three groupings. */
export async function balanceOf(db: Db, eventId: number, capacity: number | null): Promise<Balance> {
  const group = async (column: 'country' | 'category_id' | 'gender') => {
    const rows = await db
      .selectFrom('event_registrations')
      .select([column, 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('event_id', '=', eventId)
      .where('status', 'in', ['accepted', 'waitlisted', 'submitted'])
      .groupBy([column, 'status'])
      .execute();
    const byKey = new Map<string | null, BalanceRow>();
    for (const row of rows) {
      const key = row[column] === null ? null : String(row[column]);
      const entry = byKey.get(key) ?? { key, accepted: 0, waitlisted: 0, submitted: 0 };
      entry[row.status as 'accepted' | 'waitlisted' | 'submitted'] += Number(row.n);
      byKey.set(key, entry);
    }
    return [...byKey.values()].sort((a, b) => b.accepted - a.accepted || b.submitted - a.submitted);
  };
  const [byCountry, byCategory, byGender] = await Promise.all([
    group('country'),
    group('category_id'),
    group('gender'),
  ]);
  const sum = (k: 'accepted' | 'waitlisted' | 'submitted') => byGender.reduce((a, r) => a + r[k], 0);
  return {
    capacity,
    accepted: sum('accepted'),
    waitlisted: sum('waitlisted'),
    submitted: sum('submitted'),
    byCountry,
    byCategory,
    byGender,
  };
}
