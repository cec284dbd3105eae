// The registration pages, mounted by the events module's pages: the organisers' set-up (settings,
// the application form's builder, the rubric and reviewers), the applicant's form and application,
// and the reviewers' pages.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { applyPages } from './routes-apply.tsx';
import { reviewPages } from './routes-review.tsx';
import { settingsPages } from './routes-settings.tsx';

export function registrationPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.route('/', settingsPages(deps));
  app.route('/', applyPages(deps));
  app.route('/', reviewPages(deps));
  return app;
}
