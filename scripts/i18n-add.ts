// Adds or updates UI strings in every locale file at once, from a JSON file of the form
// { "events.apply": { "en": "Apply", "vi": "Đăng ký", "th": "…", "lo": "…", "km": "…", "my": "…",
// "zh-Hans": "…" } }. A new key goes after the last key that shares its prefix (so a module's
// strings stay together), or at the end. Each locale file is read and rewritten in one step
// (written to a temporary file, then renamed), so two people adding keys at once do not lose each
// other's. Usage: npm run i18n:add -- strings.json
import fs from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../src/locales/index.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run i18n:add -- <strings.json>');
  process.exit(2);
}
const additions = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
const problems: string[] = [];
for (const [key, messages] of Object.entries(additions)) {
  for (const locale of LOCALES) {
    if (typeof messages[locale] !== 'string') problems.push(`${key}: no ${locale} message`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const localesDir = path.join(import.meta.dirname, '..', 'src', 'locales');
const prefixOf = (key: string) => key.slice(0, key.lastIndexOf('.') + 1);

for (const locale of LOCALES) {
  const target = path.join(localesDir, `${locale}.json`);
  const catalog = JSON.parse(fs.readFileSync(target, 'utf8')) as Record<string, unknown>;
  const entries = Object.entries(catalog);
  for (const [key, messages] of Object.entries(additions)) {
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
console.log(`${Object.keys(additions).length} keys written to ${LOCALES.length} locales.`);
