// The /api/v1 routes called as an API client calls them, for the integration tests: a personal
// token (or none), a JSON body, and the JSON answer read back.
import { bearer, type TestPlatform } from './harness.ts';

/** An API call with a personal token (or none): its status, headers and JSON ({} when it has none). */
export async function api(
  hub: TestPlatform,
  token: string | null,
  method: string,
  path: string,
  json?: unknown,
) {
  const res = await hub.client().request(path, { method, json, headers: token ? bearer(token) : {} });
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(res.text);
  } catch {}
  return { status: res.status, headers: res.headers, body };
}
