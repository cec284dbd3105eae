// The policies module's tables, added to the platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';

/** A cultural policy or measure of a country, as a QPR (or civil society) reports it. */
export interface PolicyMeasuresTable {
  id: Generated<number>;
  title: string;
  /** BCP 47 language the title and texts are written in. */
  lang: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The year of the report that describes it (a QPR's year, or the year it was added). */
  report_year: number;
  /** The version of the monitoring framework its goals and areas belong to (vocab.ts). */
  framework: string;
  description: string;
  main_features: string;
  website: string | null;
  expected_results: string;
  achieved_results: string;
  /** A budget as a number; null when not given ("not available" is common: see budget_note). */
  budget_amount: number | null;
  /** ISO 4217. */
  budget_currency: string | null;
  budget_note: string;
  /** 0/1. */
  evaluated: number;
  evaluation_findings: string;
  /** 0/1: whether the measure is aimed at young people. */
  youth: number;
  /** 'government' | 'civil_society'. */
  source: string;
  /** 'planned' | 'in_force' | 'ended'. */
  status: string;
  /** The event it was presented at (a policy dialogue); null for none. */
  event_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PolicyMeasureTranslationsTable {
  measure_id: number;
  lang: string;
  title: string;
  description: string;
}

/** The codes a measure is tagged with: its goals, areas, domains, value-chain stages, target groups. */
export interface PolicyMeasureTagsTable {
  measure_id: number;
  /** goal | area | domain | stage | target. */
  kind: string;
  code: string;
}

/** Who implements it: an organisation of the directory, or a name. */
export interface PolicyMeasureBodiesTable {
  measure_id: number;
  position: number;
  organisation_id: number | null;
  name: string;
}

/** Its partners and their sector. */
export interface PolicyMeasurePartnersTable {
  measure_id: number;
  position: number;
  name: string;
  /** public | private | civil_society. */
  sector: string;
}

/** The library documents it rests on (a law, a decree). */
export interface PolicyMeasureDocumentsTable {
  measure_id: number;
  document_id: number;
}

/**
 * How many measures of a country have each code (kind 'total', code '': how many it has), kept by
 * the actions in the transaction of each write (counts.ts).
 */
export interface PolicyMeasureCountsTable {
  country: string;
  kind: string;
  code: string;
  n: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    policy_measures: PolicyMeasuresTable;
    policy_measure_translations: PolicyMeasureTranslationsTable;
    policy_measure_tags: PolicyMeasureTagsTable;
    policy_measure_bodies: PolicyMeasureBodiesTable;
    policy_measure_partners: PolicyMeasurePartnersTable;
    policy_measure_documents: PolicyMeasureDocumentsTable;
    policy_measure_counts: PolicyMeasureCountsTable;
  }
}
