// Static files under src/ui/assets, served at /assets/<name>.<hash>.<ext> with a year-long,
// immutable cache. The bytes and their gzip and brotli forms are prepared once at start.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

export interface Asset {
  url: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

function loadAssets(): Map<string, Asset> {
  const byName = new Map<string, Asset>();
  for (const name of fs.readdirSync(DIR)) {
    const ext = path.extname(name);
    const type = TYPES[ext];
    if (!type) continue;
    const body = fs.readFileSync(path.join(DIR, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    byName.set(name, {
      url: `/assets/${path.basename(name, ext)}.${hash}${ext}`,
      type,
      body,
      gzip: gzipSync(body, { level: 9 }),
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    });
  }
  return byName;
}

export const assets = loadAssets();
export const assetsByUrl = new Map([...assets.values()].map((a) => [a.url, a]));

/** The hashed URL of an asset, by its file name. */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`No asset named ${name} in src/ui/assets`);
  return asset.url;
}
