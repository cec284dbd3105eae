// The policies module's own code lists: the 2005 Convention's monitoring framework (goals and areas,
// kept as data and versioned, since UNESCO has revised it before), a measure's status and source,
// partners' sectors and target groups. Domains and value-chain stages are the platform's
// (platform/vocabularies.ts). Stored as these codes; shown through the locale files
// (`policies.goal.<code>`, `policies.area.<code>`, …).

/** One version of the framework a measure was reported against: its goals, and each area's goal. */
export interface MonitoringFramework {
  goals: readonly string[];
  /** Area of monitoring → its goal, in the framework's order. */
  areas: Readonly<Record<string, string>>;
}

/**
 * The monitoring framework of the 2005 Convention, by the year it was adopted. The 2015 framework
 * (the QPRs since 2016) has 4 goals and 11 areas. A later revision is a new key here; measures keep
 * the version they were reported against (`framework`), so old reports still add up.
 */
export const MONITORING_FRAMEWORKS = {
  '2015': {
    goals: ['governance', 'mobility', 'sustainable_development', 'human_rights'],
    areas: {
      cultural_creative_sectors: 'governance',
      media_diversity: 'governance',
      digital_environment: 'governance',
      civil_society: 'governance',
      artists_mobility: 'mobility',
      goods_services_flow: 'mobility',
      treaties_agreements: 'mobility',
      national_sustainable_development: 'sustainable_development',
      international_cooperation: 'sustainable_development',
      gender_equality: 'human_rights',
      artistic_freedom: 'human_rights',
    },
  },
} as const satisfies Record<string, MonitoringFramework>;

export type FrameworkVersion = keyof typeof MONITORING_FRAMEWORKS;
export const FRAMEWORK_VERSIONS = Object.keys(MONITORING_FRAMEWORKS) as [
  FrameworkVersion,
  ...FrameworkVersion[],
];
/** The framework new measures are reported against. */
export const CURRENT_FRAMEWORK: FrameworkVersion = '2015';

const current = MONITORING_FRAMEWORKS[CURRENT_FRAMEWORK];
export const GOALS = current.goals;
export type Goal = (typeof GOALS)[number];
export const AREAS = Object.keys(current.areas) as [Area, ...Area[]];
export type Area = keyof typeof current.areas;

/** The goal an area belongs to in a version of the framework. */
export function goalOfArea(area: string, version: FrameworkVersion = CURRENT_FRAMEWORK): string | undefined {
  return (MONITORING_FRAMEWORKS[version].areas as Record<string, string>)[area];
}

/** The areas of a goal, in the framework's order. */
export function areasOfGoal(goal: string, version: FrameworkVersion = CURRENT_FRAMEWORK): string[] {
  return Object.entries(MONITORING_FRAMEWORKS[version].areas)
    .filter(([, g]) => g === goal)
    .map(([a]) => a);
}

/** Where a measure stands. */
export const MEASURE_STATUSES = ['planned', 'in_force', 'ended'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Who reported it: the government (a QPR) or civil society (its own inputs, which UNESCO does not filter on). */
export const MEASURE_SOURCES = ['government', 'civil_society'] as const;
export type MeasureSource = (typeof MEASURE_SOURCES)[number];

/** The sector of a partner. */
export const PARTNER_SECTORS = ['public', 'private', 'civil_society'] as const;
export type PartnerSector = (typeof PARTNER_SECTORS)[number];

/** Whom a measure is for (the QPR form's list, shortened). */
export const TARGET_GROUPS = [
  'artists',
  'cultural_professionals',
  'cultural_enterprises',
  'civil_society',
  'public_bodies',
  'women',
  'youth',
  'children',
  'minorities_indigenous',
  'persons_with_disabilities',
  'general_public',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** The kinds of codes a measure is tagged with (one table, policy_measure_tags). */
export const TAG_KINDS = ['goal', 'area', 'domain', 'stage', 'target'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

export const SORTS = ['newest', 'oldest', 'title', 'country', 'updated'] as const;
export type Sort = (typeof SORTS)[number];

/** Common currencies of the region first; any ISO 4217 code is accepted. */
export const CURRENCY = /^[A-Z]{3}$/;

export const LIMITS = {
  title: 500,
  text: 10_000,
  bodies: 20,
  partners: 30,
  documents: 20,
  /** The comparison puts 2 to 4 countries side by side. */
  compareMin: 2,
  compareMax: 4,
} as const;
