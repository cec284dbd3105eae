// The front page through the whole app: the hub's name, a way in for visitors, and every module's
// navigation entry.
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';

const hub = await platformForFile();

describe('the front page', () => {
  it('invites visitors to join or log in, and leads to every module with a navigation entry', async () => {
    const res = await hub.client().get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Creative Hub</h1>');
    expect(res.text).toContain('<a class="button" href="/register">');
    const explore = res.text.slice(res.text.indexOf('id="explore-h"'));
    for (const m of hub.deps.modules.filter((m) => m.nav))
      expect(explore).toContain(`<a href="${m.nav?.href}">`);
  });

  it('does not ask a member to join', async () => {
    const { client } = await hub.signedIn();
    const page = await client.get('/');
    expect(page.text).not.toContain('<a class="button" href="/register">');
    expect(visibleText(page.text)).toContain('Creative Hub');
  });
});
