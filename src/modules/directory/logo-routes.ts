// Uploading, removing and serving organisation logos. The upload form lives on the members page
// (views-members.tsx); a refused upload shows that page again with the reason next to the field.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { REFUSAL_STATUS, serveImage } from '../../platform/images.ts';
import {
  deleteLogo,
  LOGO_MAX_BYTES,
  type LogoRefusal,
  logoBytes,
  logoInfo,
  logoVersion,
  processLogo,
  saveLogo,
} from './logo.ts';
import { recordHistory } from './members.ts';
import { loadOrganisation, showMembersPage } from './members-routes.tsx';
import { canChangeLogo } from './permissions.ts';

type C = Context<AppEnv>;

const REFUSALS: Record<LogoRefusal, MessageKey> = {
  type: 'directory.logo.wrongType',
  unreadable: 'directory.logo.unreadable',
  tooManyPixels: 'directory.logo.tooManyPixels',
};

/** The organisation for someone who may change its logo (401/403/404 otherwise). */
async function loadForLogo(c: C) {
  requireUser(c);
  const loaded = await loadOrganisation(c);
  if (!loaded) return null;
  if (!canChangeLogo(loaded.user, loaded.role)) throw new HttpError(403, 'error.403.message');
  return { ...loaded, user: requireUser(c) };
}

export function directoryLogoPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  // /logo.webp for people and caches that go by the extension; /logo for short.
  for (const path of ['/directory/:slug/logo.webp', '/directory/:slug/logo']) {
    app.get(path, async (c, next) => {
      const loaded = await loadOrganisation(c);
      if (!loaded) return next();
      const size = c.req.query('size') === 'thumb' ? 'thumb' : 'full';
      const row = await logoBytes(db, loaded.org.id, size);
      if (!row) throw new HttpError(404, 'error.404.message');
      // Logos of unpublished organisations are seen only by their people: no shared caches.
      return serveImage(c, row, { size, shared: loaded.org.status === 'published' });
    });
  }

  app.post('/directory/:slug/logo', async (c, next) => {
    const loaded = await loadForLogo(c);
    if (!loaded) return next();
    const { org, user } = loaded;
    const refuse = (key: MessageKey, status: ContentfulStatusCode, values?: Record<string, number>) =>
      showMembersPage(c, loaded, { logoError: { key, values } }, status);
    // The CSRF check has already read the body (within UPLOAD_LIMIT_MB); this is the logo's own limit.
    const body = await c.req.parseBody();
    const file = body.logo;
    if (!(file instanceof File) || file.size === 0) return refuse('directory.logo.missing', 422);
    if (file.size > LOGO_MAX_BYTES)
      return refuse('directory.logo.tooLarge', 413, { limit: LOGO_MAX_BYTES / 1024 / 1024 });
    const result = await processLogo(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) {
      return refuse(REFUSALS[result.reason], REFUSAL_STATUS[result.reason]);
    }
    await db.transaction().execute(async (trx) => {
      const before = await logoInfo(trx, org.id);
      const savedAt = await saveLogo(trx, org.id, result.logo);
      await recordHistory(trx, org.id, user.id, {
        logo: { from: before?.version ?? null, to: logoVersion(savedAt) },
      });
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'organisation.logo_updated',
        subjectType: 'organisation',
        subjectId: org.id,
        details: { bytes: file.size, width: result.logo.fullWidth, height: result.logo.fullHeight },
      });
    });
    setFlash(c, 'directory.logo.saved');
    return c.redirect(`/directory/${org.slug}/members`, 303);
  });

  app.post('/directory/:slug/logo/delete', async (c, next) => {
    const loaded = await loadForLogo(c);
    if (!loaded) return next();
    const { org, user } = loaded;
    await db.transaction().execute(async (trx) => {
      const before = await logoInfo(trx, org.id);
      if (!(await deleteLogo(trx, org.id)) || !before) return;
      await recordHistory(trx, org.id, user.id, { logo: { from: before.version, to: null } });
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'organisation.logo_removed',
        subjectType: 'organisation',
        subjectId: org.id,
      });
    });
    setFlash(c, 'directory.logo.removed');
    return c.redirect(`/directory/${org.slug}/members`, 303);
  });

  return app;
}
