// The people directory's tables, added to the platform's Database type (declaration merging), so
// every query on them is typed like the platform's own.
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { ImageColumns } from '../../platform/attached-images.ts';
import type { ContactVisibility } from '../../platform/vocabularies.ts';
import type { ClaimStatus, PersonFacet, PersonStatus } from './vocab.ts';

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  /** The member who owns the profile; null for a profile an editor made of someone without an account. */
  user_id: number | null;
  name: string;
  /** The name in Latin letters, for names written in another script. */
  name_translit: string | null;
  /** Language the name, title and bio are written in (BCP 47). */
  lang: string;
  title: string | null;
  bio: string;
  /** ISO 3166-1 alpha-2; where the person works. Optional: not everyone says. */
  country: string | null;
  /** JSON array of http(s) URLs. */
  links: string;
  email: string | null;
  phone: string | null;
  contact_visibility: ContactVisibility;
  status: PersonStatus;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonFacetsTable {
  person_id: number;
  facet: PersonFacet;
  value: string;
  position: number;
}

export interface PersonOrganisationsTable {
  person_id: number;
  organisation_id: number;
  role: string | null;
  /** The order the person listed them in. */
  position: number;
}

export interface PersonClaimsTable {
  id: Generated<number>;
  person_id: number;
  user_id: number;
  message: string;
  status: ClaimStatus;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
}

/** A person's photo, re-encoded as WebP at two sizes (platform/images.ts); bytes in the database. */
export interface PersonPhotosTable extends ImageColumns {
  person_id: number;
}

/** The title and bio in another language than the profile's own (`people.lang`). */
export interface PersonTranslationsTable {
  person_id: number;
  lang: string;
  title: string | null;
  bio: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    people: PeopleTable;
    person_facets: PersonFacetsTable;
    person_organisations: PersonOrganisationsTable;
    person_claims: PersonClaimsTable;
    person_photos: PersonPhotosTable;
    person_translations: PersonTranslationsTable;
  }
}
