// One schema per thing a member sends (a new thread, a reply, a translation, a moderator's change),
// serving the form, the API body and the OpenAPI document; and the forum search's filters (in the URL).
import { z } from 'zod';
import {
  checkbox,
  choice,
  integer,
  langTag,
  line,
  optionalLine,
  recordId,
  requiredText,
  slug,
} from '../../platform/http/fields.ts';
import { optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { HONEYPOT_FIELD, MAX_POST, MAX_SLOW_MODE, REACTIONS } from './vocab.ts';

/** The honeypot: people leave it empty (they never see it); anything in it marks a bot. */
const honeypot = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()).default('');

export const replyInput = z.object({
  body: requiredText(MAX_POST).describe('Markdown'),
  lang: langTag().describe('BCP 47 language the post is written in'),
  [HONEYPOT_FIELD]: honeypot.describe('Leave empty'),
});
export type ReplyInput = z.infer<typeof replyInput>;

export const threadInput = replyInput.extend({
  title: line(300),
  is_question: checkbox().describe('A question: one reply may be marked as its answer'),
});
export type ThreadInput = z.infer<typeof threadInput>;

/** A post changed by its author or a moderator; `title` renames the thread when it is the opening post. */
export const postEditInput = z.object({
  body: requiredText(MAX_POST).describe('Markdown'),
  title: optionalLine(300).describe("The thread's new title (its opening post only)"),
  [HONEYPOT_FIELD]: honeypot.describe('Leave empty'),
});
export type PostEditInput = z.infer<typeof postEditInput>;

export const translationInput = z.object({
  lang: langTag(),
  body: requiredText(MAX_POST).describe('Markdown'),
  [HONEYPOT_FIELD]: honeypot,
});
export type TranslationInput = z.infer<typeof translationInput>;

export const reactionInput = z.object({ reaction: choice(REACTIONS) });

/** A moderator's settings of a thread. */
export const threadSettingsInput = z.object({
  pinned: checkbox(),
  locked: checkbox(),
  is_question: checkbox(),
  slow_mode_seconds: integer({ min: 0, max: MAX_SLOW_MODE }, 'forums.badSlowMode'),
});
export type ThreadSettingsInput = z.infer<typeof threadSettingsInput>;

export const moveInput = z.object({ category: slug('forums.unknownCategory') });
export const mergeInput = z.object({ into: recordId('forums.unknownThread') });
export const hideInput = z.object({ reason: line(500) });
export const optionalReason = z.object({ reason: optionalLine(500) });

const day = optionalFilter(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

/** The forum search and the threads list filters, from the query string. */
export const forumSearchSchema = z.object({
  q: optionalFilter(z.string().trim().min(1).max(200)),
  category: optionalFilter(slug()),
  author: optionalFilter(z.string().trim().min(1).max(100)),
  from: day,
  to: day,
  page: pageFilter(),
});
export type ForumSearch = z.infer<typeof forumSearchSchema>;
