// The QPR workspace: where a country's team drafts its Quadrennial Periodic Report on the 2005
// Convention together — the report in the official structure (kept as data, versioned), sections
// assigned with due dates, statuses, comments and a full history with differences and restore, a
// dashboard, reminders; civil-society inputs accepted into the report and the measures database;
// the DOCX, print and spreadsheet exports; submission (then read-only) and publication on the
// country's page; /api/v1/qpr. See docs/qpr.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { qprApi } from './api.ts';
import { countryReportsBlock } from './blocks.tsx';
import { qprJobs } from './jobs.ts';
import type en from './locales/en.json';
import { qprMigrations } from './migrations.ts';
import { qprNotificationKinds } from './notifications.ts';
import { qprPages } from './routes.tsx';
import { seedQpr } from './seed.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const qprModule: HubModule = {
  id: 'qpr',
  accountMenu: [{ href: '/qpr', label: 'qpr.menu' }],
  pages: qprPages,
  api: qprApi,
  migrations: qprMigrations,
  seed: seedQpr,
  jobs: qprJobs,
  notificationKinds: qprNotificationKinds,
  countryBlocks: [countryReportsBlock],
};
