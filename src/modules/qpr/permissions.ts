// Who may do what in a country's QPR workspace, as pure predicates. The coordinator of a country's
// report is a site admin, a focal point of the country (platform/scoped-roles.ts, set by an admin
// on the country's page), or a coordinator of the country's team (a group of kind country_team):
// the role mechanisms the hub already has for "this person acts for this country". Contributors are the members a coordinator assigned a section to. A member of
// an organisation of the country brings civil-society inputs. Everyone else sees nothing of a draft.
import type { User } from '../../db/schema.ts';

/** What the loaders find out about a reader and one report (access.ts). */
export interface ReportRole {
  user: User | null;
  coordinator: boolean;
  /** The codes of the sections assigned to the reader. */
  assigned: readonly string[];
  /** The organisations of the report's country the reader is a member of. */
  organisations: readonly number[];
}

export function isCoordinator(user: User | null, country: string, coordinated: readonly string[]): boolean {
  if (!user || user.disabled_at) return false;
  return user.role === 'admin' || coordinated.includes(country);
}

/** A draft is read by its team; a submitted report the country published, by everyone. */
export function canView(report: { status: string; published: number }, role: ReportRole): boolean {
  if (report.status === 'submitted' && report.published === 1) return true;
  return canWork(role);
}

/** The team: the coordinators and the contributors. */
export const canWork = (role: ReportRole): boolean =>
  !!role.user && !role.user.disabled_at && (role.coordinator || role.assigned.length > 0);

/** A section is written by the coordinators and by the member it is assigned to, and nobody else. */
export function canEditSection(role: ReportRole, section: { assignee_id: number | null }): boolean {
  if (!role.user || role.user.disabled_at) return false;
  return role.coordinator || section.assignee_id === role.user.id;
}

/** Only a coordinator validates a section (the others move it between to do, drafting and review). */
export function canSetStatus(role: ReportRole, section: { assignee_id: number | null }, to: string): boolean {
  if (to === 'validated') return role.coordinator;
  return canEditSection(role, section);
}

/** Civil society: any member of an organisation of the country (and the coordinators, to see them). */
export const canBringInputs = (role: ReportRole): boolean =>
  !!role.user && !role.user.disabled_at && role.organisations.length > 0;

/** An input is changed by members of its organisation, until the coordinator decides. */
export function canEditInput(role: ReportRole, input: { organisation_id: number; status: string }): boolean {
  if (!role.user || role.user.disabled_at) return false;
  if (input.status !== 'draft' && input.status !== 'submitted') return false;
  return role.organisations.includes(input.organisation_id);
}

/** An input is seen by its organisation's members and by the coordinators (once sent). */
export function canSeeInput(role: ReportRole, input: { organisation_id: number; status: string }): boolean {
  if (role.organisations.includes(input.organisation_id)) return true;
  return role.coordinator && input.status !== 'draft';
}
