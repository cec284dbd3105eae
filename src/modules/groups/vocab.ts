// The groups module's code lists: the kinds of group, who may see a group, and the roles in one.
// The labels are message keys `groups.kind.<value>`, `groups.visibility.<value>`, `groups.role.<value>`.

/** What a group is for: a working group, a country's team (the QPR's national team), a project's team… */
export const GROUP_KINDS = ['working_group', 'country_team', 'project_team', 'committee', 'network'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/**
 * public: anyone reads it all; private: listed with its name and description, the rest for its
 * members; secret: only its members (and admins) know it exists.
 */
export const GROUP_VISIBILITIES = ['public', 'private', 'secret'] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];

/** Coordinators manage the group; members take part; observers read. */
export const GROUP_ROLES = ['coordinator', 'member', 'observer'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Pages under /groups/ that are not groups: no group gets such a slug. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new', 'invitations', 'export', 'feed']);

/** Membership events shown as a group's activity (audit log actions). */
export const ACTIVITY_ACTIONS = [
  'group.created',
  'group.member_joined',
  'group.member_invited',
  'group.join_requested',
  'group.join_approved',
  'group.join_declined',
  'group.member_role_changed',
  'group.member_removed',
  'group.member_left',
] as const;
