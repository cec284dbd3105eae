// The pages of sign-in with an organisation's identity provider, top to bottom as the list of their
// URLs: going to the provider, coming back from it, and unlinking an identity on the account page.
// Whatever goes wrong on the way (the person said no, an old or replayed answer, a provider that
// does not answer or whose tokens do not check out) is the login page with a message, never an
// error page: the person only has to try again, or use their password.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { OidcConfig } from '../../../config.ts';
import { actingUser, actionContext } from '../../../platform/actions.ts';
import type { AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { localPath } from '../../../platform/http/request.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { countOrRefuse, LIMITS } from '../limits.ts';
import { attemptForm } from '../refusals.ts';
import { loginPage, signIn } from '../routes-sign-in.tsx';
import { memberOfIdentity, unlinkIdentity } from './actions.ts';
import { authorizationRequest, CALLBACK_PATH, type ProviderPerson, readAnswer } from './client.ts';
import { keepPendingLogin, takePendingLogin } from './pending.ts';

type C = Context<AppEnv>;

/** The settings, or 404 on a hub without OpenID Connect. */
function settingsOf(c: C): OidcConfig {
  const settings = c.var.deps.config.oidc;
  if (!settings) throw new HttpError(404, 'error.404.message');
  return settings;
}

const refused = (c: C, message: MessageKey, status: ContentfulStatusCode, next = '') =>
  loginPage(c, { state: { errors: { _form: message } }, next }, status);

export function openidPages() {
  const app = new Hono<AppEnv>();

  app.get('/login/openid', async (c) => {
    const settings = settingsOf(c);
    const next = localPath(c.req.query('next'), '');
    if (c.var.auth) return c.redirect(next || '/account', 303);
    const limited = await attemptForm(c, () =>
      countOrRefuse(c.var.deps.db, [[LIMITS.openidPerIp, actionContext(c).ip ?? '']]),
    );
    if (!limited.ok)
      return loginPage(c, { state: { errors: limited.errors }, next, wait: limited.wait }, limited.status);
    let request: Awaited<ReturnType<typeof authorizationRequest>>;
    try {
      request = await authorizationRequest(settings, `${c.var.deps.config.baseUrl}${CALLBACK_PATH}`);
    } catch (err) {
      c.var.deps.logger.warn({ err: String(err) }, 'OpenID provider not reachable');
      return refused(c, 'openid.unavailable', 503, next);
    }
    await keepPendingLogin(c, { ...request, next });
    return c.redirect(request.url.href, 303);
  });

  app.get(CALLBACK_PATH, async (c) => {
    const settings = settingsOf(c);
    const query = c.req.query();
    // Taken out whatever comes next: an answer is used once.
    const pending = await takePendingLogin(c, (query.state ?? '').slice(0, 200));
    if (query.error)
      return refused(c, query.error === 'access_denied' ? 'openid.denied' : 'openid.failed', 400);
    if (!pending) return refused(c, 'openid.expired', 400);
    // The address the provider sent the browser back to, as the hub registered it there (a proxy
    // in front may have changed the request's own).
    const callbackUrl = new URL(
      `${CALLBACK_PATH}?${new URL(c.req.url).searchParams}`,
      c.var.deps.config.baseUrl,
    );
    let person: ProviderPerson;
    try {
      person = await readAnswer(settings, callbackUrl, pending);
    } catch (err) {
      c.var.deps.logger.warn({ err: String(err) }, 'OpenID sign-in failed');
      return refused(c, 'openid.failed', 400, pending.next);
    }
    try {
      const user = await memberOfIdentity(actionContext(c), person);
      return signIn(c, user, pending.next);
    } catch (err) {
      if (!(err instanceof HttpError) || err.status >= 500) throw err;
      return refused(c, err.messageKey, err.status as ContentfulStatusCode, pending.next);
    }
  });

  app.post('/account/openid/:id/unlink', async (c) => {
    const ctx = actionContext(c);
    actingUser(ctx);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) throw new HttpError(404, 'error.404.message');
    await unlinkIdentity(ctx, id);
    setFlash(c, 'openid.unlinked');
    return c.redirect('/account#openid-h', 303);
  });

  return app;
}
