// The countries module's table, added to the platform's Database type (declaration merging).
import type { Timestamp } from '../../db/schema.ts';
import type { Instrument } from './vocab.ts';

/**
 * A country's status towards the 2005 Convention, as an admin or the country's focal point recorded
 * it. No row: nothing recorded yet (the page says so, not "not a Party").
 */
export interface CountryStatusesTable {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  /** 1: a Party; 0: not a Party. */
  party: number;
  /** The day the country became a Party (YYYY-MM-DD), when a source gives it. */
  party_since: string | null;
  instrument: Instrument | null;
  source_url: string | null;
  note: string;
  /** The language the note is written in (BCP 47): the writer's language on the page or in the API. */
  note_lang: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface Database {
    country_statuses: CountryStatusesTable;
  }
}
