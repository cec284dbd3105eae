// The `hub` command. Configuration comes from the environment (see config.ts and the README);
// flags only say what to do.
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { backupCommands } from './commands/backup.ts';
import { type Command, type Options, UsageError, withPlatform } from './commands/command.ts';
import { jobsCommands } from './commands/jobs.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { ROLES, type Role } from './db/schema.ts';
import {
  createAccount,
  createToken,
  emailField,
  findUserByEmail,
  nameField,
  newPasswordField,
  normaliseEmail,
} from './modules/accounts/index.ts';
import { changeRole } from './modules/admin/index.ts';
import { systemContext } from './platform/actions.ts';
import { HttpError } from './platform/http/errors.ts';
import { randomToken } from './platform/security-tokens.ts';
import { indexNeedsRebuild } from './search/rebuild.ts';
import { createFirstAdmin, isDatabaseEmpty, seedDemo } from './seed.ts';
import { migrate, type Platform, rebuildSearchIndex, runServer } from './server.ts';

/** --port and --workers, of the commands that serve. */
const serveOptions = (workers: string): Options => ({
  port: { type: 'string', description: 'Port to listen on (default: PORT or 3000)' },
  workers: { type: 'string', description: workers },
});

/** --email, naming an existing account. */
const ACCOUNT_EMAIL: Options = {
  email: { type: 'string', description: 'Email address of the account (required)' },
};

const COMMANDS: Record<string, Command> = {
  start: {
    usage: 'hub start [--port N] [--workers N]',
    summary: 'Migrate, add the demo content when the database is empty, and serve (what `npm start` runs).',
    options: serveOptions('Number of worker processes (default 1)'),
    run: async ({ values, config }) => {
      const port = portOf(values.port, config);
      const workers = workersOf(values.workers);
      let admin: Awaited<ReturnType<typeof createFirstAdmin>> | undefined;
      // Worker processes (--workers) re-run this command: only the primary prepares the database.
      if (cluster.isPrimary)
        await withPlatform(config, async (platform) => {
          await migrate(platform);
          if (await isDatabaseEmpty(platform.deps)) {
            admin = await createFirstAdmin(platform.deps);
            await seedDemo(platform.deps);
          }
          // The index is built with this Node's ICU: after an upgrade it is rebuilt once, here.
          const index = await indexNeedsRebuild(platform.deps.db);
          if (index.stale) {
            console.log(
              `Search index: built with ${index.built ?? 'nothing yet'}; rebuilding for ${index.current}.`,
            );
            await rebuildSearchIndex(platform);
          }
        });
      await runServer({
        config,
        port,
        workers,
        onListening: (actual) => {
          const url = config.baseUrl.replace(`:${config.port}`, `:${actual}`);
          console.log(
            `\n${config.siteName} is running at ${url}  (${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`})`,
          );
          if (admin) {
            console.log(`Administrator: ${admin.email}`);
            console.log(
              admin.generated
                ? `Password:      ${admin.password}   (shown once — write it down or change it on the account page)`
                : 'Password:      the one in ADMIN_PASSWORD',
            );
          }
          console.log('Stop with Ctrl+C.\n');
        },
      });
    },
  },
  serve: {
    usage: 'hub serve [--port N] [--workers N]',
    summary: 'Serve the platform (run `hub migrate` first).',
    options: serveOptions('Number of worker processes sharing the port (default 1)'),
    run: ({ values, config }) =>
      runServer({
        config,
        port: portOf(values.port, config),
        workers: workersOf(values.workers),
        onListening: (actual) => console.log(`Listening on port ${actual}`),
      }),
  },
  migrate: {
    usage: 'hub migrate',
    summary: 'Bring the database schema up to date.',
    options: {},
    run: ({ config }) =>
      withPlatform(config, async (platform) => {
        const done = await migrate(platform);
        console.log(done.length ? `Applied: ${done.join(', ')}` : 'The database is up to date.');
      }),
  },
  seed: {
    usage: 'hub seed --demo',
    summary: 'Add the demo content taken from the source documents (safe to run twice).',
    options: { demo: { type: 'boolean', description: 'Add the demo content' } },
    run: ({ values, config }) => {
      if (!values.demo) throw new UsageError('Say what to seed: hub seed --demo');
      return withPlatform(config, async (platform) => {
        await migrate(platform);
        const { added } = await seedDemo(platform.deps);
        console.log(`Demo content added (${added} new accounts).`);
      });
    },
  },
  'user create': {
    usage: 'hub user create --email E --name N [--role admin|editor|moderator|member] [--password P]',
    summary: 'Create a verified account. Without --password a random one is printed.',
    options: {
      email: { type: 'string', description: 'Email address (required)' },
      name: { type: 'string', description: 'Display name (required)' },
      role: { type: 'string', description: 'admin, editor, moderator or member (default member)' },
      password: { type: 'string', description: 'Password (at least 10 characters)' },
    },
    run: ({ values, config }) => {
      const email = normaliseEmail(parseWith(emailField, values.email, '--email'));
      const name = parseWith(nameField, values.name, '--name');
      const role = roleOf(values.role ?? 'member');
      const generated = values.password === undefined;
      const password = generated
        ? randomToken(12)
        : parseWith(newPasswordField, values.password, '--password');
      return withPlatform(config, async ({ deps }) => {
        if (await findUserByEmail(deps.db, email))
          throw new UsageError(`An account with ${email} already exists.`);
        await createAccount(systemContext(deps, 'cli'), { email, name, password, role, verified: true });
        console.log(`Created ${role} ${email}${generated ? ` with password ${password}` : ''}`);
      });
    },
  },
  'user set-role': {
    usage: 'hub user set-role --email E --role admin|editor|moderator|member',
    summary: 'Change the role of an account (recorded in the audit log).',
    options: { ...ACCOUNT_EMAIL, role: { type: 'string', description: 'The new role (required)' } },
    run: ({ values, config }) => {
      const email = parseWith(emailField, values.email, '--email');
      const role = roleOf(values.role);
      return withPlatform(config, async ({ deps }) => {
        const user = await accountOf(deps, email);
        try {
          await changeRole(systemContext(deps, 'cli'), user.id, role);
        } catch (err) {
          if (err instanceof HttpError && err.status === 409)
            throw new UsageError('The hub needs at least one active administrator.');
          throw err;
        }
        console.log(`${email} is now ${role}.`);
      });
    },
  },
  'token create': {
    usage: 'hub token create --email E [--name N]',
    summary: 'Print a new personal API token for the account (for scripts and integrations).',
    options: {
      ...ACCOUNT_EMAIL,
      name: { type: 'string', description: 'What the token is for (default "command line")' },
    },
    run: ({ values, config }) => {
      const email = parseWith(emailField, values.email, '--email');
      const name = parseWith(nameField, values.name ?? 'command line', '--name');
      return withPlatform(config, async ({ deps }) => {
        const user = await accountOf(deps, email);
        if (user.disabled_at) throw new UsageError(`The account ${email} is disabled.`);
        // The account's own token, made from the command line (the audit entry says so).
        const { token } = await createToken({ ...systemContext(deps, 'cli'), user }, name);
        console.log(token);
      });
    },
  },
  'search reindex': {
    usage: 'hub search reindex',
    summary: 'Rebuild the search index from every module (after an upgrade of Node or its ICU data).',
    options: {},
    run: ({ config }) =>
      withPlatform(config, async (platform) => {
        await migrate(platform);
        const total = await rebuildSearchIndex(platform, (type, count) => console.log(`  ${type}: ${count}`));
        console.log(`Search index rebuilt: ${total} records.`);
      }),
  },
  ...backupCommands,
  ...jobsCommands,
};

/** The account of `email`, or a usage error. */
async function accountOf(deps: Platform['deps'], email: string) {
  const user = await findUserByEmail(deps.db, email);
  if (!user) throw new UsageError(`No account uses ${email}.`);
  return user;
}

function parseWith<T>(
  schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
  value: unknown,
  flag: string,
): T {
  if (value === undefined) throw new UsageError(`${flag} is required.`);
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${flag} is not valid: ${JSON.stringify(value)}`);
  return result.data as T;
}

function roleOf(value: unknown): Role {
  if (typeof value !== 'string' || !(ROLES as readonly string[]).includes(value)) {
    throw new UsageError(
      `--role must be one of ${ROLES.join(', ')}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}.`,
    );
  }
  return value as Role;
}

function portOf(value: unknown, config: Config): number {
  if (value === undefined) return config.port;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number (got ${JSON.stringify(value)}).`);
  return port;
}

function workersOf(value: unknown): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--workers must be a whole number from 1 to 64 (got ${JSON.stringify(value)}).`);
  return n;
}

function helpOf(command: Command): string {
  const lines = [`Usage: ${command.usage}`, '', command.summary];
  const opts = Object.entries(command.options);
  if (opts.length) {
    lines.push('', 'Options:');
    for (const [name, o] of opts) lines.push(`  --${name.padEnd(12)} ${o.description}`);
  }
  lines.push('  --help         Show this help');
  return lines.join('\n');
}

function overview(): string {
  const lines = ['Usage: hub <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(15)} ${c.summary}`);
  lines.push('', 'Run `hub <command> --help` for the options of a command.');
  lines.push(
    'Configuration comes from environment variables (PORT, DATA_DIR, DATABASE_URL, BASE_URL, SMTP_URL, …): see the README.',
  );
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    console.log(overview());
    return first ? 0 : 2;
  }
  const twoWord = second && !second.startsWith('-') ? `${first} ${second}` : undefined;
  const name = twoWord && COMMANDS[twoWord] ? twoWord : first;
  const command = COMMANDS[name];
  if (!command) {
    const group = Object.keys(COMMANDS).filter((k) => k.startsWith(`${first} `));
    if (group.length && (second === '--help' || second === '-h')) {
      console.log(group.map((g) => `  hub ${g.padEnd(16)} ${COMMANDS[g]?.summary}`).join('\n'));
      return 0;
    }
    console.error(
      group.length
        ? `Unknown command "${argv.slice(0, 2).join(' ')}". Did you mean: ${group.map((g) => `hub ${g}`).join(', ')}?`
        : `Unknown command "${first}". Run \`hub --help\` for the list.`,
    );
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(helpOf(command));
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }])),
      allowPositionals: (command.positionals ?? 0) > 0,
      strict: true,
    });
    if (parsed.positionals.length > (command.positionals ?? 0))
      throw new Error(`Unexpected argument "${parsed.positionals.at(-1)}"`);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${helpOf(command)}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  try {
    await command.run({
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
      config,
    });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      return 2;
    }
    console.error(err instanceof Error ? `Error: ${err.message}` : err);
    return 1;
  }
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
const isBin = process.env.HUB_BIN === '1';
if (isEntry || isBin) {
  main(process.argv.slice(2)).then((code) => {
    // Servers keep running; one-shot commands end here.
    if (code !== 0 || !['start', 'serve'].includes(process.argv[2] ?? '')) process.exitCode = code;
  });
}
