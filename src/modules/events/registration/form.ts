// An event's application form is a questionnaire of the platform (platform/questionnaires), owned
// by "event_application" and the event's id; each registration's answers are its response, with
// the registration's id as respondent. This file says what the form offers (the kinds of question,
// at most MAX_FORM_FIELDS), who may change it (the organisers) and how a change is audited; the
// builder's pages are the platform's, in the organisers' pages (routes-settings.tsx).
import type { QuestionnaireOwner, QuestionnaireOwnerRef } from '../../../platform/questionnaires/index.ts';
import { canManage } from './permissions.ts';
import { FORM_FIELD_KINDS, MAX_FORM_FIELDS } from './vocab.ts';

export const APPLICATION_FORM = 'event_application';

/** The application form of an event, by its id. */
export const applicationForm = (eventId: number): QuestionnaireOwnerRef => ({
  type: APPLICATION_FORM,
  id: eventId,
});

const WHAT = { added: 'field added', changed: 'field changed', deleted: 'field deleted' } as const;

/** The application form as its organisers change it (`organiser`: the reader organises the event). */
export function applicationFormOwner(event: { id: number }, organiser: boolean): QuestionnaireOwner {
  return {
    ...applicationForm(event.id),
    kinds: FORM_FIELD_KINDS,
    maxQuestions: MAX_FORM_FIELDS,
    mayEdit: (user) => canManage(user, organiser),
    audit: (change) => ({
      action: 'event.form_changed',
      subjectType: 'event',
      subjectId: event.id,
      details:
        change.what === 'moved'
          ? { what: `field moved ${change.direction}`, field: change.question.id }
          : {
              what: WHAT[change.what],
              field: change.question.id,
              ...(change.what === 'deleted' ? { label: change.question.label } : {}),
            },
    }),
  };
}
