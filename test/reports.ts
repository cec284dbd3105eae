// Reports to the moderators as the tests send and check them (moderation's /report form): the link
// every reportable record's page carries, the form sent as a member sends it, and what a record that
// may be reported promises from its page to the moderators' queue.
import { expect } from 'vitest';
import type { TestClient, TestPlatform } from './harness.ts';

export interface ReportTarget {
  /** The record kind, as its Reportable names it (`organisation`, `press-clipping`…). */
  type: string;
  key: string;
}

/** The address of a record's report form. */
export const reportFormOf = ({ type, key }: ReportTarget) => `/report?type=${type}&key=${key}`;

/** The link to the report form as a record's page holds it (the `&` escaped in the HTML). */
export const reportLinkOf = ({ type, key }: ReportTarget) => `href="/report?type=${type}&amp;key=${key}"`;

/** Loads the report form (for its CSRF token) and sends it as `client`: reason "incorrect" unless told. */
export async function fileReport(
  client: TestClient,
  target: ReportTarget,
  form: { reason?: string; message?: string } = {},
) {
  await client.get(reportFormOf(target));
  return client.request('/report', {
    form: { type: target.type, key: target.key, reason: 'incorrect', message: '', ...form },
  });
}

/** The reports filed on a record, oldest first. */
export const reportsOn = (hub: TestPlatform, target: ReportTarget) =>
  hub.deps.db
    .selectFrom('reports')
    .selectAll()
    .where('target_type', '=', target.type)
    .where('target_key', '=', target.key)
    .orderBy('id')
    .execute();

/**
 * What a record that may be reported promises: its page (`page`, as a visitor sees it) links to the
 * report form of its type and key, the form opens for a signed-in member, and sending it (with
 * `message`) files a report the moderators see. Returns the member's client and the page.
 */
export async function expectReportable(
  hub: TestPlatform,
  target: ReportTarget & { page: string; message: string },
) {
  const page = await hub.client().get(target.page);
  expect(page.text).toContain(reportLinkOf(target));
  const { client: reader } = await hub.signedIn('member');
  expect((await reader.get(reportFormOf(target))).status).toBe(200);
  const sent = await fileReport(reader, target, { message: target.message });
  expect(sent.status).toBe(303);
  expect(await reportsOn(hub, target)).toEqual([
    expect.objectContaining({ reason: 'incorrect', message: target.message }),
  ]);
  return { reader, page };
}

/** A record nobody may report through `client` (none such, or one it may not see): its form is a 404. */
export async function expectNotReportable(client: TestClient, target: ReportTarget) {
  expect((await client.get(reportFormOf(target))).status, reportFormOf(target)).toBe(404);
}
