// The seam for events (docs/press.md), through the whole app on SQLite or PostgreSQL: a clipping
// names an event of the hub on its form or through the API, its page links to the event (and says
// so in JSON-LD), the event page lists its clippings; an unknown event is refused with 422 and the
// form back; a draft event is never shown. The demo clippings of the Hue dialogue point to it.
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { expectFormRefused } from '../../../test/refusals.ts';
import { SEED_DIR } from '../../seed.ts';
import { seedPress } from './seed.ts';
import { clippingForm, countClippings, postClippingForm } from './test-helpers.ts';

const HUE = 'policy-dialogue-creative-hubs-hue-2016';
const QINGDAO = 'consultative-meeting-2005-convention-northeast-asia-qingdao-2017';

const hub = await platformForFile({ seed: ['directory', 'people', 'events', 'press'] });
const { client: editor } = await hub.signedIn('editor');

describe('clippings about an event', () => {
  it('links the demo coverage of the Hue dialogue to the event, both ways, once', async () => {
    const linked = await hub.deps.db
      .selectFrom('press_clippings')
      .innerJoin('events', 'events.id', 'press_clippings.event_id')
      .select(['press_clippings.id', 'events.slug'])
      .execute();
    expect(linked.length).toBe(5);
    expect(new Set(linked.map((l) => l.slug))).toEqual(new Set([HUE]));
    await seedPress({ deps: hub.deps, seedDir: SEED_DIR });
    expect(await countClippings(hub)).toBe(9);

    const event = await hub.client().get(`/events/${HUE}`);
    expect(visibleText(event.text)).toContain('Press coverage');
    for (const { id } of linked) expect(event.text).toContain(`href="/press/${id}"`);
    const clipping = await hub.client().get(`/press/${linked[0]?.id}`);
    expect(clipping.text).toContain(`href="/events/${HUE}"`);
    expect(clipping.text).toContain(
      `"about":{"@type":"Event","name":"Policy Dialogue on Creative hubs and Creative industries","url":"http://hub.test/events/${HUE}"}`,
    );
  });

  it('chooses the event on the form by its slug or address', async () => {
    const res = await postClippingForm(editor, '/press/new', '/press/new', {
      ...clippingForm({
        title: 'Northeast Asia meets on the 2005 Convention',
        url: 'https://example.org/qingdao',
      }),
      event: `http://hub.test/events/${QINGDAO}`,
    });
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    const id = Number(res.location?.replace('/press/', ''));
    const form = await editor.get(`/press/${id}/edit`);
    expect(form.text).toContain(`value="${QINGDAO}"`);
    expect(form.text).toContain('<datalist id="press-events">');
    const event = await hub.client().get(`/events/${QINGDAO}`);
    expect(event.text).toContain(`href="/press/${id}"`);
  });

  it('refuses an event that does not exist, keeping the form and saving nothing', async () => {
    const before = await countClippings(hub);
    const res = await postClippingForm(editor, '/press/new', '/press/new', {
      ...clippingForm({ url: 'https://example.org/nowhere' }),
      event: 'no-such-event-2017',
    });
    expectFormRefused(
      res,
      ['There is no such event on this hub.'],
      ['id="f-event-error"', 'value="no-such-event-2017"'],
    );
    expect(await countClippings(hub)).toBe(before);
  });

  it('names the event in the API, refuses an unknown one, and hides drafts', async () => {
    await editor.get('/press');
    const headers = { 'x-csrf-token': editor.csrfToken() };
    const created = await editor.request('/api/v1/press', {
      json: { ...clippingForm({ url: 'https://example.org/api-hue' }), event: HUE },
      headers,
    });
    expect(created.status, created.text).toBe(201);
    const body = JSON.parse(created.text);
    expect(body.event).toBe(HUE);
    const unknown = await editor.request(`/api/v1/press/${body.id}`, {
      method: 'PATCH',
      json: { event: 'nope' },
      headers,
    });
    expect(unknown.status).toBe(422);
    expect(JSON.parse(unknown.text).errors.event).toBe('There is no such event on this hub.');
    const list = await (await hub.app.request(`/api/v1/press?pageSize=100`)).json();
    expect(list.items.find((i: { id: number }) => i.id === body.id).event).toBe(HUE);

    await hub.deps.db.updateTable('events').set({ status: 'draft' }).where('slug', '=', HUE).execute();
    try {
      const page = await hub.client().get(`/press/${body.id}`);
      expect(page.text).not.toContain(`href="/events/${HUE}"`);
      expect((await (await hub.app.request(`/api/v1/press/${body.id}`)).json()).event).toBeNull();
    } finally {
      await hub.deps.db.updateTable('events').set({ status: 'held' }).where('slug', '=', HUE).execute();
    }
    // Removing the link: an empty event.
    const cleared = await editor.request(`/api/v1/press/${body.id}`, {
      method: 'PATCH',
      json: { event: null },
      headers,
    });
    expect(JSON.parse(cleared.text).event).toBeNull();
  });
});
