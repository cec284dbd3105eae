// The `hub` command, run in-process against a temporary SQLite database.
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cliForFile } from '../test/cli.ts';
import { sha256 } from './platform/security-tokens.ts';

const { dataDir, run } = cliForFile();

function database() {
  return new SQLite(path.join(dataDir, 'hub.sqlite'), { readonly: true });
}

describe('hub', () => {
  it('lists its commands, and each command has --help', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    for (const name of [
      'start',
      'serve',
      'migrate',
      'seed',
      'user create',
      'user set-role',
      'token create',
      'backup',
    ]) {
      expect(help.out).toContain(name);
    }
    const serve = await run('serve', '--help');
    expect(serve.code).toBe(0);
    expect(serve.out).toContain('Usage: hub serve [--port N] [--workers N]');
    expect((await run('user', 'create', '--help')).out).toContain('--password');
    const group = await run('search', '--help');
    expect(group.code).toBe(0);
    expect(group.out).toContain('hub search reindex');
  });

  it('says clearly what is wrong with a command or a flag', async () => {
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown command "frobnicate"');
    const group = await run('user', 'delete');
    expect(group.code).toBe(2);
    expect(group.err).toContain('Did you mean: hub user create, hub user set-role');
    const flag = await run('migrate', '--force');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("Unknown option '--force'");
    expect(flag.err).toContain('Usage: hub migrate');
    const seed = await run('seed');
    expect(seed.code).toBe(2);
    expect(seed.err).toContain('hub seed --demo');
    const workers = await run('serve', '--workers', 'many');
    expect(workers.code).toBe(2);
    expect(workers.err).toContain('--workers must be a whole number');
  });

  it('reports a wrong environment variable before doing anything', async () => {
    process.env.PORT = 'eighty';
    try {
      const res = await run('migrate');
      expect(res.code).toBe(2);
      expect(res.err).toContain('PORT="eighty"');
    } finally {
      delete process.env.PORT;
    }
  });

  it('refuses to run in production without BASE_URL, saying which variable to set', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const res = await run('migrate');
      expect(res.code).toBe(2);
      expect(res.err).toContain('BASE_URL="": must be set when NODE_ENV=production');
    } finally {
      if (before === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = before;
    }
  });

  it('migrates once, seeds the demo content once', async () => {
    const first = await run('migrate');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Applied: 2026_11_21_0001_platform, 2026_11_22_0001_search');
    expect((await run('migrate')).out).toContain('up to date');
    const seeded = await run('seed', '--demo');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/Demo content added \([1-9]\d* new accounts\)/);
    expect((await run('seed', '--demo')).out).toContain('(0 new accounts)');
    const db = database();
    const row = db.prepare("select role, locale from users where email = 'stella.editor@example.org'").get();
    db.close();
    expect(row).toEqual({ role: 'editor', locale: 'lo' });
  });

  it('creates accounts, changes roles (audited) and prints API tokens', async () => {
    const bad = await run('user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'emperor');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--role must be one of admin, editor, moderator, member');
    const invalid = await run('user', 'create', '--email', 'not-an-email', '--name', 'X');
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('--email is not valid');

    const created = await run(
      'user',
      'create',
      '--email',
      'Kanha@Example.org',
      '--name',
      'Kanha',
      '--role',
      'editor',
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created editor kanha@example.org with password \S{12,}/);
    expect((await run('user', 'create', '--email', 'kanha@example.org', '--name', 'Again')).err).toContain(
      'already exists',
    );

    const role = await run('user', 'set-role', '--email', 'kanha@example.org', '--role', 'moderator');
    expect(role.code).toBe(0);
    const token = await run('token', 'create', '--email', 'kanha@example.org', '--name', 'nightly sync');
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^hub_[\w-]{40,}$/);

    const db = database();
    const user = db.prepare("select id, role from users where email = 'kanha@example.org'").get() as {
      id: number;
      role: string;
    };
    expect(user.role).toBe('moderator');
    const audit = db
      .prepare("select details from audit_log where action = 'user.role_changed' and subject_id = ?")
      .get(String(user.id)) as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ from: 'editor', to: 'moderator', via: 'cli' });
    const stored = db.prepare('select token_hash from api_tokens where user_id = ?').get(user.id) as {
      token_hash: string;
    };
    expect(stored.token_hash).toBe(sha256(token.out));
    db.close();

    expect((await run('token', 'create', '--email', 'nobody@example.org')).err).toContain(
      'No account uses nobody@example.org',
    );
  });

  it('backs the database and the files up to one archive, and restores it only when told to replace', async () => {
    const file = path.join(dataDir, 'backups', 'hub-backup.tar.gz');
    const res = await run('backup', file);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(
      /Backup written to .*hub-backup\.tar\.gz: \d+ rows in \d+ tables, \d+ stored files/,
    );
    expect((await run('backup')).err).toContain('hub backup <file.tar.gz>');

    const refused = await run('restore', file);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('already holds data');
    const restored = await run('restore', file, '--force');
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('Restored the backup of');
    const db = new SQLite(path.join(dataDir, 'hub.sqlite'), { readonly: true });
    const n = db.prepare('select count(*) as n from users').get() as { n: number };
    db.close();
    expect(n.n).toBeGreaterThan(1);
  });
});
