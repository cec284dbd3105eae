// One schema for a group (the form, the API body, the OpenAPI document), the saved group as that
// input, the members' forms, and the list's filters.
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  choice,
  email,
  langTag,
  line,
  optionalCountry,
  recordId,
  slug,
  text,
} from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { choiceFilter, filterQueryOf, optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { formValuesFrom, savedInput } from '../../platform/http/record-input.ts';
import { translatedTexts } from '../../platform/http/translation-rows.ts';
import type { GroupDetails } from './access.ts';
import { GROUP_KINDS, GROUP_ROLES, GROUP_VISIBILITIES } from './vocab.ts';

const TRANSLATED = translatedTexts({ short: 'name', long: 'description' });

const translation = TRANSLATED.row(
  { name: line(200, 'groups.translationName'), description: text(10_000) },
  'groups.translationEmpty',
);

export const groupObject = z.object({
  name: line(200),
  lang: langTag().describe('BCP 47 language of the name and description'),
  description: text(10_000).describe('Markdown'),
  kind: choice(GROUP_KINDS).describe(GROUP_KINDS.join(', ')),
  visibility: choice(GROUP_VISIBILITIES).describe(
    'public: anyone reads it; private: listed (name and description), the rest for members; secret: members only',
  ),
  organisation: z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .trim()
              .replace(/^.*\/directory\//, '')
              .replace(/[/?#].*$/, '') || null
          : v,
      slug('groups.unknownOrganisation').nullable().default(null),
    )
    .describe('Slug of the organisation of the directory the group belongs to; null for none'),
  country: optionalCountry().describe('ISO 3166-1 alpha-2 code of the country the group works in'),
  translations: TRANSLATED.list(translation, 'The name and description in other languages, one per language'),
});

export const groupInput = TRANSLATED.input(groupObject);
export type GroupInput = z.infer<typeof groupObject>;

export function inputOf(group: GroupDetails): GroupInput {
  return savedInput(groupObject, group, { organisation: group.organisation?.slug ?? null });
}

export function formValuesOf(group: GroupDetails): FormValues {
  const { translations, ...fields } = inputOf(group);
  return { ...formValuesFrom(fields), ...TRANSLATED.formValues(translations) };
}

// ── The members' forms ─────────────────────────────────────────────────────────────────────────

export const inviteSchema = z.object({ email: email(), role: choice(GROUP_ROLES).default('member') });
export type InviteInput = z.infer<typeof inviteSchema>;

export const roleChangeSchema = z.object({ user_id: recordId(), role: choice(GROUP_ROLES) });
export const memberChoiceSchema = z.object({ user_id: recordId() });
export const invitationChoiceSchema = z.object({ invitation_id: recordId() });
export const joinRequestSchema = z.object({ message: text(2_000) });
export const decisionSchema = z.object({
  request_id: recordId(),
  decision: choice(['approve', 'decline'] as const),
});

// ── The list ───────────────────────────────────────────────────────────────────────────────────

export const groupFilterSchema = z.object({
  q: optionalFilter(z.string().trim().min(1).max(200)),
  kind: choiceFilter(GROUP_KINDS),
  country: optionalFilter(z.string().refine(isCountryCode)),
  /** The groups an organisation of the directory runs (its page links here). */
  organisation: optionalFilter(
    z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(120),
  ),
  page: pageFilter(),
});
export type GroupFilter = z.infer<typeof groupFilterSchema>;

export function filterQuery(filter: GroupFilter, extra: { page?: boolean } = {}): string {
  const page = extra.page && filter.page > 1 ? filter.page : undefined;
  return filterQueryOf({ ...filter, page }, ['q', 'kind', 'country', 'organisation', 'page']);
}
