// Feedback through the whole app, on SQLite or PostgreSQL: the organisers' questions (and their
// refusals), a participant's answers once, a rating or choice of the wrong type refused next to the
// question with everything kept, a second response refused (409, page and API), the summary's
// counts, averages and texts, and the organisers' choice to show it on the public report.
import { beforeAll, describe, expect, it } from 'vitest';
import { rowCount } from '../../../../test/counts.ts';
import { type TestClient, visibleText } from '../../../../test/harness.ts';
import { expectFormRefused } from '../../../../test/refusals.ts';
import { questionsOf } from './feedback.ts';
import { demoPlatform, enrol, eventId, KHON_KAEN, organiserOf } from './test-helpers.ts';

const base = `/events/${KHON_KAEN}/feedback`;

const hub = await demoPlatform();
const { client: organiser } = await organiserOf(hub, 'mekong-institute');

const question = (form: Record<string, string>) =>
  organiser.submit(`${base}/questions`, `${base}/questions`, {
    kind: 'long_text',
    label: '',
    options: '',
    ...form,
  });

const ids = async () => {
  const qs = await questionsOf(hub.deps.db, await eventId(hub, KHON_KAEN));
  const of = (kind: string) => qs.find((q) => q.kind === kind)?.id ?? 0;
  return { rating: of('rating'), choice: of('single_choice'), text: of('long_text') };
};

describe('questions', () => {
  it('lets the organisers add a rating, a choice and a text question', async () => {
    expect(
      (await question({ kind: 'rating', label: 'How useful was Module 3 (IPRs)?', required: '1' })).status,
    ).toBe(303);
    expect(
      (
        await question({
          kind: 'single_choice',
          label: 'Will you use the action plan template?',
          options: 'Yes\nNo\nNot sure',
        })
      ).status,
    ).toBe(303);
    expect((await question({ label: 'What should the next training add?' })).status).toBe(303);
    const page = visibleText((await organiser.get(`${base}/questions`)).text);
    expect(page).toContain('How useful was Module 3 (IPRs)?');
    expect(page).toContain('Yes / No / Not sure');
  });

  it('refuses a choice question without two different answers, and strangers', async () => {
    const res = await question({ kind: 'single_choice', label: 'Lunch?', options: 'Yes\nyes' });
    expectFormRefused(res, [], ['id="f-options-error"', 'Lunch?']);
    const { client: stranger } = await hub.signedIn();
    expect((await stranger.get(`${base}/questions`)).status).toBe(403);
    expect((await stranger.request(`${base}/questions`, { form: { kind: 'text', label: 'x' } })).status).toBe(
      403,
    );
    expect((await questionsOf(hub.deps.db, await eventId(hub, KHON_KAEN))).length).toBe(3);
  });
});

describe('answers', () => {
  let participant: TestClient;
  beforeAll(async () => {
    const signed = await hub.signedIn();
    participant = signed.client;
    await enrol(hub, KHON_KAEN, signed.user.id);
  });

  it('refuses answers of the wrong type next to the question, keeping what was typed', async () => {
    const q = await ids();
    const before = await rowCount(hub, 'questionnaire_responses');
    for (const [fields, errorId] of [
      [{ [`q${q.rating}`]: '7', [`q${q.text}`]: 'Kept text' }, `f-q${q.rating}-error`],
      [{ [`q${q.rating}`]: 'great', [`q${q.text}`]: 'Kept text' }, `f-q${q.rating}-error`],
      [{ [`q${q.rating}`]: '', [`q${q.text}`]: 'Kept text' }, `f-q${q.rating}-error`],
      [
        { [`q${q.rating}`]: '4', [`q${q.choice}`]: 'Maybe', [`q${q.text}`]: 'Kept text' },
        `f-q${q.choice}-error`,
      ],
    ] as const) {
      const res = await participant.submit(base, base, fields);
      expect(res.status, errorId).toBe(422);
      expect(res.text).toContain(`id="${errorId}"`);
      expect(res.text).toContain('Kept text');
    }
    expect(await rowCount(hub, 'questionnaire_responses')).toBe(before);
    const api = await participant.request(`/api/v1/events/${KHON_KAEN}/feedback`, {
      json: { answers: { [q.rating]: true } },
      headers: { 'x-csrf-token': participant.csrfToken() },
    });
    expect(api.status).toBe(422);
    expect(JSON.parse(api.text).errors[`q${q.rating}`]).toBe('Choose a rating from 1 to 5.');
  });

  it('takes one response, then refuses a second on the page and in the API', async () => {
    const q = await ids();
    const sent = await participant.submit(base, base, {
      [`q${q.rating}`]: '4',
      [`q${q.choice}`]: 'Yes',
      [`q${q.text}`]: 'More time for the IPR case studies',
    });
    expect(sent.status).toBe(303);
    expect(await rowCount(hub, 'questionnaire_answers')).toBe(3);
    const again = await participant.submit(base, base, { [`q${q.rating}`]: '1' });
    expect(again.status).toBe(409);
    expect(visibleText(again.text)).toContain('You have already sent your feedback for this event.');
    const api = await participant.request(`/api/v1/events/${KHON_KAEN}/feedback`, {
      json: { answers: { [q.rating]: 2 } },
      headers: { 'x-csrf-token': participant.csrfToken() },
    });
    expect(api.status).toBe(409);
    expect(await rowCount(hub, 'questionnaire_responses')).toBe(1);
  });

  it('takes a second participant’s answers through the API', async () => {
    const q = await ids();
    const { user, client } = await hub.signedIn();
    await enrol(hub, KHON_KAEN, user.id);
    await client.get('/account');
    const res = await client.request(`/api/v1/events/${KHON_KAEN}/feedback`, {
      json: { answers: { [q.rating]: 5, [q.choice]: 'Not sure' } },
      headers: { 'x-csrf-token': client.csrfToken() },
    });
    expect(res.status, res.text).toBe(201);
  });

  it('refuses people not on the roster, and an event whose last day has not come', async () => {
    const q = await ids();
    const { client: stranger } = await hub.signedIn();
    expect((await stranger.get(base)).status).toBe(403);
    expect((await stranger.request(base, { form: { [`q${q.rating}`]: '5' } })).status).toBe(403);
    const { user, client } = await hub.signedIn();
    await enrol(hub, KHON_KAEN, user.id);
    await hub.deps.db
      .updateTable('events')
      .set({ status: 'announced', ends_on: '2099-09-13', starts_on: '2099-09-09' })
      .where('slug', '=', KHON_KAEN)
      .execute();
    try {
      expect(visibleText((await client.get(base)).text)).toContain('opens on the last day');
      expect((await client.request(base, { form: { [`q${q.rating}`]: '5' } })).status).toBe(403);
    } finally {
      await hub.deps.db
        .updateTable('events')
        .set({ status: 'held', starts_on: '2024-09-09', ends_on: '2024-09-13' })
        .where('slug', '=', KHON_KAEN)
        .execute();
    }
  });
});

describe('the summary', () => {
  it('gives organisers counts, averages and texts; the public only when they choose', async () => {
    const q = await ids();
    const summary = await organiser.get(`${base}/summary`);
    expect(summary.status).toBe(200);
    const text = visibleText(summary.text);
    expect(text).toContain('2 responses.');
    expect(text).toContain('Average: 4.5 out of 5');
    expect(text).toContain('More time for the IPR case studies');
    expect(summary.text).toMatch(/<th scope="row">Yes<\/th><td>1<\/td><td>50%<\/td>/);

    const publicReport = () => hub.client().get(`/events/${KHON_KAEN}/report`);
    expect(visibleText((await publicReport()).text)).not.toContain('More time for the IPR case studies');
    expect((await hub.client().get(`${base}/summary`)).status).toBe(303);
    expect((await hub.app.request(`/api/v1/events/${KHON_KAEN}/feedback`)).status).toBe(401);

    const chose = await organiser.submit(`/events/${KHON_KAEN}/after`, `/events/${KHON_KAEN}/after`, {
      outcomes: '',
      recommendations: '',
      feedback_public: '1',
    });
    expect(chose.status).toBe(303);
    const shown = visibleText((await publicReport()).text);
    expect(shown).toContain('Summary of the feedback');
    expect(shown).toContain('More time for the IPR case studies');
    const api = await (await hub.app.request(`/api/v1/events/${KHON_KAEN}/feedback`)).json();
    expect(api.responses).toBe(2);
    expect(api.questions.find((x: { id: number }) => x.id === q.rating).average).toBe(4.5);
  });
});
