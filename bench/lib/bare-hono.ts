// The bench's baseline: a bare Hono app on @hono/node-server that answers each captured response
// (bench/lib/baselines.ts) with the very same status, headers and bytes — compressed as the hub
// sent them — and nothing else: no middleware, no database. What the hub's own work costs is the
// difference between the two. Run as a child process: `node --import tsx bench/lib/bare-hono.ts
// <fixtures.json> <port>` (tsx only loads this file; no request goes through it).
import fs from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

interface Fixture {
  status: number;
  headers: [string, string][];
  body: string;
}

const [file = '', port = '0'] = process.argv.slice(2);
const fixtures = JSON.parse(fs.readFileSync(file, 'utf8')) as Fixture[];
const bodies = fixtures.map((f) => new Uint8Array(Buffer.from(f.body, 'base64')));

const app = new Hono();
app.get('/ready', (c) => c.text('ok'));
app.get('/t/:i', (c) => {
  const i = Number(c.req.param('i'));
  const fixture = fixtures[i];
  const body = bodies[i];
  if (!fixture || !body) return c.notFound();
  const headers = new Headers(fixture.headers);
  return new Response(body, { status: fixture.status, headers });
});

serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' });
