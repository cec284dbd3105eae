// The JSON shapes of applications in /api/v1 (documented in the OpenAPI document), and the one
// function that writes an application in that shape.
import { z } from '@hono/zod-openapi';
import { isFileAnswer, type Question } from '../../../platform/questionnaires/index.ts';
import { GENDERS, ORGANISATION_KINDS } from '../../../platform/vocabularies.ts';
import type { Application } from './applications.ts';
import type { Review } from './reviews.ts';
import { REGISTRATION_STATUSES } from './vocab.ts';

const AnswerSchema = z.object({
  field: z.number().int(),
  label: z.string(),
  kind: z.string(),
  hidden: z.boolean().openapi({ description: 'The question is no longer asked; the answer stays' }),
  value: z
    .union([
      z.string(),
      z.number(),
      z.boolean(),
      z.array(z.string()),
      z.object({ name: z.string(), type: z.string(), size: z.number().int(), url: z.string() }),
    ])
    .openapi({ description: 'Text, a number, yes/no, the chosen options, or a file to download' }),
});

const ReviewSchema = z.object({
  reviewer: z.string(),
  note: z.string(),
  scores: z.record(z.string(), z.number().int()).openapi({ description: 'Score by criterion id' }),
  total: z.number(),
  updatedAt: z.string(),
});

export const ApplicationSchema = z
  .object({
    id: z.number().int(),
    event: z.string().openapi({ description: 'The event’s slug' }),
    status: z.enum(REGISTRATION_STATUSES),
    name: z.string(),
    organisation: z.object({ name: z.string().nullable(), slug: z.string().nullable() }),
    organisationKind: z.enum(ORGANISATION_KINDS).nullable(),
    country: z.string().nullable(),
    category: z.string().nullable(),
    gender: z
      .enum(GENDERS)
      .nullable()
      .openapi({ description: 'As the applicant chose to state it; null: not stated' }),
    networkingConsent: z.boolean(),
    answers: z.array(AnswerSchema),
    reviews: z.array(ReviewSchema).optional().openapi({ description: 'For the event’s reviewers only' }),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Application');

const BalanceRowSchema = z.object({
  key: z.string().nullable(),
  accepted: z.number().int(),
  waitlisted: z.number().int(),
  submitted: z.number().int(),
});
export const BalanceSchema = z
  .object({
    capacity: z.number().int().nullable(),
    accepted: z.number().int(),
    waitlisted: z.number().int(),
    submitted: z.number().int(),
    byCountry: z.array(BalanceRowSchema),
    byCategory: z.array(BalanceRowSchema.extend({ label: z.string().nullable() })),
    byGender: z.array(BalanceRowSchema),
  })
  .openapi('SelectionBalance');

export function toJson(
  application: Application,
  questions: Question[],
  baseUrl: string,
  eventSlug: string,
  reviews?: Review[],
): z.infer<typeof ApplicationSchema> {
  const answers = questions.flatMap((field) => {
    const value = application.answers[String(field.id)];
    if (value === undefined) return [];
    return [
      {
        field: field.id,
        label: field.label,
        kind: field.kind,
        hidden: field.hidden,
        value: isFileAnswer(value)
          ? {
              name: value.name,
              type: value.mime,
              size: value.size,
              url: `${baseUrl}/events/${eventSlug}/applications/${application.id}/files/${field.id}`,
            }
          : value,
      },
    ];
  });
  return {
    id: application.id,
    event: eventSlug,
    status: application.status,
    name: application.name,
    organisation: { name: application.organisation_name, slug: application.organisation?.slug ?? null },
    organisationKind: application.organisation_kind,
    country: application.country,
    category: application.categoryLabel,
    gender: application.gender,
    networkingConsent: application.networking_consent === 1,
    answers,
    ...(reviews
      ? {
          reviews: reviews.map((r) => ({
            reviewer: r.reviewer,
            note: r.note,
            scores: Object.fromEntries([...r.scores].map(([k, v]) => [String(k), v])),
            total: r.total,
            updatedAt: r.updated_at,
          })),
        }
      : {}),
    submittedAt: application.submitted_at,
    decidedAt: application.decided_at,
    updatedAt: application.updated_at,
  };
}
