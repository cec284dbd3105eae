// Checks the UI strings: the platform's (src/locales/) and each module's
// (src/modules/<name>/locales/). Per folder and locale it lists the keys missing from it and the keys
// no longer in its en.json, and checks that every message parses as ICU and uses the same
// {placeholders} as English. It fails on missing keys, broken messages, a key defined in two
// folders, and a module using a key of another module (a module uses its own keys and the
// platform's). Keys of en.json that no source file mentions are reported only (a key built from a
// template such as `role.${r}` counts as mentioned by its prefix).
import fs from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { LOCALES } from '../src/locales/index.ts';
import { catalogDirs } from '../src/platform/i18n.ts';

const root = path.join(import.meta.dirname, '..');
const read = (dir: string, l: string): Record<string, unknown> => {
  const file = path.join(dir, `${l}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
};
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

let failed = false;
const fail = (line: string) => {
  console.log(line);
  failed = true;
};

/** Which folder defines each key. */
const ownerOfKey = new Map<string, string>();
for (const { owner, dir } of catalogDirs()) {
  const en = read(dir, 'en');
  const enKeys = keysOf(en);
  for (const key of enKeys) {
    const other = ownerOfKey.get(key);
    if (other) fail(`  ${key}: defined by both ${other} and ${owner}`);
    ownerOfKey.set(key, owner);
  }
  const summary: string[] = [];
  for (const locale of LOCALES) {
    const catalog = read(dir, locale);
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
    summary.push(`${locale} ${keys.size - unused.length}/${enKeys.length}`);
    for (const k of missing) fail(`  ${owner} ${locale} missing: ${k}`);
    for (const k of unused) console.log(`  ${owner} ${locale} unused:  ${k}`);
    for (const b of broken) fail(`  ${owner} ${locale} broken:  ${b}`);
  }
  console.log(`${owner.padEnd(11)} ${summary.join('  ')}`);
}

// Which source files use which keys.
const sources: { owner: string; file: string; text: string }[] = [];
const walk = (dir: string) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$|test-helpers/.test(entry.name)) {
      const rel = path.relative(root, full);
      const owner = rel.match(/^src\/modules\/([^/]+)\//)?.[1] ?? 'platform';
      sources.push({ owner, file: rel, text: fs.readFileSync(full, 'utf8') });
    }
  }
};
walk(path.join(root, 'src'));

const used = new Set<string>();
for (const { owner, file, text } of sources) {
  const prefixes = [...text.matchAll(/[`'"]([a-zA-Z][\w.]*\.)\$\{/g)].map((m) => m[1] as string);
  for (const [key, keyOwner] of ownerOfKey) {
    const literal = text.includes(`'${key}'`) || text.includes(`"${key}"`) || text.includes(`\`${key}\``);
    if (!literal && !prefixes.some((p) => key.startsWith(p))) continue;
    used.add(key);
    if (literal && keyOwner !== 'platform' && keyOwner !== owner)
      fail(`  ${file} uses ${key}, a key of the ${keyOwner} module: move it to the platform or use its own`);
  }
}
for (const [key, owner] of ownerOfKey)
  if (!used.has(key)) console.log(`  ${owner}: key not used by any source file: ${key}`);

if (failed) {
  console.error('\ni18n check failed: see the lines above.');
  process.exit(1);
}
console.log('\ni18n check passed.');
