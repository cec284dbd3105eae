// Who may do what with frameworks and surveys: pure predicates and the scoped action the survey
// rules rest on. A survey belongs to an organisation (its owners and editors run it) or a group
// (its coordinators); admins may everything. Answering needs only the survey open and the link.
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import { inGroup, inOrganisation, type Scope, scopedAction } from '../../platform/scopes.ts';

/** Frameworks are reference data: admins add and edit them. */
export const canEditFrameworks = (user: User | null): boolean =>
  !!user && !user.disabled_at && hasRole(user, 'admin');

/** Any signed-in member may start a survey, for an organisation or group they run (checked with `manageSurvey`). */
export const canStartSurvey = (user: User | null): boolean => !!user && !user.disabled_at;

export const manageSurvey = scopedAction('skills.manageSurvey', {
  organisation: ['owner', 'editor'],
  group: ['coordinator'],
});

export const ownerScope = (survey: { owner_kind: string; owner_id: number }): Scope =>
  survey.owner_kind === 'group' ? inGroup(survey.owner_id) : inOrganisation(survey.owner_id);

/** Answers are taken while the survey is open, and only then. */
export const isAnswerable = (survey: { status: string }): boolean => survey.status === 'open';

/** Its settings and questions change while it is a draft or open; a closed survey is a record. */
export const isEditable = (survey: { status: string }): boolean => survey.status !== 'closed';

/** The summary is read by the survey's managers, and by everyone once published. */
export const summaryIsPublic = (survey: { published: number }): boolean => survey.published === 1;
