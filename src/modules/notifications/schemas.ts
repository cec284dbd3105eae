// The inputs of the notifications module: following something, marking notifications read, the
// preferences per kind. One schema serves the form, the API and the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { checkbox, choice, line, list, recordId } from '../../platform/http/fields.ts';
import { FOLLOW_TYPES } from '../../platform/notifications/follows.ts';
import { DELIVERIES } from '../../platform/notifications/kinds.ts';

export const followTargetSchema = z.object({
  type: choice(FOLLOW_TYPES),
  key: line(120),
});

/** The follow form: a target, and whether to follow (1) or stop (0); where to go back to. */
export const followFormSchema = followTargetSchema.extend({
  follow: z.enum(['0', '1']).default('1'),
  back: z.string().max(2000).optional(),
});

/** Mark these notifications read (`id`, repeated), or all of them. */
export const readSchema = z
  .object({
    id: list(recordId(), 500).default([]),
    all: checkbox().default(false),
  })
  .openapi('MarkRead');

export const deliverySchema = choice(DELIVERIES);

export const inboxQuerySchema = z.object({
  before: recordId().optional(),
  unread: z.enum(['1', 'true']).optional(),
});
