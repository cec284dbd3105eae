// The people directory through the whole app, on SQLite or PostgreSQL, with the demo organisations
// and people of seed/ loaded by the modules' own seeds (the directory's first).
import { describe, expect, it } from 'vitest';
import { auditActions, lastAuditEntry } from '../../../test/audit.ts';
import { jsonLdOf, type TestClient, visibleText } from '../../../test/harness.ts';
import { accountRow } from '../../../test/records.ts';
import { expectFormRefused } from '../../../test/refusals.ts';
import { systemContext } from '../../platform/actions.ts';
import { createApiToken } from '../../platform/auth.ts';
import { search } from '../../search/index.ts';
import { createPerson } from './actions/profiles.ts';
import { personInput } from './schemas.ts';
import { createProfile, profileForm, seededPlatform, slugsOn } from './test-helpers.ts';

const hub = await seededPlatform();
const { client: adminClient } = await hub.signedIn('admin');
const { client: editorClient } = await hub.signedIn('editor');

const validForm = (overrides: Record<string, string> = {}) =>
  profileForm({
    name: 'Nguyễn Thị Lan',
    lang: 'vi',
    title: 'Thợ dệt lụa',
    bio: 'Weaves **silk** with natural dyes.',
    country: 'VN',
    org_slug: 'heritage-space',
    org_role: 'Artist in residence',
    domains: 'visual_arts_crafts',
    languages: 'vi',
    skills: 'silk weaving, natural dyes',
    links: 'https://example.org/lan',
    email: 'lan@example.org',
    phone: '+84 90 000 0000',
    contact_visibility: 'members',
    ...overrides,
  });

const memberClient = () => hub.signedIn('member');

/** Creates the member's own profile through the form; returns its address. */
const createOwn = (client: TestClient, overrides: Record<string, string> = {}) =>
  createProfile(client, validForm(overrides));

const peopleCount = async (name: string) =>
  (await hub.deps.db.selectFrom('people').select('id').where('name', '=', name).execute()).length;

describe('browsing', () => {
  it('lists the demo people, links to the organisations, and filters through the URL', async () => {
    const all = await hub.client().get('/directory/people');
    expect(all.status).toBe(200);
    const text = visibleText(all.text);
    expect(text).toContain('Viengeo Souksavatdy');
    expect(text).toContain('Marielza Oliveira');
    expect(all.text).toContain('href="/directory"');
    expect(all.text).toContain(
      'href="/directory/heritage-department"'.replace('heritage-department', 'lao-heritage-department'),
    );

    const china = visibleText((await hub.client().get('/directory/people?country=CN')).text);
    expect(china).toContain('Li Ming');
    expect(china).toContain('Shen Yubiao');
    expect(china).not.toContain('Viengeo');

    const ofOrg = await hub.client().get('/directory/people?organisation=new-space-arts-foundation');
    expect(slugsOn(ofOrg.text).sort()).toEqual(['le-thanh-hai', 'le-thanh-ngoc']);
  });

  it('links the organisations list to the people list', async () => {
    const res = await hub.client().get('/directory');
    expect(res.text).toContain('href="/directory/people"');
  });

  it('finds people by words through the search index, also from the global search', async () => {
    const res = await hub.client().get('/directory/people?q=souksavatdy');
    expect(slugsOn(res.text)).toEqual(['viengeo-souksavatdy']);
    // The role and the organisation's name are indexed with the person.
    const byRole = await hub.client().get('/directory/people?q=deputy+director');
    expect(slugsOn(byRole.text)).toEqual(
      expect.arrayContaining(['viengeo-souksavatdy', 'nguyen-phuong-hoa']),
    );
    const found = await search(hub.deps.db, { q: 'Oliveira', viewer: null });
    expect(found.hits.map((h) => [h.type, h.url])).toContainEqual([
      'person',
      '/directory/people/marielza-oliveira',
    ]);
    expect(found.facets.type.person).toBe(1);
  });

  it('sorts names in the reader’s collation, newest first on request, and pages through them', async () => {
    const names = ['Ánh Dương', 'Zhao Wei', 'Bounmy Keo', 'ສົມພອນ', 'Chanthy Sok', 'Ōta Yuki', 'Aung Mya'];
    await hub.deps.db.transaction().execute(async (trx) => {
      const ctx = { ...systemContext(hub.deps, 'seed'), trx };
      for (let i = 0; i < 14; i++) {
        const name = `${names[i % names.length]} ${i}`;
        const input = personInput.parse({ name, lang: 'en', country: 'KH', skills: 'sorting' });
        await createPerson(ctx, { ...input, owner: 'none' });
      }
    });
    const page1 = await hub.client().get('/directory/people?sort=name');
    const page2 = await hub.client().get('/directory/people?sort=name&page=2');
    expect(page1.text).toContain('rel="next"');
    const first = slugsOn(page1.text);
    const second = slugsOn(page2.text);
    expect(first).toHaveLength(24);
    expect(second.some((s) => first.includes(s))).toBe(false);
    const rows = await hub.deps.db
      .selectFrom('people')
      .select(['slug', 'name'])
      .where('status', '=', 'published')
      .execute();
    const collator = new Intl.Collator('en');
    const expected = rows.sort((a, b) => collator.compare(a.name, b.name)).map((r) => r.slug);
    expect([...first, ...second]).toEqual(expected.slice(0, first.length + second.length));

    const newest = await hub.client().get('/directory/people?sort=newest&country=KH');
    expect(slugsOn(newest.text)[0]).toMatch(/-13$/);
    const updated = await hub.client().get('/directory/people?sort=updated&country=KH');
    expect(slugsOn(updated.text)[0]).toMatch(/-13$/);
    expect(slugsOn(updated.text)).toHaveLength(14);
  });

  it('drops filter values it cannot use instead of failing', async () => {
    const res = await hub
      .client()
      .get('/directory/people?country=ZZ&domain=emperor&organisation=%27;drop&page=-1&sort=x');
    expect(res.status).toBe(200);
  });

  it('shows a profile with schema.org Person data and OpenGraph tags, and 404 for an unknown one', async () => {
    const res = await hub.client().get('/directory/people/viengeo-souksavatdy');
    expect(res.status).toBe(200);
    const ld = jsonLdOf(res.text);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Viengeo Souksavatdy',
      jobTitle: 'Deputy-Director of the Lao Heritage Department',
      worksFor: [{ '@type': 'Organization', url: 'http://hub.test/directory/lao-heritage-department' }],
      workLocation: { address: { addressCountry: 'LA' } },
    });
    expect(res.text).toContain('property="og:title" content="Viengeo Souksavatdy"');
    expect(res.text).toContain('property="og:type" content="profile"');
    expect(visibleText(res.text)).toContain('Laos');
    expect((await hub.client().get('/directory/people/no-such-person')).status).toBe(404);
    // Names of the pages under /directory/people are no one's profile.
    expect((await hub.client().get('/directory/people/edit')).status).toBe(404);
  });

  it('shows country names in the reader’s language', async () => {
    const res = await hub.client().get('/directory/people/li-ming', { 'accept-language': 'zh-Hans' });
    expect(visibleText(res.text)).toContain('中国');
  });
});

describe('own profiles', () => {
  it('sends visitors to log in, and lets a member create their profile, searchable at once', async () => {
    expect((await hub.client().get('/directory/people/new')).location).toBe(
      '/login?next=%2Fdirectory%2Fpeople%2Fnew',
    );
    const { user, client } = await memberClient();
    const form = await client.get('/directory/people/new');
    expect(visibleText(form.text)).toContain('Create my profile');
    const location = await createOwn(client);
    expect(location).toBe('/directory/people/nguyen-thi-lan');
    const row = await hub.deps.db
      .selectFrom('people')
      .selectAll()
      .where('slug', '=', 'nguyen-thi-lan')
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBe(user.id);

    const mine = await client.get(location);
    const text = visibleText(mine.text);
    expect(mine.text).toContain('<strong>silk</strong>');
    expect(text).toContain('Heritage Space');
    expect(text).toContain('Artist in residence');
    expect(text).toContain('silk weaving');
    expect(text).toContain('lan@example.org');
    expect(text).toContain('This is your profile.');
    // Members-only contact: a visitor does not see it, nor in the JSON-LD.
    const visitor = await hub.client().get(location);
    expect(visitor.text).not.toContain('lan@example.org');
    expect(visibleText(visitor.text)).toContain('Log in to see the email and phone.');
    expect(visitor.text).not.toContain('This is me');

    const found = await search(hub.deps.db, { q: 'nguyen thi lan', viewer: null });
    expect(found.hits.map((h) => h.url)).toContain('/directory/people/nguyen-thi-lan');
    const filtered = await hub.client().get('/directory/people?domain=visual_arts_crafts&language=vi');
    expect(slugsOn(filtered.text)).toEqual(['nguyen-thi-lan']);
    expect(await auditActions(hub, { subjectType: 'person', subjectId: row.id })).toEqual(['person.created']);

    // One profile per member: the form leads to the one they have; posting again is refused.
    expect((await client.get('/directory/people/new')).location).toBe(
      '/directory/people/nguyen-thi-lan/edit',
    );
    const again = await client.request('/directory/people/new', { form: validForm({ name: 'Second Me' }) });
    expect(again.status).toBe(409);
    expect(await peopleCount('Second Me')).toBe(0);
    const list = await client.get('/directory/people');
    expect(list.text).toContain('href="/directory/people/nguyen-thi-lan"');
    expect(visibleText(list.text)).toContain('My profile');
  });

  it('shows the form again with every value and a message per wrong field, saving nothing', async () => {
    const { client } = await memberClient();
    await client.get('/directory/people/new');
    const res = await client.request('/directory/people/new', {
      form: validForm({
        name: 'N'.repeat(201),
        country: 'ZZ',
        links: 'https://ok.example.org\njavascript:alert(1)',
        phone: 'call me',
        skills: `${'s'.repeat(61)}, fine`,
        email: 'not-an-email',
        bio: 'Kept draft text',
      }),
    });
    expectFormRefused(
      res,
      [
        'This is too long.',
        'Choose a country from the list.',
        'Each line must be a web address starting with https:// or http://.',
        'Digits, spaces and + ( ) - only.',
        'Each skill can have at most 60 characters.',
        'Enter an email address such as name@example.org.',
      ],
      ['Kept draft text', 'javascript:alert(1)</textarea>'],
    );
    expect(
      await hub.deps.db.selectFrom('people').select('id').where('bio', '=', 'Kept draft text').execute(),
    ).toHaveLength(0);

    const unknownOrg = await client.request('/directory/people/new', {
      form: validForm({ name: 'Orphan Person', org_slug: 'no-such-organisation' }),
    });
    expectFormRefused(
      unknownOrg,
      ['No such organisation in the directory'],
      ['value="no-such-organisation"'],
    );
    expect(await peopleCount('Orphan Person')).toBe(0);

    // A pasted address of the organisation works as well as its slug.
    const pasted = await createOwn(client, {
      name: 'Pasted Address',
      org_slug: 'http://hub.test/directory/stella',
      org_role: '',
    });
    expect(visibleText((await client.get(pasted)).text)).toContain('STELLA');
  });

  it('refuses a biography over 10 000 characters with a message, and a body over the limit with 413', async () => {
    const { client } = await memberClient();
    await client.get('/directory/people/new');
    const long = await client.request('/directory/people/new', {
      form: validForm({ name: 'Long Bio', bio: 'b'.repeat(10_001) }),
    });
    expect(long.status).toBe(422);
    expect(visibleText(long.text)).toContain('This is too long.');
    const huge = await client.request('/directory/people/new', {
      form: validForm({ name: 'Huge Bio', bio: 'b'.repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await peopleCount('Long Bio')).toBe(0);
    expect(await peopleCount('Huge Bio')).toBe(0);
  });

  it('renders the biography as Markdown without scripts or javascript: links', async () => {
    const { client } = await memberClient();
    const location = await createOwn(client, {
      name: 'Script Tester',
      bio: '<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>',
    });
    const res = await hub.client().get(location);
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toMatch(/href="javascript:/i);
    expect(res.text).not.toMatch(/onerror=/);
  });

  it('lets only the person and the hub’s editors edit, and only the person and admins delete', async () => {
    const { client: owner } = await memberClient();
    const location = await createOwn(owner, { name: 'Sok Dara', country: 'KH', org_slug: '', org_role: '' });
    const { client: stranger } = await memberClient();
    expect((await stranger.get(`${location}/edit`)).status).toBe(403);
    await stranger.get('/directory/people');
    expect(
      (await stranger.request(`${location}/edit`, { form: validForm({ name: 'Hijacked' }) })).status,
    ).toBe(403);
    expect((await stranger.request(`${location}/delete`, { form: {} })).status).toBe(403);
    expect(await peopleCount('Hijacked')).toBe(0);

    await owner.get(`${location}/edit`);
    const saved = await owner.request(`${location}/edit`, {
      form: validForm({
        name: 'Sok Dara',
        country: 'KH',
        title: 'Apsara dancer',
        org_slug: '',
        org_role: '',
      }),
    });
    expect(saved.status).toBe(303);
    expect(visibleText((await hub.client().get(location)).text)).toContain('Apsara dancer');

    await editorClient.get(`${location}/edit`);
    const byEditor = await editorClient.request(`${location}/edit`, {
      form: validForm({
        name: 'Sok Dara',
        country: 'KH',
        title: 'Dancer and teacher',
        org_slug: '',
        org_role: '',
      }),
    });
    expect(byEditor.status).toBe(303);
    // Editors may not delete a profile that belongs to a member; the member may.
    await editorClient.get(location);
    expect((await editorClient.request(`${location}/delete`, { form: {} })).status).toBe(403);
    await owner.get(location);
    expect((await owner.request(`${location}/delete`, { form: {} })).status).toBe(303);
    expect((await hub.client().get(location)).status).toBe(404);
    expect((await search(hub.deps.db, { q: 'Sok Dara', viewer: null })).hits).toHaveLength(0);
  });

  it('keeps drafts and hidden profiles from everyone but the person and the editors', async () => {
    const { client: owner } = await memberClient();
    const location = await createOwn(owner, {
      name: 'Draft Person',
      status: 'draft',
      org_slug: '',
      org_role: '',
    });
    expect((await hub.client().get(location)).status).toBe(404);
    const { client: other } = await memberClient();
    expect((await other.get(location)).status).toBe(404);
    expect(visibleText((await owner.get(location)).text)).toContain('This profile is a draft');
    expect((await editorClient.get(location)).status).toBe(200);
    expect(slugsOn((await hub.client().get('/directory/people?q=draft+person')).text)).toEqual([]);
    expect(slugsOn((await owner.get('/directory/people?q=draft+person')).text)).toEqual(['draft-person']);

    // A member cannot hide their profile from the editors' choice, nor unhide what editors hid.
    await owner.get(`${location}/edit`);
    await owner.request(`${location}/edit`, {
      form: validForm({ name: 'Draft Person', status: 'hidden', org_slug: '' }),
    });
    const status = async () =>
      (
        await hub.deps.db
          .selectFrom('people')
          .select('status')
          .where('slug', '=', 'draft-person')
          .executeTakeFirstOrThrow()
      ).status;
    expect(await status()).toBe('draft');
    await editorClient.get(`${location}/edit`);
    await editorClient.request(`${location}/edit`, {
      form: validForm({ name: 'Draft Person', status: 'hidden', org_slug: '' }),
    });
    expect(await status()).toBe('hidden');
    await owner.get(`${location}/edit`);
    await owner.request(`${location}/edit`, {
      form: validForm({ name: 'Draft Person', status: 'published', org_slug: '' }),
    });
    expect(await status()).toBe('hidden');
  });

  it('shows contacts by the visibility the person chose', async () => {
    const { client: owner } = await memberClient();
    const hidden = await createOwn(owner, {
      name: 'Hidden Contact',
      email: 'hidden@example.org',
      contact_visibility: 'hidden',
      org_slug: '',
    });
    const { client: member } = await memberClient();
    expect((await member.get(hidden)).text).not.toContain('hidden@example.org');
    expect((await hub.client().get(hidden)).text).not.toContain('hidden@example.org');
    expect((await owner.get(hidden)).text).toContain('hidden@example.org');
    expect((await editorClient.get(hidden)).text).toContain('hidden@example.org');
    const { client: open } = await memberClient();
    const pub = await createOwn(open, {
      name: 'Public Contact',
      email: 'public@example.org',
      contact_visibility: 'public',
      org_slug: '',
    });
    const visitor = await hub.client().get(pub);
    expect(visitor.text).toContain('public@example.org');
  });
});

describe('profiles made by editors, and claims', () => {
  /** An editor's profile of someone without an account; returns its address. */
  const editorCreates = (name: string) =>
    createProfile(
      editorClient,
      validForm({ owner: 'none', name, email: '', phone: '', org_slug: 'stella', org_role: 'Curator' }),
    );

  it('lets only editors make a profile for someone without an account', async () => {
    const { client } = await memberClient();
    await client.get('/directory/people/new');
    const refused = await client.request('/directory/people/new', {
      form: validForm({ owner: 'none', name: 'Not Mine' }),
    });
    expect(refused.status).toBe(403);
    expect(await peopleCount('Not Mine')).toBe(0);
    const location = await editorCreates('Khamla Phommachanh');
    const row = await hub.deps.db
      .selectFrom('people')
      .select('user_id')
      .where('name', '=', 'Khamla Phommachanh')
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBeNull();
    expect(visibleText((await hub.client().get(location)).text)).toContain(
      'Is this you? Log in to claim this profile.',
    );
  });

  it('takes a claim from a member without a profile and refuses the others', async () => {
    const location = await editorCreates('Vilayphone Sengdala');
    // Not logged in.
    const visitor = hub.client();
    await visitor.get(location);
    expect((await visitor.request(`${location}/claim`, { form: { message: 'me' } })).status).toBe(401);
    // Already has a profile.
    const { client: withProfile } = await memberClient();
    await createOwn(withProfile, { name: 'Has A Profile', org_slug: '' });
    const page = await withProfile.get(location);
    expect(page.text).not.toContain(`${location}/claim`);
    expect((await withProfile.request(`${location}/claim`, { form: { message: 'me' } })).status).toBe(409);
    // A member without a profile, with a message that is too long, then a good one.
    const { client: claimant } = await memberClient();
    const form = await claimant.get(location);
    expect(form.text).toContain(`action="${location}/claim"`);
    const tooLong = await claimant.request(`${location}/claim`, {
      form: { message: `I am ${'x'.repeat(1000)}` },
    });
    expectFormRefused(tooLong, ['This is too long.'], ['I am xxxx']);
    const sent = await claimant.request(`${location}/claim`, {
      form: { message: 'I work at STELLA, ask Ms Noy.' },
    });
    expect(sent.status).toBe(303);
    expect(visibleText((await claimant.get(location)).text)).toContain(
      'Your claim on this profile waits for the administrators.',
    );
    expect((await claimant.request(`${location}/claim`, { form: { message: 'again' } })).status).toBe(409);
    const claims = await hub.deps.db.selectFrom('person_claims').select(['status', 'message']).execute();
    expect(claims.filter((c) => c.message === 'I work at STELLA, ask Ms Noy.')).toEqual([
      { status: 'pending', message: 'I work at STELLA, ask Ms Noy.' },
    ]);
  });

  it('lets only admins see and decide claims; approving gives the profile, with an audit entry and a mail', async () => {
    const location = await editorCreates('Souphaphone Inthavong');
    const slug = location.split('/').pop() ?? '';
    const { user: claimantUser, client: claimant } = await memberClient();
    await claimant.get(location);
    expect((await claimant.request(`${location}/claim`, { form: { message: 'It is me.' } })).status).toBe(
      303,
    );
    const { client: rival } = await memberClient();
    await rival.get(location);
    expect((await rival.request(`${location}/claim`, { form: { message: 'No, me.' } })).status).toBe(303);
    const claim = await hub.deps.db
      .selectFrom('person_claims')
      .innerJoin('people', 'people.id', 'person_claims.person_id')
      .select(['person_claims.id', 'people.id as person_id'])
      .where('people.slug', '=', slug)
      .where('person_claims.user_id', '=', claimantUser.id)
      .executeTakeFirstOrThrow();

    // Visitors log in first; members and editors are refused.
    expect((await hub.client().get('/directory/people/claims')).location).toBe(
      '/login?next=%2Fdirectory%2Fpeople%2Fclaims',
    );
    expect((await claimant.get('/directory/people/claims')).status).toBe(403);
    expect((await editorClient.get('/directory/people/claims')).status).toBe(403);
    await editorClient.get('/directory/people');
    expect(
      (await editorClient.request(`/directory/people/claims/${claim.id}/approve`, { form: {} })).status,
    ).toBe(403);

    const list = await adminClient.get('/directory/people/claims');
    expect(list.status).toBe(200);
    expect(visibleText(list.text)).toContain('Souphaphone Inthavong');
    expect(visibleText(list.text)).toContain('It is me.');
    expect(visibleText((await adminClient.get('/directory/people')).text)).toMatch(/\d+ claims? waiting/);
    const approved = await adminClient.request(`/directory/people/claims/${claim.id}/approve`, { form: {} });
    expect(approved.status).toBe(303);

    const person = await hub.deps.db
      .selectFrom('people')
      .select('user_id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    expect(person.user_id).toBe(claimantUser.id);
    const statuses = await hub.deps.db
      .selectFrom('person_claims')
      .select(['user_id', 'status'])
      .where('person_id', '=', claim.person_id)
      .execute();
    expect(statuses.find((s) => s.user_id === claimantUser.id)?.status).toBe('approved');
    expect(statuses.filter((s) => s.status === 'rejected')).toHaveLength(1);
    const audit = await lastAuditEntry(hub, {
      action: 'person.claim_approved',
      subjectType: 'person',
      subjectId: claim.person_id,
    });
    expect(audit.details).toMatchObject({ claimId: claim.id, userId: claimantUser.id });
    const claimantEmail = (await accountRow(hub, claimantUser.id)).email;
    const mail = await hub.deps.db
      .selectFrom('outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', claimantEmail)
      .execute();
    expect(mail.map((m) => m.subject)).toContain('The profile Souphaphone Inthavong is now yours');

    // The new owner edits it; the claim cannot be decided twice; the rival's claim now meets an owner.
    expect((await claimant.get(`${location}/edit`)).status).toBe(200);
    expect(
      (await adminClient.request(`/directory/people/claims/${claim.id}/reject`, { form: {} })).status,
    ).toBe(409);
    await rival.get(location);
    expect((await rival.request(`${location}/claim`, { form: { message: 'me!' } })).status).toBe(409);
  });

  it('rejects claims, and refuses to approve one whose claimant has a profile by now', async () => {
    const location = await editorCreates('Bounthavy Sisouk');
    const { user: first, client: firstClient } = await memberClient();
    await firstClient.get(location);
    await firstClient.request(`${location}/claim`, { form: { message: '' } });
    const { user: second, client: secondClient } = await memberClient();
    await secondClient.get(location);
    await secondClient.request(`${location}/claim`, { form: { message: '' } });
    const claimOf = async (userId: number) =>
      hub.deps.db
        .selectFrom('person_claims')
        .selectAll()
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();

    await adminClient.get('/directory/people/claims');
    expect(
      (
        await adminClient.request(`/directory/people/claims/${(await claimOf(first.id)).id}/reject`, {
          form: {},
        })
      ).status,
    ).toBe(303);
    expect((await claimOf(first.id)).status).toBe('rejected');

    await createOwn(secondClient, { name: 'Second Has Own', org_slug: '' });
    const refused = await adminClient.request(
      `/directory/people/claims/${(await claimOf(second.id)).id}/approve`,
      { form: {} },
    );
    expect(refused.status).toBe(409);
    expect(visibleText(refused.text)).toContain('You already have a profile.');
    const person = await hub.deps.db
      .selectFrom('people')
      .select('user_id')
      .where('name', '=', 'Bounthavy Sisouk')
      .executeTakeFirstOrThrow();
    expect(person.user_id).toBeNull();
    expect((await claimOf(second.id)).status).toBe('pending');
    expect((await adminClient.request('/directory/people/claims/999999/approve', { form: {} })).status).toBe(
      404,
    );
  });
});

describe('exports', () => {
  it('exports the selection as CSV, JSON and vCard, with contacts only where the reader may see them', async () => {
    const { client } = await memberClient();
    await createOwn(client, {
      name: '=HYPERLINK("http://evil.example","x")',
      name_translit: '',
      country: 'MM',
      email: 'members-only@example.org',
      contact_visibility: 'members',
      org_slug: '',
    });
    const csv = await hub.client().get('/directory/people/export.csv?country=MM');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="creative-hub-people-[\d-]+\.csv"/,
    );
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv.text).not.toContain('members-only@example.org');
    expect((await client.get('/directory/people/export.csv?country=MM')).text).toContain(
      'members-only@example.org',
    );

    const json = JSON.parse((await hub.client().get('/directory/people/export.json?country=CN')).text);
    expect(json.count).toBe(3);
    expect(json.people.find((p: { slug: string }) => p.slug === 'li-ming')).toMatchObject({
      organisations: [{ slug: 'qingdao-culture-bureau', role: 'Director General' }],
    });
    const vcf = await hub.client().get('/directory/people/export.vcf?organisation=lao-heritage-department');
    expect(vcf.headers.get('content-type')).toContain('text/vcard');
    expect(vcf.text.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(vcf.text).toContain('KIND:individual');
    expect(vcf.text).toContain('FN:Viengeo Souksavatdy');
  });
});

describe('/api/v1/people', () => {
  it('lists with the page filters, reads one person, and is in the OpenAPI document', async () => {
    const list = JSON.parse((await hub.client().get('/api/v1/people?country=CN&sort=name')).text);
    expect(list.total).toBe(3);
    expect(list.items.map((p: { slug: string }) => p.slug)).toEqual([
      'li-ming',
      'marielza-oliveira',
      'shen-yubiao',
    ]);
    const one = JSON.parse((await hub.client().get('/api/v1/people/marielza-oliveira')).text);
    expect(one).toMatchObject({
      slug: 'marielza-oliveira',
      country: 'CN',
      organisations: [{ slug: 'unesco-beijing', role: 'Director and Representative' }],
      claimed: false,
      email: null,
    });
    expect((await hub.client().get('/api/v1/people/nobody')).status).toBe(404);
    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/people', '/people/{slug}']));
  });

  it('creates, changes and deletes with a token, with the same rules and permissions as the pages', async () => {
    const user = await hub.createUser();
    const { token } = await createApiToken(hub.deps.db, user.id, 'sync');
    const auth = { authorization: `Bearer ${token}` };
    const api = hub.client();
    expect(
      (await api.request('/api/v1/people', { method: 'POST', json: { name: 'x', lang: 'en' } })).status,
    ).toBe(401);
    const invalid = await api.request('/api/v1/people', {
      method: 'POST',
      headers: auth,
      json: {
        name: 'API Person',
        lang: 'en',
        country: 'ZZ',
        links: ['ftp://example.org'],
        organisations: [{ slug: 'stella', role: 'r'.repeat(121) }],
      },
    });
    expect(invalid.status).toBe(422);
    expect(Object.keys(JSON.parse(invalid.text).errors).sort()).toEqual([
      'country',
      'links',
      'organisations',
    ]);
    const wrongType = await api.request('/api/v1/people', {
      method: 'POST',
      headers: auth,
      json: { name: 42, lang: 'en' },
    });
    expect(wrongType.status).toBe(422);
    expect(JSON.parse(wrongType.text).errors).toHaveProperty('name');
    const unknownOrg = await api.request('/api/v1/people', {
      method: 'POST',
      headers: auth,
      json: { name: 'API Person', lang: 'en', organisations: [{ slug: 'nowhere' }] },
    });
    expect(unknownOrg.status).toBe(422);
    expect(JSON.parse(unknownOrg.text).errors.organisations).toContain('No such organisation');
    const notJson = await api.request('/api/v1/people', {
      method: 'POST',
      headers: auth,
      form: { name: 'Form Person', lang: 'en' },
      csrf: false,
    });
    expect(notJson.status).toBe(415);
    expect(await peopleCount('API Person')).toBe(0);
    expect(await peopleCount('Form Person')).toBe(0);

    const created = await api.request('/api/v1/people', {
      method: 'POST',
      headers: auth,
      json: {
        name: 'Api Person',
        lang: 'en',
        country: 'TH',
        organisations: [
          { slug: 'mekong-institute', role: 'Trainer' },
          { slug: 'unesco-bangkok', role: null },
        ],
        skills: ['training', 'Training', 'IPR'],
        links: ['https://example.org/api-person'],
        domains: ['design_creative_services'],
      },
    });
    expect(created.status, created.text).toBe(201);
    const body = JSON.parse(created.text);
    expect(body).toMatchObject({
      slug: 'api-person',
      claimed: true,
      skills: ['training', 'IPR'],
      organisations: [
        { slug: 'mekong-institute', role: 'Trainer' },
        { slug: 'unesco-bangkok', role: null },
      ],
    });
    // One profile per member, through the API as well.
    expect(
      (
        await api.request('/api/v1/people', {
          method: 'POST',
          headers: auth,
          json: { name: 'Twice', lang: 'en' },
        })
      ).status,
    ).toBe(409);
    // Only editors make profiles for others.
    expect(
      (
        await api.request('/api/v1/people', {
          method: 'POST',
          headers: auth,
          json: { owner: 'none', name: 'Other', lang: 'en' },
        })
      ).status,
    ).toBe(403);

    const patched = await api.request('/api/v1/people/api-person', {
      method: 'PATCH',
      headers: auth,
      json: { title: 'Trainer in IPR' },
    });
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.text)).toMatchObject({
      title: 'Trainer in IPR',
      country: 'TH',
      skills: ['training', 'IPR'],
    });
    const badPatch = await api.request('/api/v1/people/api-person', {
      method: 'PATCH',
      headers: auth,
      json: { country: 'XX' },
    });
    expect(badPatch.status).toBe(422);

    const stranger = await hub.createUser();
    const other = { authorization: `Bearer ${(await createApiToken(hub.deps.db, stranger.id, 'x')).token}` };
    expect(
      (
        await api.request('/api/v1/people/api-person', {
          method: 'PATCH',
          headers: other,
          json: { name: 'Mine now' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await api.request('/api/v1/people/api-person', { method: 'DELETE', headers: other })).status,
    ).toBe(403);
    expect(JSON.parse((await api.get('/api/v1/people/api-person')).text).name).toBe('Api Person');

    const editor = await hub.createUser({ role: 'editor' });
    const editorAuth = {
      authorization: `Bearer ${(await createApiToken(hub.deps.db, editor.id, 'e')).token}`,
    };
    const forOther = await api.request('/api/v1/people', {
      method: 'POST',
      headers: editorAuth,
      json: { owner: 'none', name: 'Someone Without Account', lang: 'en' },
    });
    expect(forOther.status).toBe(201);
    expect(JSON.parse(forOther.text).claimed).toBe(false);

    expect((await api.request('/api/v1/people/api-person', { method: 'DELETE', headers: auth })).status).toBe(
      204,
    );
    expect((await api.get('/api/v1/people/api-person')).status).toBe(404);
  });
});
