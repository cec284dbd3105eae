// The report form is the same for every kind of record any module declares (a Reportable): through
// the whole app on SQLite or PostgreSQL, with a module made for the test beside the real ones.
import { describe, expect, it } from 'vitest';
import { lastAuditEntry } from '../../../test/audit.ts';
import { platformForFile } from '../../../test/harness.ts';
import { CONTROL_CHARACTER, expectFormRefused } from '../../../test/refusals.ts';
import { fileReport } from '../../../test/reports.ts';
import type { HubModule } from '../../platform/context.ts';

const POEMS: Record<string, string> = { 'river-song': 'River song', 'night-market': 'Night market' };

// Poems anyone may see, except 'night-market', which only its author (account 1) sees.
const poetry: HubModule = {
  id: 'poetry',
  moderation: {
    reportables: [
      {
        type: 'poem',
        label: 'moderation.message',
        async find(_db, key, viewer) {
          const title = POEMS[key];
          if (!title || (key === 'night-market' && viewer?.id !== 1)) return null;
          return { title, url: `/poems/${key}` };
        },
        urlOf: (key) => `/poems/${key}`,
      },
    ],
  },
};

const hub = await platformForFile({ extraModules: [poetry] });

/** The audit entry of `action` by the account `actorId`. */
const auditBy = (actorId: number, action: string) => lastAuditEntry(hub, { action, actorId });

describe('reporting any module’s records', () => {
  it('files a report on a record of a module the moderation module knows nothing of', async () => {
    const { user, client } = await hub.signedIn();
    const form = await client.get('/report?type=poem&key=river-song');
    expect(form.status).toBe(200);
    expect(form.text).toContain('href="/poems/river-song"');
    const sent = await client.request('/report', {
      form: { type: 'poem', key: 'river-song', reason: 'spam', message: 'Advertising.' },
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/poems/river-song');
    const entry = await auditBy(user.id, 'report.filed');
    expect(entry.subject_type).toBe('poem');
    expect(entry.details).toMatchObject({ key: 'river-song', reason: 'spam' });

    const { client: moderator } = await hub.signedIn('moderator');
    const queue = await moderator.get('/moderation');
    expect(queue.text).toContain('<a href="/poems/river-song">River song</a>');

    // The reporter finds the report in "download my data".
    const data = JSON.parse((await client.get('/account/export.json')).text);
    expect(data.modules.moderation.reports).toEqual([
      expect.objectContaining({
        target_type: 'poem',
        target_key: 'river-song',
        reason: 'spam',
        status: 'open',
      }),
    ]);
  });

  it('answers 404 for a record the reporter may not see, whatever the form says', async () => {
    const { client } = await hub.signedIn();
    expect((await client.get('/report?type=poem&key=night-market')).status).toBe(404);
    await client.get('/account');
    const post = await client.request('/report', { form: { type: 'poem', key: 'night-market', reason: '' } });
    expect(post.status).toBe(404);
  });

  it('refuses a control character in the details with a message, keeping what was typed', async () => {
    const { client } = await hub.signedIn();
    const res = await fileReport(
      client,
      { type: 'poem', key: 'river-song' },
      { reason: 'other', message: 'Odd\u0007 character' },
    );
    expectFormRefused(res, [CONTROL_CHARACTER]);
    expect(res.text).toMatch(/<textarea[^>]*name="message"[^>]*>Odd\S? character<\/textarea>/);
  });

  it('lets every real module’s report form answer a missing record with 404, never an error', async () => {
    const { client } = await hub.signedIn();
    const types = hub.deps.modules.flatMap((m) => m.moderation?.reportables ?? []).map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['organisation', 'person', 'press-clipping', 'poem']));
    for (const type of types) {
      const res = await client.get(`/report?type=${type}&key=no-such-record-9`);
      expect(res.status, type).toBe(404);
    }
  });
});

describe('the switches', () => {
  it('are saved with one audit entry naming every switch', async () => {
    const { user, client } = await hub.signedIn('admin');
    await client.get('/moderation');
    expect(
      (await client.request('/moderation/settings', { form: { 'directory.approval': '1' } })).status,
    ).toBe(303);
    const entry = await auditBy(user.id, 'settings.changed');
    expect(entry.subject_id).toBeNull();
    expect(entry.details).toMatchObject({ 'directory.approval': true });
  });
});
