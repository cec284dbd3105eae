// Forms as a browser sends them, for the unit tests of schemas and the integration tests of pages:
// translation rows, and a record added through its form.
import { expect } from 'vitest';
import { type TestClient, visibleText } from './harness.ts';

/**
 * The translation rows of a form (a record's translations, a question's): each field of the rows
 * sent once per row with the `tr_` prefix, one value per row, '' where a row leaves it out. An empty
 * row `{}` stands for the form's blank row, which browsers send too.
 */
export function translationRows(...rows: Record<string, string>[]): Record<string, string[]> {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return Object.fromEntries(fields.map((field) => [`tr_${field}`, rows.map((row) => row[field] ?? '')]));
}

/**
 * Sends the form of `page` as `client` does in a browser (the page first, for its CSRF token) and
 * expects a new record: a redirect (303) to its page, whose address it returns. What the page said
 * instead shows when it fails.
 */
export async function addThroughForm(
  client: TestClient,
  page: string,
  form: Record<string, string | string[]>,
): Promise<string> {
  await client.get(page);
  const res = await client.request(page, { form });
  expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
  return res.location ?? '';
}
