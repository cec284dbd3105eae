// /api/v1 for applications, on SQLite or PostgreSQL: the reviewers' list with the balance, one
// application, decisions; the applicant's own list, one application and the withdrawal; 401
// without credentials and 403 for strangers; the routes in the OpenAPI document.
import { describe, expect, it } from 'vitest';
import { api } from '../../../../test/api.ts';
import { lastAuditEntry } from '../../../../test/audit.ts';
import { platformForFile } from '../../../../test/harness.ts';
import {
  addQuestion,
  apply,
  categoryId,
  createEvent,
  registrationOf,
  setUpRegistration,
  standardFields,
} from './test-helpers.ts';

const hub = await platformForFile();
const organiser = await hub.signedInWithToken('editor');
const slug = await createEvent(organiser.client, { title: 'Selection by API' });
await setUpRegistration(organiser.client, slug, { capacity: '10' });
const question = await addQuestion(hub, organiser.client, slug, {
  kind: 'number',
  label: 'Years of practice',
});
const applicant = await hub.signedInWithToken();
const applied = await apply(applicant.client, slug, {
  ...standardFields({ category_id: await categoryId(hub, slug, 'Government officials') }),
  [`q_${question}`]: '12',
});
expect(applied.status).toBe(303);

/** The reviewers' list of the event (its slug is known once beforeAll ran). */
const list = () => `/api/v1/events/${slug}/applications`;

describe('the reviewers’ API', () => {
  it('answers 401 without credentials and 403 to a stranger', async () => {
    expect((await api(hub, null, 'GET', `/api/v1/events/${slug}/applications`)).status).toBe(401);
    const stranger = await hub.signedInWithToken();
    const refused = await api(hub, stranger.token, 'GET', `/api/v1/events/${slug}/applications`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const id = (await registrationOf(hub, slug, applicant.user.id))!.id;
    expect((await api(hub, stranger.token, 'GET', `/api/v1/events/${slug}/applications/${id}`)).status).toBe(
      403,
    );
    expect(
      (
        await api(hub, stranger.token, 'POST', `/api/v1/events/${slug}/applications/${id}/decision`, {
          decision: 'accepted',
        })
      ).status,
    ).toBe(403);
    expect((await registrationOf(hub, slug, applicant.user.id))?.status).toBe('submitted');
  });

  it('lists the applications with their answers and the balance of the selection', async () => {
    const res = await api(hub, organiser.token, 'GET', list());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      total: 1,
      page: 1,
      balance: {
        capacity: 10,
        accepted: 0,
        submitted: 1,
        byCountry: [{ key: 'LA', submitted: 1 }],
        byGender: [{ key: 'woman', submitted: 1 }],
      },
    });
    const [item] = res.body.items as Record<string, unknown>[];
    expect(item).toMatchObject({
      status: 'submitted',
      name: 'Vilayvanh Phommachanh',
      country: 'LA',
      category: 'Government officials',
      gender: 'woman',
      networkingConsent: true,
      answers: [{ field: question, label: 'Years of practice', kind: 'number', value: 12, hidden: false }],
      reviews: [],
    });
    const byCategory = (res.body.balance as { byCategory: { label: string | null }[] }).byCategory;
    expect(byCategory.map((r) => r.label)).toEqual(['Government officials']);
    const filtered = await api(hub, organiser.token, 'GET', `${list()}?status=accepted`);
    expect(filtered.body.total).toBe(0);
  });

  it('records a decision, refusing an unknown one and one’s own application', async () => {
    const id = (await registrationOf(hub, slug, applicant.user.id))!.id;
    const bad = await api(hub, organiser.token, 'POST', `${list()}/${id}/decision`, { decision: 'maybe' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toHaveProperty('decision');
    const form = await hub.app.request(`${list()}/${id}/decision`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${organiser.token}`,
        'accept-language': 'en',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'decision=accepted',
    });
    expect(form.status).toBe(415);
    expect((await form.json()).detail).toContain('application/json');
    const ok = await api(hub, organiser.token, 'POST', `${list()}/${id}/decision`, { decision: 'accepted' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id, status: 'accepted' });
    const roster = await hub.deps.db
      .selectFrom('event_participants')
      .select('name')
      .where('registration_id', '=', id)
      .execute();
    expect(roster).toEqual([{ name: 'Vilayvanh Phommachanh' }]);
    const audit = await lastAuditEntry(hub, { action: 'event.registration.accepted', subjectId: id });
    expect(audit.details).toMatchObject({
      via: 'api',
      from: 'submitted',
      to: 'accepted',
    });
    // An organiser's own application is decided by someone else.
    const own = await apply(
      organiser.client,
      slug,
      standardFields({ category_id: await categoryId(hub, slug, 'Government officials') }),
    );
    expect(own.status).toBe(303);
    const ownId = (await registrationOf(hub, slug, organiser.user.id))!.id;
    expect(
      (await api(hub, organiser.token, 'POST', `${list()}/${ownId}/decision`, { decision: 'accepted' }))
        .status,
    ).toBe(403);
    expect((await api(hub, organiser.token, 'GET', `${list()}/999999`)).status).toBe(404);
  });
});

describe('the applicant’s API', () => {
  it('lists and reads one’s own applications only, and withdraws once', async () => {
    const mine = await api(hub, applicant.token, 'GET', '/api/v1/me/applications');
    expect(mine.status).toBe(200);
    const [entry] = mine.body.items as { id: number; status: string; event: { slug: string }; url: string }[];
    expect(entry).toMatchObject({ status: 'accepted', event: { slug } });
    expect(entry?.url).toBe(`http://hub.test/events/${slug}/application`);
    const one = await api(hub, applicant.token, 'GET', `/api/v1/me/applications/${entry!.id}`);
    expect(one.body).toMatchObject({ id: entry!.id, answers: [{ value: 12 }] });
    expect(one.body).not.toHaveProperty('reviews');
    const stranger = await hub.signedInWithToken();
    expect((await api(hub, stranger.token, 'GET', `/api/v1/me/applications/${entry!.id}`)).status).toBe(404);
    expect(
      (await api(hub, stranger.token, 'POST', `/api/v1/me/applications/${entry!.id}/withdraw`)).status,
    ).toBe(404);
    expect((await api(hub, null, 'GET', '/api/v1/me/applications')).status).toBe(401);
    const withdrawn = await api(
      hub,
      applicant.token,
      'POST',
      `/api/v1/me/applications/${entry!.id}/withdraw`,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(
      await hub.deps.db
        .selectFrom('event_participants')
        .select('id')
        .where('registration_id', '=', entry!.id)
        .execute(),
    ).toEqual([]);
    expect(
      (await api(hub, applicant.token, 'POST', `/api/v1/me/applications/${entry!.id}/withdraw`)).status,
    ).toBe(409);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await api(hub, null, 'GET', '/api/v1/openapi.json');
    const paths = Object.keys(doc.body.paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/events/{slug}/applications',
        '/events/{slug}/applications/{id}',
        '/events/{slug}/applications/{id}/decision',
        '/me/applications',
        '/me/applications/{id}',
        '/me/applications/{id}/withdraw',
      ]),
    );
  });
});
