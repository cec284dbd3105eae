// Does the registration form tell, by its timing, whether an address has an account? (issue 19,
// point 8.) Sends POST /register through the real app in this process, alternating an address that
// has an account and new ones, and prints the latency of each: the two should be alike, since both
// branches hash the password once. A timing, so a bench and never a test.
//   npm run bench:register -- [--rounds 40]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.tsx';
import { loadConfig } from '../src/config.ts';
import { createAccount } from '../src/modules/accounts/index.ts';
import { systemContext } from '../src/platform/actions.ts';
import { createLogger } from '../src/platform/logger.ts';
import { migrate, openPlatform } from '../src/server.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '40' } } });
const rounds = Number(values.rounds);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-register-'));
const config = loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: '1', LOG_LEVEL: 'silent' });
const platform = openPlatform(config, createLogger('silent'));
try {
  await migrate(platform);
  const known = 'known@example.org';
  await createAccount(systemContext(platform.deps, 'cli'), {
    email: known,
    name: 'Known',
    password: 'a long enough password',
  });
  const app = createApp(platform.deps);

  // One visitor per request (its own address, so the per-address limit does not interfere).
  async function register(email: string, n: number): Promise<number> {
    const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const page = await app.request('/register', { headers: { 'x-forwarded-for': ip } });
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const body = new URLSearchParams({
      _csrf: token,
      name: 'Someone',
      email,
      password: 'a long enough password',
    });
    const started = performance.now();
    const res = await app.request('/register', {
      method: 'POST',
      headers: { cookie, 'x-forwarded-for': ip, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`POST /register answered ${res.status}`);
    return ms;
  }

  const times = { known: [] as number[], fresh: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    times.known.push(await register(known, 2 * i));
    times.fresh.push(await register(`new-${i}-${Date.now()}@example.org`, 2 * i + 1));
  }
  const at = (list: number[], q: number) =>
    [...list].sort((a, b) => a - b)[Math.floor(q * (list.length - 1))] ?? 0;
  console.log(`POST /register, ${rounds} of each, alternating (ms):`);
  for (const [name, list] of Object.entries(times))
    console.log(
      `  ${name.padEnd(6)} p50 ${at(list, 0.5).toFixed(1).padStart(6)}  p95 ${at(list, 0.95).toFixed(1).padStart(6)}`,
    );
  console.log(
    `  load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await platform.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
