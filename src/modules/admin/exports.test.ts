// The administration lists on the filter panel, and their exports (the list as filtered, as CSV and
// XLSX, read back by a strict parser), through the whole app on SQLite or PostgreSQL: for
// administrators only.
import { describe, expect, it } from 'vitest';
import { platformForFile } from '../../../test/harness.ts';
import {
  csvDownload,
  csvRows,
  expectLineBreaksKept,
  storeText,
  xlsxDownload,
} from '../../../test/spreadsheets.ts';

const hub = await platformForFile();
const {
  client: admin,
  user: { id: adminId },
} = await hub.signedIn('admin', { name: 'Export Admin' });
await hub.createUser({ name: 'Sothea Chan', email: 'sothea.export@example.org', role: 'editor' });
await hub.createUser({ name: '=HYPERLINK("http://evil.example")', email: 'formula@example.org' });
await hub.createUser({ name: 'Pending Person', email: 'pending@example.org', verified: false });

describe('the account list', () => {
  it('filters in the panel (folded on a phone) and links to the export of the same selection', async () => {
    const page = await admin.get('/admin/users?role=editor&page=1');
    expect(page.text).toContain('<details class="filter-panel">');
    for (const id of ['filter-q', 'filter-role', 'filter-status']) expect(page.text).toContain(`id="${id}"`);
    expect(page.text).toContain('href="/admin/users/export.csv?role=editor"');
    expect(page.text).toContain('href="/admin/users/export.xlsx?role=editor"');
  });

  it('exports the filtered accounts as CSV, formulas neutralised', async () => {
    const { rows } = await csvDownload(admin, '/admin/users/export.csv?role=editor', 'accounts.csv');
    expect(rows.map((r) => r.email)).toEqual(['sothea.export@example.org']);
    expect(rows[0]).toMatchObject({ name: 'Sothea Chan', role: 'editor', status: 'active' });

    const all = csvRows((await admin.get('/admin/users/export.csv')).text);
    expect(all.find((r) => r.email === 'formula@example.org')?.name).toBe(
      '\'=HYPERLINK("http://evil.example")',
    );
    expect(all.find((r) => r.email === 'pending@example.org')?.status).toBe('unverified');
  });

  it('exports the whole list as an XLSX workbook', async () => {
    const sheet = await xlsxDownload(admin, '/admin/users/export.xlsx?status=unverified');
    expect(sheet.name).toBe('Accounts');
    expect(sheet.getRow(1).getCell(3).value).toBe('email');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe('pending@example.org');
  });
});

describe('the audit log', () => {
  it('filters in the panel and exports the selection, oldest first', async () => {
    const target = await hub.createUser({ name: 'Role Target' });
    for (const role of ['editor', 'moderator'] as const)
      expect((await admin.request(`/admin/users/${target.id}/role`, { form: { role } })).status).toBe(303);
    const page = await admin.get(`/admin/audit?action=user.role_changed&subject_id=${target.id}`);
    for (const id of ['filter-action', 'filter-actor', 'filter-subject_type', 'filter-subject_id'])
      expect(page.text).toContain(`id="${id}"`);
    expect(page.text).toContain(
      `href="/admin/audit/export.csv?action=user.role_changed&amp;subject_id=${target.id}"`,
    );

    const { rows } = await csvDownload(
      admin,
      `/admin/audit/export.csv?action=user.role_changed&subject_id=${target.id}`,
      'audit-log.csv',
    );
    expect(rows.map((r) => JSON.parse(r.details ?? '{}').to)).toEqual(['editor', 'moderator']);
    expect(rows[0]).toMatchObject({ actor_id: String(adminId), actor_name: 'Export Admin', ip: admin.ip });
  });
});

describe('line breaks in a cell', () => {
  it('keep an account’s row whole in the account list’s CSV', async () => {
    const person = await hub.createUser({ name: 'Two Lines' });
    await storeText(hub, { table: 'users', column: 'name', where: ['id', person.id] });
    const rows = await expectLineBreaksKept(admin, '/admin/users/export.csv', 'name');
    expect(rows.find((r) => r.id === String(person.id))?.email).toBe(person.email);
  });

  it('keep an entry’s row whole in the audit log’s CSV', async () => {
    const { client: other, user } = await hub.signedIn('admin');
    await storeText(hub, { table: 'users', column: 'name', where: ['id', user.id] });
    const target = await hub.createUser({ name: 'Audit Target' });
    expect((await other.request(`/admin/users/${target.id}/role`, { form: { role: 'editor' } })).status).toBe(
      303,
    );
    const rows = await expectLineBreaksKept(
      admin,
      `/admin/audit/export.csv?subject_id=${target.id}`,
      'actor_name',
    );
    expect(rows.map((r) => r.action)).toContain('user.role_changed');
  });
});

describe('exports are for administrators only', () => {
  it.each([
    '/admin/users/export.csv',
    '/admin/users/export.xlsx',
    '/admin/audit/export.csv',
    '/admin/audit/export.xlsx',
  ])('%s: visitors are sent to log in, other roles refused', async (path) => {
    const visitor = await hub.client().get(path);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toMatch(/^\/login\?next=/);
    for (const role of ['member', 'editor', 'moderator'] as const) {
      const { client } = await hub.signedIn(role);
      const res = await client.get(path);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-disposition')).toBeNull();
    }
  });
});
