// Digital skills mapping: competence frameworks as versioned data (DigComp 2.2 and its
// creative-sector extension, role profiles), surveys built on the platform's questionnaire engine
// (answered one section per page through a secret link, resumable anywhere), and what the answers
// say (gaps, share below the level needed, Borich need index, heatmaps) with small cells
// suppressed everywhere. Pages under /skills, API under /api/v1/skills. See docs/skills.md.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { skillsApi } from './api.ts';
import { skillsJobs, skillsNotificationKinds } from './invitations.ts';
import type en from './locales/en.json';
import { skillsMigrations } from './migrations.ts';
import { skillsPages } from './routes.tsx';
import { answerPages } from './routes-answer.tsx';
import { frameworkPages } from './routes-frameworks.tsx';
import { resultsPages } from './routes-results.tsx';
import { xlsformPages } from './routes-xlsform.tsx';
import { seedSkills } from './seed.ts';

declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const skillsModule: HubModule = {
  id: 'skills',
  nav: { href: '/skills', label: 'skills.nav', order: 60 },
  pages: (deps) =>
    frameworkPages(deps)
      .route('/', answerPages(deps))
      .route('/', resultsPages(deps))
      // Before the surveys' pages: /skills/surveys/import is not a survey's slug.
      .route('/', xlsformPages(deps))
      .route('/', skillsPages(deps)),
  api: skillsApi,
  migrations: skillsMigrations,
  seed: seedSkills,
  notificationKinds: skillsNotificationKinds,
  jobs: skillsJobs,
};
