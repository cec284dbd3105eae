// The pages around an event's roster, as one Hono sub-app mounted by the events module (index.ts)
// before the events' own pages: the roster and check-in, the report with its exports, certificates,
// networking, what came after the event (texts, documents, photos) and the feedback.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { printStylesheetUrl } from '../../../ui/print.tsx';
import { afterPages } from './routes-after.tsx';
import { feedbackPages } from './routes-feedback.tsx';
import { reportPages } from './routes-report.tsx';
import { rosterPages } from './routes-roster.tsx';

export function participantsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Where the certificates' stylesheet was served before it became the platform's print stylesheet
  // (/assets/print.<hash>.css): a page saved then still finds it. A dot is never in an event's slug,
  // and these pages are mounted first, so this path is no event's.
  app.get('/events/:file{certificate\\.[0-9a-f]{10}\\.css}', (c) => c.redirect(printStylesheetUrl(), 301));
  app.route('/', rosterPages(deps));
  app.route('/', reportPages(deps));
  app.route('/', afterPages(deps));
  app.route('/', feedbackPages(deps));
  return app;
}
