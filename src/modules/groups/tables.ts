// The groups module's tables, added to the platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { GroupKind, GroupRole, GroupVisibility } from './vocab.ts';

/** A group of people working together: a working group, a country team, a network… */
export interface GroupsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** BCP 47 language of the name and description. */
  lang: string;
  /** Markdown. */
  description: string;
  kind: GroupKind;
  visibility: GroupVisibility;
  /** The organisation of the directory the group belongs to, if any. */
  organisation_id: number | null;
  /** ISO 3166-1 alpha-2 code of the country the group works in, if one. */
  country: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The name and description in another language than the group's own. */
export interface GroupTranslationsTable {
  group_id: number;
  lang: string;
  name: string;
  description: string;
}

export interface GroupMembersTable {
  group_id: number;
  user_id: number;
  role: GroupRole;
  created_at: Timestamp;
}

/** An invitation by email: only the hash of the link's secret is kept (platform/invitations.ts). */
export interface GroupInvitationsTable {
  id: Generated<number>;
  group_id: number;
  email: string;
  role: GroupRole;
  token_hash: string;
  invited_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: number | null;
  revoked_at: Timestamp | null;
}

/** Someone asking to join; a coordinator approves or declines it. */
export interface GroupJoinRequestsTable {
  id: Generated<number>;
  group_id: number;
  user_id: number;
  message: string;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
  decision: 'approved' | 'declined' | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    groups: GroupsTable;
    group_translations: GroupTranslationsTable;
    group_members: GroupMembersTable;
    group_invitations: GroupInvitationsTable;
    group_join_requests: GroupJoinRequestsTable;
  }
}
