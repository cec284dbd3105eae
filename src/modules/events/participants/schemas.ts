// One zod schema per form, shared by the pages, the API and the OpenAPI document, built from the
// platform's fields: a participant of the roster (with inputOf, a saved row as that input: what
// PATCH merges onto and what the edit form shows), a day's check-in, the report's texts, a linked
// document, a photo's caption. The feedback's questions and answers are a questionnaire of the
// platform, which builds their schemas (feedback.ts). Messages are locale keys.
import { z } from 'zod';
import {
  blankToNull,
  calendarDate,
  checkbox,
  choice,
  line,
  list,
  optionalChoice,
  optionalCountry,
  optionalEmail,
  optionalLine,
  recordId,
  slug,
  text,
} from '../../../platform/http/fields.ts';
import type { FormValues } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { GENDERS, ORGANISATION_KINDS } from '../../../platform/vocabularies.ts';
import { PARTICIPANT_ROLES } from '../registration/vocab.ts';
import type { Participant, ParticipantLinks } from './access.ts';
import { DOCUMENT_ROLES, MAX_REPORT_TEXT } from './vocab.ts';

/** A slug, or the address of its page pasted (…/directory/stella, …/library/decision-1755). */
const slugOrAddress = (section: string, message: MessageKey) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .trim()
            .replace(new RegExp(`^.*/${section}/`), '')
            .replace(/[/?#].*$/, '')
        : v,
    slug(message),
  );
const optionalSlugOrAddress = (section: string, message: MessageKey) =>
  z.preprocess(blankToNull, slugOrAddress(section, message).nullable().default(null));

export const eventDate = calendarDate('participants.badDay');

/** A person on the roster, as the organisers enter them (walk-ins, a published roster). */
export const participantInput = z.object({
  name: line(200).describe('The name as the certificate shows it'),
  organisation_name: optionalLine(300),
  organisation: optionalSlugOrAddress('directory', 'events.unknownOrganisation').describe(
    'Slug (or address) of a directory organisation',
  ),
  organisation_kind: optionalChoice(ORGANISATION_KINDS),
  country: optionalCountry().describe('ISO 3166-1 alpha-2, e.g. LA'),
  category_id: z.preprocess(blankToNull, recordId().nullable().default(null)),
  /** Optional: null means the person did not say. */
  gender: optionalChoice(GENDERS).describe('woman, man, another; null when not stated'),
  role: choice(PARTICIPANT_ROLES).default('participant'),
  networking_consent: checkbox(),
  /** The participant's account, by its email: links the certificate and the feedback form to them. */
  account: optionalEmail().describe('Email of the participant’s account'),
  person: optionalSlugOrAddress('directory/people', 'participants.unknownPerson').describe(
    'Slug (or address) of a people profile',
  ),
});
export type ParticipantInput = z.infer<typeof participantInput>;

/** A saved row as input: what PATCH merges the sent fields onto. */
export function inputOf(row: Participant, links: ParticipantLinks): ParticipantInput {
  return {
    name: row.name,
    organisation_name: row.organisation_name,
    organisation: links.organisation,
    organisation_kind: row.organisation_kind,
    country: row.country,
    category_id: row.category_id,
    gender: row.gender,
    role: row.role,
    networking_consent: row.networking_consent === 1,
    account: links.account,
    person: links.person,
  };
}

/** A saved row as the edit form shows it. */
export function formValuesOf(row: Participant, links: ParticipantLinks): FormValues {
  const input = inputOf(row, links);
  return {
    name: input.name,
    organisation_name: input.organisation_name ?? '',
    organisation: input.organisation ?? '',
    organisation_kind: input.organisation_kind ?? '',
    country: input.country ?? '',
    category_id: input.category_id === null ? '' : String(input.category_id),
    gender: input.gender ?? '',
    role: input.role,
    ...(input.networking_consent ? { networking_consent: '1' } : {}),
    account: input.account ?? '',
    person: input.person ?? '',
  };
}

const ids = list(recordId(), 5_000);

/**
 * One day's check-in form: the participants shown (`shown`) and those ticked present among them.
 * Only the shown rows change, so a page of the roster never clears the others.
 */
export const checkinSchema = z.object({ day: eventDate, shown: ids, present: ids });

/** The API's check-in: exactly these participants were there that day. */
export const checkinBodySchema = z.object({ present: z.array(z.number().int().positive()).max(5_000) });

export const outcomesSchema = z.object({
  outcomes: text(MAX_REPORT_TEXT),
  recommendations: text(MAX_REPORT_TEXT),
  feedback_public: checkbox(),
});
export type OutcomesInput = z.infer<typeof outcomesSchema>;

export const documentLinkSchema = z.object({
  document: slugOrAddress('library', 'participants.unknownDocument'),
  role: choice(DOCUMENT_ROLES).default('document'),
});

export const photoSchema = z.object({ caption: line(300) });
