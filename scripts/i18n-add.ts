// Adds or updates UI strings in every locale file at once, from a JSON file of the form
// { "events.apply": { "en": "Apply", "vi": "Đăng ký", "th": "…", "lo": "…", "km": "…", "my": "…",
// "zh-Hans": "…" } }. Each key goes to the folder that already has it, else to the folder that has
// keys sharing its longest prefix (`events.` → src/modules/events/locales/), else to the platform's
// src/locales/; `--module <name>` (or `--module platform`) says where instead. A new key goes after
// the last key that shares its prefix (so related strings stay together), or at the end. Each file
// is read and rewritten in one step (written to a temporary file, then renamed), so two people
// adding keys at once do not lose each other's.
// Usage: npm run i18n:add -- strings.json [--module events]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES } from '../src/locales/index.ts';
import { catalogDirs } from '../src/platform/i18n.ts';

const { positionals, values: flags } = parseArgs({
  allowPositionals: true,
  options: { module: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run i18n:add -- <strings.json> [--module <name>|platform]');
  process.exit(2);
}
const additions = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
const problems: string[] = [];
for (const [key, messages] of Object.entries(additions)) {
  for (const locale of LOCALES) {
    if (typeof messages[locale] !== 'string') problems.push(`${key}: no ${locale} message`);
  }
}

const dirs = catalogDirs();
const readJson = (target: string): Record<string, unknown> =>
  fs.existsSync(target) ? JSON.parse(fs.readFileSync(target, 'utf8')) : {};
const englishOf = new Map(dirs.map(({ owner, dir }) => [owner, readJson(path.join(dir, 'en.json'))]));
const prefixOf = (key: string) => key.slice(0, key.lastIndexOf('.') + 1);

/** The folder a key belongs to. */
function ownerOf(key: string): string {
  if (flags.module) return flags.module;
  for (const [owner, en] of englishOf) if (key in en) return owner;
  let best = { owner: 'platform', length: 0 };
  for (const [owner, en] of englishOf)
    for (const k of Object.keys(en)) {
      let n = 0;
      while (n < k.length && n < key.length && k[n] === key[n]) n++;
      const shared = key.slice(0, n);
      const length = shared.lastIndexOf('.') + 1;
      if (length > best.length) best = { owner, length };
    }
  return best.owner;
}

const byOwner = new Map<string, Record<string, Record<string, string>>>();
for (const [key, messages] of Object.entries(additions)) {
  const owner = ownerOf(key);
  if (!dirs.some((d) => d.owner === owner))
    problems.push(`${key}: no module "${owner}" with a locales folder`);
  byOwner.set(owner, { ...byOwner.get(owner), [key]: messages });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

for (const [owner, keys] of byOwner) {
  const dir = dirs.find((d) => d.owner === owner)?.dir as string;
  for (const locale of LOCALES) {
    const target = path.join(dir, `${locale}.json`);
    const entries = Object.entries(readJson(target));
    for (const [key, messages] of Object.entries(keys)) {
      const message = messages[locale] as string;
      const at = entries.findIndex(([k]) => k === key);
      if (at >= 0) {
        entries[at] = [key, message];
        continue;
      }
      const prefix = prefixOf(key);
      let last = -1;
      entries.forEach(([k], i) => {
        if (prefix && k.startsWith(prefix)) last = i;
      });
      if (last >= 0) entries.splice(last + 1, 0, [key, message]);
      else entries.push([key, message]);
    }
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`);
    fs.renameSync(temp, target);
  }
  console.log(
    `${Object.keys(keys).length} keys written to ${path.relative(process.cwd(), dir)} (${LOCALES.length} locales).`,
  );
}
