// `hub backup <file>` and `hub restore <file>`: the database and the stored files in one archive
// (platform/backup/archive.ts). A backup is taken while the hub serves; a restore wants it stopped.
import path from 'node:path';
import { openDatabase } from '../db/index.ts';
import { createBackup, RestoreError, restoreBackup } from '../platform/backup/archive.ts';
import { DiskFileStore } from '../platform/files/store.ts';
import { type Command, UsageError, withPlatform } from './command.ts';

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export const backupCommands: Record<string, Command> = {
  backup: {
    usage: 'hub backup <file.tar.gz>',
    summary: 'Write the database and the stored files to one archive, while the hub serves.',
    options: {},
    positionals: 1,
    run: ({ positionals, config }) => {
      const file = positionals[0];
      if (!file) throw new UsageError('Say where to write the backup: hub backup <file.tar.gz>');
      return withPlatform(config, async ({ database, deps }) => {
        const manifest = await createBackup(
          { db: database.db, setup: database.setup, databaseUrl: config.databaseUrl, files: deps.files },
          file,
        );
        console.log(
          `Backup written to ${file}: ${sum(manifest.tables)} rows in ${Object.keys(manifest.tables).length} tables, ` +
            `${manifest.files.count} stored files (${manifest.files.bytes} bytes).`,
        );
      });
    },
  },
  restore: {
    usage: 'hub restore <file.tar.gz> [--force]',
    summary: 'Put a backup in place of the database and add its files; stop the server first.',
    options: {
      force: { type: 'boolean', description: 'Replace a database that already holds data' },
    },
    positionals: 1,
    run: async ({ positionals, values, config }) => {
      const file = positionals[0];
      if (!file) throw new UsageError('Say which backup to restore: hub restore <file.tar.gz>');
      const files = new DiskFileStore(config.dataDir);
      const force = values.force === true;
      try {
        if (!config.databaseUrl) {
          // SQLite: the file is replaced, so nothing may hold it open (not even this command).
          const target = { dialect: 'sqlite' as const, file: path.join(config.dataDir, 'hub.sqlite') };
          report(await restoreBackup(target, files, file, { force }));
          return;
        }
        const database = openDatabase(config);
        try {
          const target = { dialect: 'postgres' as const, url: config.databaseUrl, db: database.db };
          report(await restoreBackup(target, files, file, { force }));
        } finally {
          await database.close();
        }
      } catch (err) {
        if (err instanceof RestoreError) throw new UsageError(err.message);
        throw err;
      }
    },
  },
};

function report(result: Awaited<ReturnType<typeof restoreBackup>>) {
  console.log(
    `Restored the backup of ${result.manifest.createdAt}: ${sum(result.tables)} rows in ` +
      `${Object.keys(result.tables).length} tables and ${result.files} stored files, each checked. ` +
      '`hub start` applies the migrations of this version if the backup is older.',
  );
}
