// Opens the database the configuration points at: PostgreSQL when DATABASE_URL is set,
// otherwise the embedded SQLite file in DATA_DIR.
import path from 'node:path';
import { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { type DialectSetup, postgresSetup, sqliteSetup } from './dialect.ts';
import type { Database } from './schema.ts';
import { WriteCounter } from './writes.ts';

export type DB = Kysely<Database>;

export interface OpenDatabase {
  db: DB;
  setup: DialectSetup;
  close: () => Promise<void>;
}

export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): OpenDatabase {
  const setup = config.databaseUrl
    ? postgresSetup(config.databaseUrl)
    : sqliteSetup(path.join(config.dataDir, 'hub.sqlite'));
  return fromSetup(setup);
}

export function fromSetup(setup: DialectSetup): OpenDatabase {
  const db = new Kysely<Database>({ dialect: setup.dialect, plugins: [new WriteCounter()] });
  return { db, setup, close: () => db.destroy() };
}
