// Demo content and the first administrator. The content itself is data in seed/ (taken from the
// source documents); this file only loads it. Running it twice adds nothing twice.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ROLES } from './db/schema.ts';
import { countUsers, createAccount, findUserByEmail } from './modules/accounts/index.ts';
import { systemContext } from './platform/actions.ts';
import type { AppDeps } from './platform/context.ts';
import { randomToken } from './platform/security-tokens.ts';

export const SEED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'seed');

const membersFile = z.object({
  members: z.array(
    z.object({
      name: z.string(),
      email: z.email(),
      role: z.enum(ROLES),
      locale: z.string().nullable().optional(),
      time_zone: z.string().nullable().optional(),
    }),
  ),
});

export function readSeedFile<S extends z.ZodType>(relative: string, schema: S): z.output<S> {
  const file = path.join(SEED_DIR, relative);
  return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export async function seedDemo(deps: AppDeps): Promise<{ added: number }> {
  const { db } = deps;
  let added = 0;
  const { members } = readSeedFile('platform/members.json', membersFile);
  for (const m of members) {
    if (await findUserByEmail(db, m.email)) continue;
    await createAccount(systemContext(deps, 'seed'), {
      email: m.email,
      name: m.name,
      role: m.role,
      locale: m.locale,
      timeZone: m.time_zone,
      verified: true,
    });
    added++;
  }
  for (const module of deps.modules) {
    await module.seed?.({ deps, seedDir: SEED_DIR });
  }
  return { added };
}

export function isDatabaseEmpty(deps: AppDeps): Promise<boolean> {
  return countUsers(deps.db).then((n) => n === 0);
}

/**
 * Creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD, or with a random password
 * that is returned so it can be printed once.
 */
export async function createFirstAdmin(
  deps: AppDeps,
): Promise<{ email: string; password: string; generated: boolean }> {
  const email = deps.config.adminEmail ?? 'admin@example.org';
  const generated = !deps.config.adminPassword;
  const password = deps.config.adminPassword ?? randomToken(12);
  await createAccount(
    systemContext(deps, 'cli'),
    { email, name: 'Administrator', password, role: 'admin', verified: true },
    'start',
  );
  return { email, password, generated };
}
