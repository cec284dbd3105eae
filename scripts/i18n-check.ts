// Lists, per locale, the keys missing from it and the keys no longer in en.json, and checks that
// every message parses as ICU and uses the same {placeholders} as English. Fails on missing keys
// and broken messages; unused keys are reported only. Also reports keys of en.json that no source
// file mentions (a key built from a template such as `role.${r}` counts as mentioned by its prefix).
import fs from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { LOCALES } from '../src/locales/index.ts';

const root = path.join(import.meta.dirname, '..');
const localesDir = path.join(root, 'src', 'locales');
const read = (l: string) =>
  JSON.parse(fs.readFileSync(path.join(localesDir, `${l}.json`), 'utf8')) as Record<string, unknown>;
const keysOf = (o: Record<string, unknown>) => Object.keys(o).filter((k) => k !== '@metadata');

function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (
      el.type === TYPE.argument ||
      el.type === TYPE.number ||
      el.type === TYPE.date ||
      el.type === TYPE.time
    )
      out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.add(el.value);
      for (const option of Object.values(el.options)) placeholders(option.value, out);
    }
    if (el.type === TYPE.tag) placeholders(el.children, out);
  }
  return out;
}

const en = read('en');
const enKeys = keysOf(en);
let failed = false;
for (const locale of LOCALES) {
  const catalog = read(locale);
  const keys = new Set(keysOf(catalog));
  const missing = enKeys.filter((k) => !keys.has(k));
  const unused = [...keys].filter((k) => !(k in en));
  const broken: string[] = [];
  for (const key of keys) {
    const message = catalog[key];
    if (typeof message !== 'string') {
      broken.push(`${key}: not a string`);
      continue;
    }
    try {
      const mine = placeholders(parse(message));
      const theirs = typeof en[key] === 'string' ? placeholders(parse(en[key] as string)) : mine;
      const diff = [...theirs].filter((p) => !mine.has(p));
      if (diff.length) broken.push(`${key}: does not use {${diff.join('}, {')}}`);
    } catch (err) {
      broken.push(`${key}: ${(err as Error).message}`);
    }
  }
  const meta = catalog['@metadata'] as Record<string, unknown> | undefined;
  const status = meta?.status ?? 'no @metadata';
  console.log(`${locale.padEnd(8)} ${keys.size - unused.length}/${enKeys.length} keys  (${status})`);
  for (const k of missing) console.log(`  missing: ${k}`);
  for (const k of unused) console.log(`  unused:  ${k}`);
  for (const b of broken) console.log(`  broken:  ${b}`);
  if (missing.length || broken.length) failed = true;
}

// Keys of en.json that no source file uses.
const sources: string[] = [];
const walk = (dir: string) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
      sources.push(fs.readFileSync(full, 'utf8'));
  }
};
walk(path.join(root, 'src'));
const text = sources.join('\n');
const prefixes = [...text.matchAll(/[`'"]([a-z][\w.]*\.)\$\{/g)].map((m) => m[1] as string);
const orphans = enKeys.filter(
  (k) => !text.includes(`'${k}'`) && !text.includes(`"${k}"`) && !prefixes.some((p) => k.startsWith(p)),
);
for (const k of orphans) console.log(`en: key not used by any source file: ${k}`);

if (failed) {
  console.error('\ni18n check failed: add the missing keys (or fix the broken messages) listed above.');
  process.exit(1);
}
console.log('\ni18n check passed.');
