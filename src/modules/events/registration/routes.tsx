// The registration pages, mounted by the events module's pages: the organisers' set-up, the
// applicant's form and application, and the reviewers' pages.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { applyPages } from './routes-apply.tsx';
import { formPages } from './routes-form.tsx';
import { reviewPages } from './routes-review.tsx';
import { rubricPages } from './routes-rubric.tsx';
import { settingsPages } from './routes-settings.tsx';

export function registrationPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.route('/', settingsPages(deps));
  app.route('/', formPages(deps));
  app.route('/', rubricPages(deps));
  app.route('/', applyPages(deps));
  app.route('/', reviewPages(deps));
  return app;
}
