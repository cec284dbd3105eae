// The shape of a framework as the module ships it (digcomp.ts, creative.ts) and installs it
// (install.ts): areas → competences, proficiency levels, role profiles. A text is English first,
// with translations into the UI languages where the shipped data has them.

export type Texts = { en: string } & Partial<Record<'lo' | 'km' | 'th' | 'vi' | 'my' | 'zh-Hans', string>>;

export interface CompetenceData {
  code: string;
  title: Texts;
  description?: string;
}

export interface AreaData {
  code: string;
  title: Texts;
  competences: CompetenceData[];
}

export interface LevelData {
  level: number;
  description: string;
}

export interface RoleData {
  code: string;
  title: Texts;
  /** The level most competences need for the role. */
  base: number;
  /** Competences (by code) that need another level. */
  levels: Record<string, number>;
}

export interface FrameworkData {
  slug: string;
  version: string;
  title: string;
  description: string;
  source: string;
  /** The framework whose areas, competences and levels this one adds to (by slug). */
  extends?: string;
  levels: LevelData[];
  areas: AreaData[];
  roles: RoleData[];
}
