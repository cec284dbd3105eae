// The skills module's tables, added to the platform's Database type. A framework (DigComp 2.2, an
// extension of it) has areas → competences, proficiency levels and role profiles (the level a
// role needs per competence), each text with its translations. A survey is a questionnaire of the
// platform engine (owner type 'skills_survey') tied to a framework; its items say what each
// question measures; its respondents answer through a secret link.
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';

export interface SkillFrameworksTable {
  id: Generated<number>;
  slug: string;
  version: string;
  title: string;
  description: string;
  /** Where the framework is published. */
  source: string;
  /** The framework this one extends: its areas, competences and levels are this one's too. */
  extends_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SkillAreasTable {
  id: Generated<number>;
  framework_id: number;
  code: string;
  position: number;
  title: string;
}

export interface SkillCompetencesTable {
  id: Generated<number>;
  framework_id: number;
  area_id: number;
  code: string;
  position: number;
  title: string;
  description: string;
}

export interface SkillLevelsTable {
  framework_id: number;
  level: number;
  band: string;
  description: string;
}

export interface SkillRolesTable {
  id: Generated<number>;
  framework_id: number;
  code: string;
  position: number;
  title: string;
}

export interface SkillRoleLevelsTable {
  role_id: number;
  competence_id: number;
  level: number;
}

/** Translations of an area's, a competence's or a role's title (and a competence's description). */
export interface SkillAreaTranslationsTable {
  area_id: number;
  lang: string;
  title: string;
}
export interface SkillCompetenceTranslationsTable {
  competence_id: number;
  lang: string;
  title: string;
  description: string;
}
export interface SkillRoleTranslationsTable {
  role_id: number;
  lang: string;
  title: string;
}

export interface SkillSurveysTable {
  id: Generated<number>;
  slug: string;
  title: string;
  lang: string;
  intro: string;
  framework_id: number;
  /** 'organisation' | 'group': whose managers run it. */
  owner_kind: string;
  owner_id: number;
  /** 'draft' | 'open' | 'closed'. */
  status: string;
  /** 1: its summary (cells of MIN_CELL respondents or more) is public. */
  published: number;
  /** JSON array of the ISO codes offered as the respondents' country. */
  countries: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** What a question of a survey measures, and on which page (section) it is asked. */
export interface SkillSurveyItemsTable {
  question_id: number;
  survey_id: number;
  section: number;
  /** profile | importance | ability | scenario | custom. */
  measure: string;
  competence_id: number | null;
  /** The profile field (role, country, …) or the scenario's code. */
  field: string | null;
}

export interface SkillRespondentsTable {
  id: Generated<number>;
  survey_id: number;
  /** sha256 of the secret of the respondent's link. */
  token_hash: string;
  user_id: number | null;
  /** The last section saved. */
  section: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A member invited to answer (with their group); reminded once if they have not submitted. */
export interface SkillInvitationsTable {
  survey_id: number;
  user_id: number;
  invited_at: Timestamp;
  reminded_at: Timestamp | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    skill_frameworks: SkillFrameworksTable;
    skill_areas: SkillAreasTable;
    skill_competences: SkillCompetencesTable;
    skill_levels: SkillLevelsTable;
    skill_roles: SkillRolesTable;
    skill_role_levels: SkillRoleLevelsTable;
    skill_area_translations: SkillAreaTranslationsTable;
    skill_competence_translations: SkillCompetenceTranslationsTable;
    skill_role_translations: SkillRoleTranslationsTable;
    skill_surveys: SkillSurveysTable;
    skill_survey_items: SkillSurveyItemsTable;
    skill_respondents: SkillRespondentsTable;
    skill_invitations: SkillInvitationsTable;
  }
}
