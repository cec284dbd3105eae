// The news module's jobs: scheduled posts made searchable at their moment.
import type { JobKind } from '../../platform/context.ts';
import { promoteDuePosts } from './actions.ts';

export const newsJobs: JobKind[] = [
  {
    name: 'news.publish-due',
    schedule: { everyMinutes: 1 },
    run: async ({ db }, _payload, { now }) => {
      // 100 at a time (each in its own transaction) until none is left.
      while ((await promoteDuePosts(db, now().toISOString())) === 100) {}
    },
  },
];
