// The pages around an event's roster, as one Hono sub-app mounted by the events pages
// (events/routes.tsx): the roster and check-in, the report with its exports, certificates,
// networking, what came after the event (texts, documents, photos) and the feedback.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { CERTIFICATE_CSS_PATH, certificateStylesheet } from './certificate.tsx';
import { afterPages } from './routes-after.tsx';
import { feedbackPages } from './routes-feedback.tsx';
import { reportPages } from './routes-report.tsx';
import { rosterPages } from './routes-roster.tsx';

export function participantsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // A dot is never in an event's slug, so this path is no event's.
  app.get(CERTIFICATE_CSS_PATH, (c) => certificateStylesheet(c));
  app.route('/', rosterPages(deps));
  app.route('/', reportPages(deps));
  app.route('/', afterPages(deps));
  app.route('/', feedbackPages(deps));
  return app;
}
