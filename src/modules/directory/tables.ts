// The directory's tables, added to the platform's Database type (declaration merging), so every
// query on them is typed like the platform's own.
import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { ImageColumns } from '../../platform/attached-images.ts';
import type { ContactVisibility, OrganisationKind } from '../../platform/vocabularies.ts';
import type { FacetName, MemberRole, OrganisationStatus } from './vocab.ts';

export interface OrganisationsTable {
  id: Generated<number>;
  slug: string;
  kind: OrganisationKind;
  name: string;
  /** The name in Latin letters, for names written in another script. */
  name_translit: string | null;
  /** Language the name and description are written in (BCP 47). */
  lang: string;
  description: string;
  country: string;
  province: string | null;
  city: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  /** JSON array of { label, url }. */
  links: string;
  email: string | null;
  phone: string | null;
  contact_visibility: ContactVisibility;
  founded_year: number | null;
  parent_id: number | null;
  /** When an owner of the parent (or the hub's editor) confirmed the link; null while it waits. */
  parent_confirmed_at: Timestamp | null;
  opening_hours: string | null;
  status: OrganisationStatus;
  verified_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An organisation as it is stored. */
export type Organisation = Selectable<OrganisationsTable>;

export interface OrganisationTranslationsTable {
  organisation_id: number;
  lang: string;
  name: string;
  description: string;
}

export interface OrganisationFacetsTable {
  organisation_id: number;
  facet: FacetName;
  value: string;
}

export interface OrganisationMembersTable {
  organisation_id: number;
  user_id: number;
  role: MemberRole;
  created_at: Timestamp;
}

export interface OrganisationHistoryTable {
  id: Generated<number>;
  organisation_id: number;
  actor_id: number | null;
  at: Timestamp;
  /** JSON object: field → { from, to }. */
  changes: string;
}

/** An invitation by email to become a member; only the SHA-256 of the emailed token is kept. */
export interface OrganisationInvitationsTable {
  id: Generated<number>;
  organisation_id: number;
  /** Normalised (trimmed, lower case), compared with the accepting account's verified email. */
  email: string;
  role: MemberRole;
  token_hash: string;
  invited_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: number | null;
  revoked_at: Timestamp | null;
}

/** The organisation's logo, re-encoded as WebP at two sizes, kept in the database. */
export interface OrganisationLogosTable extends ImageColumns {
  organisation_id: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    organisations: OrganisationsTable;
    organisation_translations: OrganisationTranslationsTable;
    organisation_facets: OrganisationFacetsTable;
    organisation_members: OrganisationMembersTable;
    organisation_history: OrganisationHistoryTable;
    organisation_invitations: OrganisationInvitationsTable;
    organisation_logos: OrganisationLogosTable;
  }
}
