// A server process for src/platform/jobs/processes.test.ts: the real server (runServer: the app,
// the outbox and the job runner, configured from the environment) with one more module whose jobs
// write each run to the file JOB_LOG — a one-off kind, and a recurring one every second.
import fs from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { modules } from '../src/modules/index.ts';
import type { HubModule } from '../src/platform/context.ts';
import { runServer } from '../src/server.ts';

const log = process.env.JOB_LOG ?? '';
const write = (line: string) => fs.appendFileSync(log, `${line} ${process.pid}\n`);

const jobTest: HubModule = {
  id: 'jobtest',
  jobs: [
    { name: 'test.once', run: async (_deps, _payload, run) => write(`once ${run.id}`) },
    {
      name: 'test.tick',
      // Every second, and a short lease: the test waits for runs and for a dead process's lease.
      schedule: { everyMinutes: 1 / 60 },
      leaseSeconds: 2,
      run: async (_deps, _payload, run) => write(`tick ${run.dueAt}`),
    },
  ],
};

await runServer({
  config: loadConfig(),
  port: 0,
  workers: 1,
  modules: [...modules, jobTest],
  onListening: (port) => console.log(`Listening on port ${port}`),
});
