// The operator's hub through the whole app, on SQLite or PostgreSQL: an administrator renames the
// hub and gives it a colour, and the name reaches the page title, the header, a mail, an Atom feed,
// the manifest and the API; a colour that is too light is refused with its ratio and the form
// kept; everyone else is refused; the operator's pages in two languages; bad input refused.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { api } from '../../../test/api.ts';
import { auditActions } from '../../../test/audit.ts';
import { BASE_URL, platformForFile, visibleText } from '../../../test/harness.ts';
import { oversized, picture } from '../../../test/images.ts';
import { linkIn } from '../../../test/smtp-peer.ts';
import { loadSite, SITE_CACHE_MS, SITE_SETTINGS_KEY } from '../../platform/site/index.ts';

const hub = await platformForFile({ seed: ['site'] });
const { client: admin, token: adminToken } = await hub.signedInWithToken('admin');

/** The settings form with every field a browser sends (the per-language fields empty). */
function settingsForm(values: Record<string, string | string[]>): Record<string, string | string[]> {
  return {
    names_en: '',
    accent: '',
    defaultLanguage: '',
    timeZone: '',
    contactEmail: '',
    link_label: ['', ''],
    link_url: ['', ''],
    ...values,
  };
}

const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1];

describe('renaming the hub', () => {
  it('shows the new name in the title and header, a mail, the Atom feed, the manifest and the API', async () => {
    await admin.get('/admin/site');
    const res = await admin.request('/admin/site', {
      form: settingsForm({
        names_en: 'Mekong Makers',
        names_lo: 'ສູນສ້າງສັນແມ່ຂອງ',
        shortNames_en: 'Makers',
        taglines_en: 'Culture that works',
        accent: '#1a5fb4',
        contactEmail: 'hello@makers.example',
        link_label: ['Ministry', ''],
        link_url: ['https://mics.gov.la', ''],
      }),
    });
    expect(res.status).toBe(303);
    expect(await auditActions(hub, { subjectType: 'site' })).toContain('site.settings_changed');

    const page = await hub.client().get('/press');
    expect(titleOf(page.text)).toBe('Press coverage · Mekong Makers');
    expect(page.text).toMatch(/class="brand"[^>]*>[\s\S]*?<span>Mekong Makers<\/span>/);
    expect(page.text).toContain('<a href="https://mics.gov.la">Ministry</a>');
    expect(visibleText(page.text)).toContain('Culture that works');
    expect(page.text).toContain('href="mailto:hello@makers.example"');
    // The colour is a stylesheet of its own (the CSP allows no inline style), cached by version.
    const theme = page.text.match(/href="(\/site\/theme\.css\?v=[^"]+)"/)?.[1] ?? '';
    const css = await hub.client().get(theme.replace(/&amp;/g, '&'));
    expect(css.text).toContain('--accent: #1a5fb4');
    expect(css.headers.get('cache-control')).toContain('immutable');

    // In Lao, the Lao name; in Thai (none given), the default language's.
    expect(titleOf((await hub.client().get('/press?lang=lo')).text)).toContain('ສູນສ້າງສັນແມ່ຂອງ');
    expect(titleOf((await hub.client().get('/press?lang=th')).text)).toContain('Mekong Makers');

    const user = await hub.createUser();
    await hub.client().submit('/password/forgot', '/password/forgot', { email: user.email });
    await hub.deliverMail();
    const mail = await hub.smtp.next(user.email);
    expect(mail.subject).toContain('Mekong Makers');
    expect(mail.text.trimEnd().endsWith('Mekong Makers')).toBe(true);
    expect(linkIn(mail, BASE_URL)).toContain('/password/reset');

    const feed = await hub.client().get('/press/feed.atom');
    expect(feed.text).toContain('<name>Mekong Makers</name>');
    const calendar = await hub.client().get('/events.ics');
    expect(calendar.text).toMatch(/X-WR-CALNAME:Mekong Makers · /);

    const manifest = await hub.client().get('/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    const json = JSON.parse(manifest.text);
    expect(json).toMatchObject({
      name: 'Mekong Makers',
      short_name: 'Makers',
      display: 'standalone',
      start_url: '/',
      theme_color: '#1a5fb4',
    });
    expect(json.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512']);
    const icon = await hub.client().get(json.icons[1].src);
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(icon.bytes)).metadata()).width).toBe(512);
    // The ETag follows the settings: the same until they change, then another.
    const etag = manifest.headers.get('etag') ?? '';
    expect((await hub.client().get('/manifest.webmanifest', { 'if-none-match': etag })).status).toBe(304);

    const read = await api(hub, null, 'GET', '/api/v1/site');
    expect(read.body).toMatchObject({
      name: 'Mekong Makers',
      accent: '#1a5fb4',
      contactEmail: 'hello@makers.example',
    });

    const patched = await api(hub, adminToken, 'PATCH', '/api/v1/site', {
      names: { en: 'Mekong Makers Hub' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Mekong Makers Hub', accent: '#1a5fb4' });
    const after = await hub.client().get('/manifest.webmanifest', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.text).name).toBe('Mekong Makers Hub');
  });

  it('makes the logo the header mark and the app icon', async () => {
    const logo = await picture(300, 200).png().toBuffer();
    // Without a logo, the tab shows the platform's mark.
    expect((await hub.client().get('/')).text).toMatch(
      /<link rel="icon" href="\/assets\/icon\.[0-9a-f]+\.svg"/,
    );
    await admin.get('/admin/site');
    const res = await admin.request('/admin/site', {
      multipart: {
        fields: settingsForm({ names_en: 'Mekong Makers' }),
        files: [{ field: 'logo', name: 'logo.png', type: 'image/png', bytes: logo }],
      },
    });
    expect(res.status).toBe(303);
    const page = await hub.client().get('/');
    const src = page.text.match(/class="brand-logo" src="([^"]+)"/)?.[1] ?? '';
    expect((await hub.client().get(src.replace(/&amp;/g, '&'))).headers.get('content-type')).toBe(
      'image/webp',
    );
    const json = JSON.parse((await hub.client().get('/manifest.webmanifest')).text);
    expect(json.icons[0].src).toContain('logo-');
    const icon = await hub.client().get(json.icons[0].src);
    expect((await sharp(Buffer.from(icon.bytes)).metadata()).width).toBe(192);
    // The browser tab's icon and the home screen's are the logo's too, not the platform's mark.
    const icons = [...page.text.matchAll(/<link rel="(icon|apple-touch-icon)" href="([^"]+)"/g)];
    expect(icons.map(([, rel, href]) => [rel, href])).toEqual([
      ['icon', json.icons[0].src],
      ['apple-touch-icon', json.icons[0].src],
    ]);
  });
});

describe('the copy each process keeps', () => {
  it('reads a change another process wrote once its copy is older than SITE_CACHE_MS', async () => {
    const now = Date.now();
    const before = await loadSite(hub.deps.db, now);
    // Another process's write: straight to the table, so this process's copy is not forgotten.
    await hub.deps.db
      .updateTable('settings')
      .set({
        value: JSON.stringify({ names: { en: 'Written Elsewhere' }, defaultLanguage: 'lo' }),
        updated_at: new Date().toISOString(),
      })
      .where('key', '=', SITE_SETTINGS_KEY)
      .execute();
    expect((await loadSite(hub.deps.db, now + 1)).names.en).toBe(before.names.en);
    const later = await loadSite(hub.deps.db, now + SITE_CACHE_MS + 1);
    expect(later.names.en).toBe('Written Elsewhere');
    // The hub's default language now decides for a visitor whose browser names none of ours.
    const page = await hub.client().get('/press', { 'accept-language': 'de' });
    expect(page.text).toContain('<html lang="lo"');
  });
});

describe('what is refused', () => {
  it('refuses a colour below 4.5:1 with the measured ratio, keeping what was typed', async () => {
    await admin.get('/admin/site');
    const res = await admin.request('/admin/site', {
      form: settingsForm({ names_en: 'Kept Name', accent: '#ffcc00', contactEmail: 'kept@example.org' }),
    });
    expect(res.status).toBe(422);
    const text = visibleText(res.text);
    expect(text).toContain('contrast of 1.44:1');
    expect(text).toContain('at least 4.5:1');
    expect(res.text).toContain('value="Kept Name"');
    expect(res.text).toContain('value="kept@example.org"');
    expect(res.text).toContain('value="#ffcc00"');

    const viaApi = await api(hub, adminToken, 'PATCH', '/api/v1/site', { accent: '#ffcc00' });
    expect(viaApi.status).toBe(422);
    expect((viaApi.body.errors as Record<string, string>).accent).toContain('1.44:1');
  });

  it('refuses a bad footer link, a zone that does not exist and a colour that is not one', async () => {
    await admin.get('/admin/site');
    const res = await admin.request('/admin/site', {
      form: settingsForm({
        names_en: 'Kept',
        timeZone: 'Asia/Atlantis',
        accent: 'blue',
        link_label: ['Bad'],
        link_url: ['javascript:alert(1)'],
      }),
    });
    expect(res.status).toBe(422);
    const text = visibleText(res.text);
    expect(text).toContain('This is not a time zone');
    expect(text).toContain('Enter a web address starting with https://');
    expect(text).toContain('Enter a colour as #');
    expect(res.text).toContain('value="Asia/Atlantis"');

    const tooLong = await admin.request('/admin/site', {
      form: settingsForm({ names_en: 'Kept', taglines_km: 'x'.repeat(201) }),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.text).toMatch(/<details open="">[\s\S]*?class="field-error"/);

    const viaApi = await api(hub, adminToken, 'PATCH', '/api/v1/site', {
      timeZone: 'Mars/Olympus',
      footerLinks: [{ label: 'x', url: 'ftp://files.example' }],
    });
    expect(viaApi.status).toBe(422);
    expect(Object.keys(viaApi.body.errors as object).sort()).toEqual(['footerLinks', 'timeZone']);
  });

  it('refuses a logo over 1 MB with the limit', async () => {
    await admin.get('/admin/site');
    const res = await admin.request('/admin/site', {
      multipart: {
        fields: settingsForm({ names_en: 'Kept' }),
        files: [{ field: 'logo', name: 'big.png', type: 'image/png', bytes: oversized(2) }],
      },
    });
    expect(res.status).toBe(413);
    expect(visibleText(res.text)).toMatch(/1 MB/);
    expect(res.text).toContain('value="Kept"');
  });

  it.each(['visitor', 'member', 'editor'] as const)('refuses a %s on the pages and the API', async (role) => {
    const { client, token } =
      role === 'visitor' ? { client: hub.client(), token: null } : await hub.signedInWithToken(role);
    const expected = role === 'visitor' ? 401 : 403;
    const page = await client.get('/admin/site');
    expect(page.status).toBe(role === 'visitor' ? 303 : 403);
    expect((await client.get('/admin/pages/about')).status).toBe(role === 'visitor' ? 303 : 403);
    const post = await client.request('/admin/site', { form: settingsForm({ names_en: 'Taken over' }) });
    expect([expected, 403]).toContain(post.status);
    const patch = await api(hub, token, 'PATCH', '/api/v1/site', { names: { en: 'Taken over' } });
    expect(patch.status).toBe(expected);
    expect((await api(hub, null, 'GET', '/api/v1/site')).body.name).not.toBe('Taken over');
  });
});

describe("the operator's pages", () => {
  it('shows the seeded about page in English and in Vietnamese, and links it from the footer', async () => {
    const en = await hub.client().get('/about');
    expect(en.status).toBe(200);
    expect(visibleText(en.text)).toContain('About this hub');
    const vi = await hub.client().get('/about?lang=vi');
    expect(visibleText(vi.text)).toContain('Giới thiệu');
    expect(vi.text).toContain('href="/privacy"');
    // Thai has no page: the default language's, marked as such.
    const th = await hub.client().get('/about?lang=th');
    expect(th.text).toContain('<article class="wrap narrow" lang="en">');
  });

  it('is written per language on /admin/pages, cleaned, and 404 until it exists', async () => {
    expect((await hub.client().get('/terms')).status).toBe(404);
    expect((await hub.client().get('/')).text).not.toContain('href="/terms"');
    await admin.get('/admin/pages/terms');
    const res = await admin.request('/admin/pages/terms', {
      form: {
        title_en: 'Terms of use',
        body_en: 'Be kind.\n\n<script>alert(1)</script>',
        title_km: 'លក្ខខណ្ឌប្រើប្រាស់',
        body_km: 'សូមមានចិត្តល្អ។',
      },
    });
    expect(res.status).toBe(303);
    const en = await hub.client().get('/terms');
    expect(visibleText(en.text)).toContain('Be kind.');
    expect(en.text).not.toContain('<script>alert');
    expect(visibleText((await hub.client().get('/terms?lang=km')).text)).toContain('សូមមានចិត្តល្អ។');
    expect((await hub.client().get('/')).text).toContain('href="/terms"');

    const untitled = await admin.request('/admin/pages/terms', {
      form: { title_en: '', body_en: 'Text without a title' },
    });
    expect(untitled.status).toBe(422);
    expect(visibleText(untitled.text)).toContain('Give the page a title in this language');
    expect(untitled.text).toContain('Text without a title');
  });
});
