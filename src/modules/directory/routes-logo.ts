// Serving, uploading and removing organisation logos. The upload form lives on the members page
// (views/members.tsx); a refused upload shows that page again with the reason next to the field.
import { Hono } from 'hono';
import { chosenFile, imageResponse } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { bySlug, loadOrganisationRow } from './access.ts';
import { changeLogo, removeLogo } from './actions/logo.ts';
import { logos } from './logo.ts';
import { canChangeLogo } from './permissions.ts';
import { loadForMembers, showMembersPage } from './routes-members.tsx';

export function directoryLogoPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  // /logo.webp for people and caches that go by the extension; /logo for short.
  for (const path of ['/directory/:slug/logo.webp', '/directory/:slug/logo']) {
    app.get(
      path,
      bySlug(async (c) => {
        const { org } = await loadOrganisationRow(c);
        // Logos of unpublished organisations are seen only by their people: no shared caches.
        return imageResponse(c, (size) => logos.bytes(db, org.id, size), {
          shared: org.status === 'published',
        });
      }),
    );
  }

  app.post(
    '/directory/:slug/logo',
    bySlug(async (c) => {
      const loaded = await loadForMembers(c, canChangeLogo);
      // The CSRF check has already read the body (within UPLOAD_LIMIT_MB); this is the logo's own limit.
      const file = chosenFile((await c.req.parseBody()).logo);
      const check = await logos.check(file);
      if (!check.ok) {
        const { key, values, status } = check.refusal;
        return showMembersPage(c, loaded, { logoError: { key, values } }, status);
      }
      await changeLogo(loaded.ctx, loaded.org, check.image, file?.size ?? 0);
      setFlash(c, 'directory.logo.saved');
      return c.redirect(`/directory/${loaded.org.slug}/members`, 303);
    }),
  );

  app.post(
    '/directory/:slug/logo/delete',
    bySlug(async (c) => {
      const loaded = await loadForMembers(c, canChangeLogo);
      await removeLogo(loaded.ctx, loaded.org);
      setFlash(c, 'directory.logo.removed');
      return c.redirect(`/directory/${loaded.org.slug}/members`, 303);
    }),
  );

  return app;
}
