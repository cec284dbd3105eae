// The account page and its forms, top to bottom as the list of their URLs: profile, password,
// address (and the link that confirms a new one), API tokens, sessions, "download my data",
// deleting the account. Each form calls its action (actions/account.ts); a refusal shows the page
// again with the form as it was sent.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { User } from '../../db/schema.ts';
import { actingUser, actionContext } from '../../platform/actions.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { endSession } from '../../platform/sessions.ts';
import { renderPage } from '../../ui/render.tsx';
import { listApiTokens, listSessions } from './access.ts';
import {
  changePassword,
  confirmEmailChange,
  createToken,
  deleteAccount,
  logOutEverywhere,
  requestEmailChange,
  revokeToken,
  updateProfile,
} from './actions/account.ts';
import { exportOfMember } from './export.ts';
import { listIdentities } from './openid/actions.ts';
import { attemptForm } from './refusals.ts';
import {
  changeEmailSchema,
  changePasswordSchema,
  createTokenSchema,
  deleteAccountSchema,
  profileSchema,
} from './schemas.ts';
import { type AccountForms, AccountView } from './views/account.tsx';
import { MessageView } from './views/message.tsx';

type C = Context<AppEnv>;

/** The session making the request (kept when the password changes), if it is one. */
const currentSession = (c: C) => (c.var.auth?.via === 'session' ? c.var.auth.session.id : undefined);

async function showAccount(c: C, user: User, forms: AccountForms = {}, status: ContentfulStatusCode = 200) {
  const { db } = c.var.deps;
  const [tokens, sessions, identities] = await Promise.all([
    listApiTokens(db, user.id),
    listSessions(db, user.id),
    listIdentities(db, user.id),
  ]);
  return renderPage(
    c,
    { title: c.var.t('account.title'), noindex: true },
    <AccountView
      account={user}
      tokens={tokens}
      sessions={sessions}
      currentSessionId={currentSession(c)}
      forms={forms}
      identities={identities}
      provider={c.var.deps.config.oidc?.name}
    />,
    status,
  );
}

type FormName = 'profile' | 'password' | 'email' | 'token' | 'delete';

/**
 * One form of the account page: read with `schema`, done by `write`, then `after` answers. Invalid
 * input or a refusal shows the page again with that form as it was sent and its messages.
 */
function accountForm<S extends z.ZodType, T>(
  name: FormName,
  schema: S,
  write: (c: C, input: z.output<S>) => Promise<T>,
  after: (c: C, value: T, user: User) => Response | Promise<Response>,
) {
  return async (c: C) => {
    const user = actingUser(actionContext(c));
    const form = await readForm(c, schema);
    if (!form.ok) return showAccount(c, user, { [name]: form }, 422);
    const done = await attemptForm(c, () => write(c, form.data));
    if (!done.ok)
      return showAccount(
        c,
        user,
        { [name]: { values: form.values, errors: done.errors }, wait: done.wait },
        done.status,
      );
    return after(c, done.value, user);
  };
}

/** Back to the account page with a message. */
const saved =
  (flash: Parameters<typeof setFlash>[1], to = '/account') =>
  (c: C) => {
    setFlash(c, flash);
    return c.redirect(to, 303);
  };

export function accountPages() {
  const app = new Hono<AppEnv>();

  app.get('/account', (c) => showAccount(c, actingUser(actionContext(c))));

  app.post(
    '/account/profile',
    accountForm(
      'profile',
      profileSchema,
      (c, input) => updateProfile(actionContext(c), input),
      saved('account.profileSaved'),
    ),
  );

  app.post(
    '/account/password',
    accountForm(
      'password',
      changePasswordSchema,
      (c, input) => changePassword(actionContext(c), input, currentSession(c)),
      saved('account.passwordChanged'),
    ),
  );

  app.post(
    '/account/email',
    accountForm(
      'email',
      changeEmailSchema,
      (c, input) => requestEmailChange(actionContext(c), input),
      saved('account.emailChangeSent'),
    ),
  );

  app.get('/account/email/confirm', async (c) => {
    const result = await confirmEmailChange(actionContext(c), c.req.query('token') ?? '');
    if (!result.ok) {
      const message =
        result.reason === 'emailTaken' ? 'account.emailTaken' : (`token.${result.reason}` as const);
      return renderPage(
        c,
        { title: c.var.t('account.emailChangeFailed'), noindex: true },
        <MessageView title="account.emailChangeFailed" message={message} />,
        400,
      );
    }
    setFlash(c, 'account.emailChanged');
    return c.redirect(c.var.auth ? '/account' : '/login', 303);
  });

  // The token is shown on this response only; it is not stored anywhere it could be read again.
  app.post(
    '/account/tokens',
    accountForm(
      'token',
      createTokenSchema,
      (c, input) => createToken(actionContext(c), input.name),
      (c, created, user) => showAccount(c, user, { newToken: created.token }),
    ),
  );

  app.post('/account/tokens/:id/revoke', async (c) => {
    const ctx = actionContext(c);
    actingUser(ctx);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) throw new HttpError(404, 'error.404.message');
    await revokeToken(ctx, id);
    setFlash(c, 'account.tokenRevoked');
    return c.redirect('/account#tokens', 303);
  });

  app.post('/account/sessions/end-all', async (c) => {
    await logOutEverywhere(actionContext(c));
    await endSession(c);
    setFlash(c, 'account.loggedOutEverywhere');
    return c.redirect('/login', 303);
  });

  app.get('/account/export.json', async (c) => {
    const user = actingUser(actionContext(c));
    const data = await exportOfMember(c.var.deps, user.id);
    c.header('Content-Disposition', `attachment; filename="creative-hub-account-${user.id}.json"`);
    c.header('Cache-Control', 'private, no-store');
    return c.json(data);
  });

  app.post(
    '/account/delete',
    accountForm(
      'delete',
      deleteAccountSchema,
      (c, input) => deleteAccount(actionContext(c), input),
      async (c) => {
        await endSession(c);
        return saved('account.deleted', '/')(c);
      },
    ),
  );

  return app;
}
