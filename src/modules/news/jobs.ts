// The news module's jobs: scheduled posts made searchable, and announced, at their moment.
import type { JobKind } from '../../platform/context.ts';
import { promoteDuePosts } from './actions.ts';

export const newsJobs: JobKind[] = [
  {
    name: 'news.publish-due',
    schedule: { everyMinutes: 1 },
    run: async (deps, _payload, { now }) => {
      // 100 at a time (each in its own transaction) until none is left.
      while ((await promoteDuePosts(deps, now().toISOString())) === 100) {}
    },
  },
];
