// Wiring: open the database, build the dependencies every request uses, and serve the app on a
// port — in this process, or in N worker processes that share the port (node:cluster).
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app.tsx';
import type { Config } from './config.ts';
import { type OpenDatabase, openDatabase } from './db/index.ts';
import { migrateToLatest } from './db/migrate.ts';
import { modules } from './modules/index.ts';
import type { AppDeps, HubModule } from './platform/context.ts';
import { configureExtraction } from './platform/files/extraction.ts';
import { DiskFileStore } from './platform/files/store.ts';
import { JobRunner, jobKinds } from './platform/jobs/index.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { Outbox } from './platform/mail/outbox.ts';
import { reindexAll } from './search/rebuild.ts';

export interface Platform {
  deps: AppDeps;
  database: OpenDatabase;
  /** This process's job runner (started by listen()). */
  jobs: JobRunner;
  close: () => Promise<void>;
}

export function openPlatform(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  /** The modules served (tests add some of their own). */
  served: readonly HubModule[] = modules,
): Platform {
  const database = openDatabase(config);
  // The process's text extraction follows the configuration; its process starts at the first upload.
  configureExtraction(config.extraction);
  const outbox = new Outbox(database.db, config, logger);
  const deps: AppDeps = {
    db: database.db,
    dialect: database.setup.name,
    config,
    logger,
    outbox,
    files: new DiskFileStore(config.dataDir),
    modules: served,
  };
  const jobs = new JobRunner(deps, jobKinds(served));
  return {
    deps,
    database,
    jobs,
    close: async () => {
      await jobs.stop();
      await outbox.stop();
      await database.close();
    },
  };
}

export async function migrate(platform: Platform): Promise<string[]> {
  return migrateToLatest(
    platform.deps.db,
    platform.deps.modules.flatMap((m) => (m.migrations ? [m.migrations] : [])),
  );
}

/** Empties the search index and fills it again from every module's providers. */
export function rebuildSearchIndex(
  platform: Platform,
  onProgress?: (type: string, count: number) => void,
): Promise<number> {
  const providers = platform.deps.modules.flatMap((m) => m.searchProviders ?? []);
  return reindexAll(platform.deps.db, providers, onProgress);
}

/** Serves the app on `port` and starts the mail worker and the job runner; resolves when listening. */
export function listen(
  platform: Platform,
  port: number,
  host: string,
): Promise<{ server: ServerType; port: number }> {
  const { deps } = platform;
  const app = createApp(deps);
  deps.outbox.start();
  // Sessions, rate limits, statistics, files and the modules' scheduled work: see docs/jobs.md.
  platform.jobs.start();
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
  });
}

/**
 * Runs the platform until SIGINT/SIGTERM. With workers > 1 the primary process forks that many
 * workers, each with its own database connection, sharing one port; the primary restarts any that
 * die. `beforeServe` runs once, in the primary, before anything listens (migrations, seeding).
 */
export async function runServer(options: {
  config: Config;
  port: number;
  workers: number;
  onListening?: (port: number) => void;
  /** The modules served (default: all of src/modules/index.ts). */
  modules?: readonly HubModule[];
}): Promise<void> {
  const { config, port, workers } = options;
  const logger = createLogger(config.logLevel);
  if (workers > 1 && cluster.isPrimary) {
    let stopping = false;
    let listening = 0;
    for (let i = 0; i < workers; i++) cluster.fork();
    cluster.on('listening', () => {
      listening++;
      if (listening === workers) options.onListening?.(port);
    });
    cluster.on('exit', (worker, code) => {
      if (stopping) return;
      logger.error({ pid: worker.process.pid, code }, 'worker died; starting another');
      cluster.fork();
    });
    const stop = () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const platform = openPlatform(config, logger, options.modules);
  const { server, port: actual } = await listen(platform, port, config.host);
  if (cluster.isPrimary) options.onListening?.(actual);
  const shutdown = () => {
    server.close(() => {
      platform.close().finally(() => process.exit(0));
    });
    // Keep-alive connections must not hold the process forever.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
