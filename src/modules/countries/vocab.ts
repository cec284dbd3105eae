// The countries module's code lists.

/**
 * The countries of the region: each has a page even before the hub holds anything about it.
 * - ASEAN's members: Brunei Darussalam, Cambodia, Indonesia, Lao PDR, Malaysia, Myanmar, the
 *   Philippines, Singapore, Thailand, Viet Nam — the Southeast Asia the platform is for (DESIGN.md);
 * - Timor-Leste: in Southeast Asia, ASEAN's eleventh member, and a participant of the Qingdao
 *   meeting of seed 004;
 * - Northeast Asia as UNESCO's Beijing cluster office covers it (seed 004: "China, Japan, Mongolia
 *   and the Republic of Korea in the Northeast Asian sub-region covered by the Beijing Cluster
 *   Office"), with the Democratic People's Republic of Korea, which the same office covers.
 * Any other country gets a page once the hub holds something about it (a figure above 0, a status).
 */
export const REGION_COUNTRIES = [
  'BN',
  'KH',
  'ID',
  'LA',
  'MY',
  'MM',
  'PH',
  'SG',
  'TH',
  'VN',
  'TL',
  'CN',
  'JP',
  'KR',
  'KP',
  'MN',
] as const;

const region: ReadonlySet<string> = new Set(REGION_COUNTRIES);
export const inRegion = (code: string): boolean => region.has(code);

/** How a State became a Party to the 2005 Convention (its Article 26, 27). */
export const INSTRUMENTS = ['ratification', 'acceptance', 'approval', 'accession'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** The day the General Conference adopted the Convention: no one is a Party before it. */
export const CONVENTION_ADOPTED = '2005-10-20';
