// Policies and measures: what countries (and their civil society) report under the 2005
// Convention — /measures with filters in the URL, feeds and exports, a measure's page, the form,
// the comparison of countries, the import of the Policy Monitoring Platform's spreadsheets,
// /api/v1/measures, and the blocks of a country's page and an event's report. See docs/policies.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { policiesApi } from './api.ts';
import {
  countryMeasuresBlock,
  eventMeasuresBlock,
  eventPageMeasuresBlock,
  measuresFigure,
} from './blocks.tsx';
import { policiesAccountExport } from './export.ts';
import { measureImportPages } from './import.ts';
import type en from './locales/en.json';
import { policiesMigrations } from './migrations.ts';
import { policiesModeration } from './moderation.ts';
import { policiesPages } from './routes.tsx';
import { measureSearch } from './search.ts';
import { seedPolicies } from './seed.ts';
import { policiesSitemap } from './sitemap.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const policiesModule: HubModule = {
  id: 'policies',
  nav: { href: '/measures', label: 'policies.nav', order: 25 },
  // The import's pages first: /measures/import is not a measure's id.
  pages: (deps) => measureImportPages(deps).route('/', policiesPages(deps)),
  api: policiesApi,
  migrations: policiesMigrations,
  searchProviders: [measureSearch],
  moderation: policiesModeration,
  sitemap: policiesSitemap,
  seed: seedPolicies,
  countryBlocks: [countryMeasuresBlock],
  countryFigures: [measuresFigure],
  eventBlocks: [eventPageMeasuresBlock],
  eventReportBlocks: [eventMeasuresBlock],
  accountExport: policiesAccountExport,
};

export { createMeasure } from './actions.ts';
export { loadCountryMeasures } from './blocks.tsx';
export { type CountryCounts, countsOf as measureCountsOf } from './counts.ts';
export { measuresOfCountry } from './listing.ts';
export { type MeasureInput, measureObject } from './schemas.ts';
// What the QPR module will use: the monitoring framework (goals, areas and their goal, by version),
// a country's measures, and their counts per goal, area, stage and domain.
export {
  areasOfGoal,
  CURRENT_FRAMEWORK,
  goalOfArea,
  MONITORING_FRAMEWORKS,
  type MonitoringFramework,
} from './vocab.ts';
