// The shipped frameworks through the whole app, on SQLite or PostgreSQL: DigComp 2.2's areas,
// competences and levels, the creative-sector extension and its role profiles, the pages in Lao,
// /api/v1/skills/frameworks, and the admins' edits with every refusal.
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';

const hub = await platformForFile();
const { client: admin } = await hub.signedIn('admin');
const { client: member } = await hub.signedIn('member');

const competenceId = async (code: string, slug = 'digcomp-2-2') =>
  (
    await hub.deps.db
      .selectFrom('skill_competences as c')
      .innerJoin('skill_frameworks as f', 'f.id', 'c.framework_id')
      .select('c.id')
      .where('f.slug', '=', slug)
      .where('c.code', '=', code)
      .executeTakeFirstOrThrow()
  ).id;

describe('the shipped frameworks', () => {
  it('holds DigComp 2.2: 5 areas, 21 competences, 8 levels in 4 bands, with its own names', async () => {
    const api = JSON.parse((await hub.client().get('/api/v1/skills/frameworks/digcomp-2-2')).text);
    expect(api.areas.map((a: { title: string }) => a.title)).toEqual([
      'Information and data literacy',
      'Communication and collaboration',
      'Digital content creation',
      'Safety',
      'Problem solving',
    ]);
    const competences = api.areas.flatMap(
      (a: { competences: { code: string; title: string }[] }) => a.competences,
    );
    expect(competences).toHaveLength(21);
    expect(competences.find((c: { code: string }) => c.code === '2.5').title).toBe('Netiquette');
    expect(competences.find((c: { code: string }) => c.code === '5.4').title).toBe(
      'Identifying digital competence gaps',
    );
    expect(api.levels.map((l: { band: string }) => l.band)).toEqual([
      'foundation',
      'foundation',
      'intermediate',
      'intermediate',
      'advanced',
      'advanced',
      'highly_specialised',
      'highly_specialised',
    ]);
  });

  it('adds the creative sector to DigComp, with four role profiles that need a level of each competence', async () => {
    const api = JSON.parse((await hub.client().get('/api/v1/skills/frameworks/digcomp-2-2-creative')).text);
    expect(api.extends).toBe('digcomp-2-2');
    const creative = api.areas.find((a: { code: string }) => a.code === 'C');
    expect(creative.competences.map((c: { title: string }) => c.title)).toEqual([
      'Online sales and e-commerce',
      'Digital marketing and audiences',
      'Rights and intellectual property online',
      'Streaming and digital distribution',
      'Audience data',
      'Digital content production',
      'Digital documentation of heritage',
    ]);
    expect(api.areas).toHaveLength(6);
    expect(api.roles.map((r: { code: string }) => r.code)).toEqual([
      'artisan',
      'performing_artist',
      'hub_manager',
      'cultural_official',
    ]);
    for (const role of api.roles) expect(Object.keys(role.levels)).toHaveLength(28);
    expect(api.roles[0].levels['C.1']).toBe(4);
    const list = JSON.parse((await hub.client().get('/api/v1/skills/frameworks')).text);
    expect(list.items.map((f: { slug: string }) => f.slug)).toEqual(['digcomp-2-2', 'digcomp-2-2-creative']);
    expect((await hub.client().get('/api/v1/skills/frameworks/nope')).status).toBe(404);
  });

  it('shows a framework and a role in Lao, translated where the data has it', async () => {
    const page = await hub.client().get('/skills/frameworks/digcomp-2-2-creative?lang=lo');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('ການຂາຍອອນລາຍ ແລະ ການຄ້າອີເລັກໂຕຣນິກ');
    expect(text).toContain('ຄວາມປອດໄພ');
    const role = await hub.client().get('/skills/frameworks/digcomp-2-2-creative/roles/artisan?lang=lo');
    expect(visibleText(role.text)).toContain('ຊ່າງຫັດຖະກຳ');
    expect((await hub.client().get('/skills/frameworks/digcomp-2-2-creative/roles/nope')).status).toBe(404);
  });
});

describe('editing a framework', () => {
  const rolePath = '/skills/frameworks/digcomp-2-2-creative/roles/artisan';

  it('refuses visitors and members', async () => {
    const visitor = hub.client();
    await visitor.get(rolePath);
    expect((await visitor.request(rolePath, { form: {} })).status).toBe(401);
    await member.get(rolePath);
    expect((await member.request(rolePath, { form: {} })).status).toBe(403);
    const edit = '/skills/frameworks/digcomp-2-2/competences/2.5/edit';
    expect((await member.get(edit)).status).toBe(403);
    expect((await visitor.get(edit)).status).toBe(303);
  });

  it("lets an admin change a role's levels, refusing a level out of range with the form kept", async () => {
    const page = await admin.get(rolePath);
    const c1 = await competenceId('C.1', 'digcomp-2-2-creative');
    const netiquette = await competenceId('2.5');
    const names = [...page.text.matchAll(/name="(level_\d+)"/g)].map((m) => m[1] as string);
    expect(names).toHaveLength(28);
    const form = Object.fromEntries(names.map((n) => [n, '2']));
    const bad = await admin.request(rolePath, { form: { ...form, [`level_${c1}`]: '9' } });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain(`id="f-level_${c1}"`);
    const ok = await admin.request(rolePath, {
      form: { ...form, [`level_${c1}`]: '6', [`level_${netiquette}`]: '3' },
    });
    expect(ok.status).toBe(303);
    const api = JSON.parse((await hub.client().get('/api/v1/skills/frameworks/digcomp-2-2-creative')).text);
    expect(api.roles[0].levels).toMatchObject({ 'C.1': 6, '2.5': 3, '1.1': 2 });
    const audit = await hub.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'skills.roleLevelsChanged')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("lets an admin write a competence's texts in other languages", async () => {
    const edit = '/skills/frameworks/digcomp-2-2/competences/2.5/edit';
    await admin.get(edit);
    const bad = await admin.request(edit, {
      form: { title: '', description: 'kept text', title_lo: 'ມາລະຍາດອອນລາຍ' },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('kept text');
    const ok = await admin.request(edit, {
      form: {
        title: 'Netiquette',
        description: 'Behaviour online.',
        title_lo: 'ມາລະຍາດອອນລາຍ',
        description_lo: '',
      },
    });
    expect(ok.status).toBe(303);
    expect(visibleText((await hub.client().get('/skills/frameworks/digcomp-2-2?lang=lo')).text)).toContain(
      'ມາລະຍາດອອນລາຍ',
    );
    expect(visibleText((await hub.client().get('/skills/frameworks/digcomp-2-2')).text)).toContain(
      '2.5 Netiquette',
    );
  });
});
