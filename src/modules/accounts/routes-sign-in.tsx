// The sign-in pages, top to bottom as the list of their URLs: register, confirm the address (and
// ask for a new link), log in and out, forgotten password. Each handler validates the form with
// its schema (shown again, values kept, when something is wrong) and calls an action
// (actions/sign-in.ts), whose refusals come back to the form (refusals.ts).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { User } from '../../db/schema.ts';
import { actionContext } from '../../platform/actions.ts';
import type { AppEnv } from '../../platform/context.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { localPath } from '../../platform/http/request.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { endSession, startSession } from '../../platform/sessions.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { normaliseEmail } from './access.ts';
import {
  logIn,
  logInWithLink,
  register,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  verifyEmail,
} from './actions/sign-in.ts';
import { checkUserToken, type TokenCheck } from './email-tokens.ts';
import { attemptForm } from './refusals.ts';
import { emailOnlySchema, loginSchema, registerSchema, resetSchema } from './schemas.ts';
import { hasTwoFactor } from './two-factor/actions.ts';
import { startChallenge } from './two-factor/challenge.ts';
import { MessageView } from './views/message.tsx';
import {
  CheckEmailView,
  ForgotView,
  LoginView,
  RegisterView,
  ResetView,
  SignInLinkView,
} from './views/sign-in.tsx';

type C = Context<AppEnv>;

/**
 * After the password or a mailed link: a session, or first the second step for a member with
 * two-factor sign-in on (two-factor/challenge.ts), which starts the session once its code is right.
 */
export async function signIn(c: C, user: User, next: string) {
  if (await hasTwoFactor(c.var.deps.db, user.id)) {
    await startChallenge(c, user, next);
    return c.redirect('/login/two-factor', 303);
  }
  // A new session (and a new cookie) at every login: no fixation.
  await startSession(c, user);
  return c.redirect(next || '/account', 303);
}

/**
 * The login form (with "Sign in with <provider>" when OpenID Connect is configured), as sent when
 * it was refused, or with a message of its own (a sign-in the provider did not complete).
 */
export function loginPage(
  c: C,
  props: { state?: FormState; next?: string; wait?: number } = {},
  status: ContentfulStatusCode = 200,
) {
  return renderPage(
    c,
    { title: c.var.t('login.title') },
    <LoginView {...props} openid={c.var.deps.config.oidc?.name} />,
    status,
  );
}

/** The page of a link that does not work (any more): why, and where to go instead. */
function failedLink(c: C, title: MessageKey, check: TokenCheck & { ok: false }, resend: boolean) {
  return renderPage(
    c,
    { title: c.var.t(title), noindex: true },
    <MessageView
      title={title}
      message={`token.${check.reason}`}
      resend={resend}
      action={resend ? undefined : { href: '/password/forgot', label: 'forgot.title' }}
    />,
    400,
  );
}

export function signInPages() {
  const app = new Hono<AppEnv>();

  // ── Register ────────────────────────────────────────────────────────────────
  app.get('/register', (c) => renderPage(c, { title: c.var.t('register.title') }, <RegisterView />));

  app.post('/register', async (c) => {
    const title = c.var.t('register.title');
    const form = await readForm(c, registerSchema);
    if (!form.ok) return renderPage(c, { title }, <RegisterView state={form} />, 422);
    const done = await attemptForm(c, () => register(actionContext(c), form.data));
    if (!done.ok) {
      const state = { values: form.values, errors: done.errors };
      return renderPage(c, { title }, <RegisterView state={state} wait={done.wait} />, done.status);
    }
    return renderPage(
      c,
      { title: c.var.t('register.checkEmailTitle') },
      <CheckEmailView email={normaliseEmail(form.data.email)} />,
    );
  });

  app.get('/verify-email', async (c) => {
    const result = await verifyEmail(actionContext(c), c.req.query('token') ?? '');
    if (!result.ok) return failedLink(c, 'verify.failedTitle', result, true);
    return renderPage(
      c,
      { title: c.var.t('verify.doneTitle'), noindex: true },
      <MessageView
        title="verify.doneTitle"
        message="verify.doneMessage"
        action={{ href: '/login', label: 'layout.logIn' }}
      />,
    );
  });

  app.post('/verify-email/resend', async (c) => {
    const title = c.var.t('verify.resendTitle');
    const form = await readForm(c, emailOnlySchema);
    if (!form.ok)
      return renderPage(
        c,
        { title },
        <MessageView title="verify.resendTitle" message="form.invalidEmail" resend />,
        422,
      );
    const done = await attemptForm(c, () => resendVerification(actionContext(c), form.data.email));
    if (!done.ok)
      return renderPage(
        c,
        { title },
        <MessageView title="verify.resendTitle" message="auth.rateLimited" wait={done.wait} />,
        done.status,
      );
    return renderPage(
      c,
      { title: c.var.t('register.checkEmailTitle') },
      <CheckEmailView email={normaliseEmail(form.data.email)} />,
    );
  });

  // ── Log in, log out ─────────────────────────────────────────────────────────
  app.get('/login', async (c) => {
    if (c.var.auth) return c.redirect(localPath(c.req.query('next')), 303);
    return loginPage(c, { next: localPath(c.req.query('next'), '') });
  });

  app.post('/login', async (c) => {
    const form = await readForm(c, loginSchema);
    const next = localPath(form.values.next, '');
    if (!form.ok) return loginPage(c, { state: form, next }, 422);
    const done = await attemptForm(c, () => logIn(actionContext(c), form.data));
    if (!done.ok) {
      const state = { values: form.values, errors: done.errors };
      return loginPage(c, { state, next, wait: done.wait }, done.status);
    }
    return signIn(c, done.value, next);
  });

  // The link mailed to the owner of an account locked by tries from many addresses.
  app.get('/login/link', async (c) => {
    const token = c.req.query('token') ?? '';
    const check = await checkUserToken(c.var.deps.db, token, 'sign_in');
    if (!check.ok) return failedLink(c, 'login.link.failedTitle', check, false);
    return renderPage(
      c,
      { title: c.var.t('login.link.title'), noindex: true },
      <SignInLinkView token={token} />,
    );
  });

  app.post('/login/link', async (c) => {
    const raw = (await c.req.parseBody()).token;
    const done = await logInWithLink(actionContext(c), typeof raw === 'string' ? raw.slice(0, 100) : '');
    if (!done.ok) return failedLink(c, 'login.link.failedTitle', done, false);
    return signIn(c, done.user, '');
  });

  app.post('/logout', async (c) => {
    await endSession(c);
    setFlash(c, 'logout.done');
    return c.redirect('/', 303);
  });

  // ── Forgotten password ──────────────────────────────────────────────────────
  app.get('/password/forgot', (c) => renderPage(c, { title: c.var.t('forgot.title') }, <ForgotView />));

  app.post('/password/forgot', async (c) => {
    const title = c.var.t('forgot.title');
    const form = await readForm(c, emailOnlySchema);
    if (!form.ok) return renderPage(c, { title }, <ForgotView state={form} />, 422);
    const done = await attemptForm(c, () => requestPasswordReset(actionContext(c), form.data.email));
    if (!done.ok) {
      const state = { values: form.values, errors: done.errors };
      return renderPage(c, { title }, <ForgotView state={state} wait={done.wait} />, done.status);
    }
    return renderPage(
      c,
      { title: c.var.t('forgot.sentTitle') },
      <MessageView title="forgot.sentTitle" message="forgot.sentMessage" />,
    );
  });

  app.get('/password/reset', async (c) => {
    const token = c.req.query('token') ?? '';
    const check = await checkUserToken(c.var.deps.db, token, 'reset_password');
    if (!check.ok) return failedLink(c, 'reset.failedTitle', check, false);
    return renderPage(c, { title: c.var.t('reset.title'), noindex: true }, <ResetView token={token} />);
  });

  app.post('/password/reset', async (c) => {
    const form = await readForm(c, resetSchema);
    if (!form.ok) {
      // Secret fields are not echoed in form.values; the token must survive a re-shown form.
      const raw = (await c.req.parseBody({ all: true })).token;
      const token = typeof raw === 'string' ? raw.slice(0, 100) : '';
      return renderPage(
        c,
        { title: c.var.t('reset.title'), noindex: true },
        <ResetView token={token} state={form} />,
        422,
      );
    }
    const result = await resetPassword(actionContext(c), form.data);
    if (!result.ok) return failedLink(c, 'reset.failedTitle', result, false);
    setFlash(c, 'reset.done');
    return c.redirect('/login', 303);
  });

  return app;
}
