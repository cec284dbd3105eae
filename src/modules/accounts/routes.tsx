// Account pages: register, verify, log in and out, forgotten password, and the account page with
// its forms. Each handler validates with the schema in schemas.ts and shows the form again, values
// kept, when something is wrong.

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { User } from '../../db/schema.ts';
import { isLocale, type Locale } from '../../locales/index.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { createApiToken, requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { localPath } from '../../platform/http/request.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import {
  clearRateLimit,
  hitRateLimit,
  isRateLimited,
  type RateLimitRule,
} from '../../platform/rate-limit.ts';
import { endAllSessions, endSession, startSession } from '../../platform/sessions.ts';
import { renderPage } from '../../ui/render.tsx';
import { LIMITS } from './limits.ts';
import { accountMails } from './mail.ts';
import {
  changeEmailSchema,
  changePasswordSchema,
  createTokenSchema,
  deleteAccountSchema,
  forgotSchema,
  loginSchema,
  profileSchema,
  registerSchema,
  resendSchema,
  resetSchema,
} from './schemas.ts';
import {
  checkUserToken,
  consumeUserToken,
  countAdmins,
  createUser,
  deleteUser,
  exportUserData,
  findUserByEmail,
  findUserById,
  issueUserToken,
  listApiTokens,
  listSessions,
  normaliseEmail,
  revokeApiToken,
  setPassword,
  updateProfile,
} from './store.ts';
import {
  type AccountForms,
  AccountView,
  CheckEmailView,
  ForgotView,
  LoginView,
  MessageView,
  RegisterView,
  ResetView,
} from './views.tsx';

type C = Context<AppEnv>;

function mailFor(c: C, user: Pick<User, 'email' | 'name' | 'locale'>, to = user.email) {
  const locale: Locale = isLocale(user.locale) ? user.locale : c.var.locale;
  return { to, locale, siteName: c.var.deps.config.siteName, name: user.name };
}

/** Refuses with 429 when any of the rules is used up; the caller re-renders its form. */
async function firstLimitHit(c: C, checks: [RateLimitRule, string][]): Promise<number | null> {
  for (const [rule, subject] of checks) {
    const state = await isRateLimited(c.var.deps.db, rule, subject);
    if (state.blocked) {
      c.header('Retry-After', String(state.retryAfter));
      return Math.ceil(state.retryAfter / 60);
    }
  }
  return null;
}

export function accountPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;
  const link = (path: string) => `${config.baseUrl}${path}`;

  // ── Register ────────────────────────────────────────────────────────────────
  app.get('/register', (c) => renderPage(c, { title: c.var.t('register.title') }, <RegisterView />));

  app.post('/register', async (c) => {
    const t = c.var.t;
    const form = await readForm(c, registerSchema);
    if (!form.ok) return renderPage(c, { title: t('register.title') }, <RegisterView state={form} />, 422);
    const wait = await firstLimitHit(c, [[LIMITS.registerPerIp, c.var.clientIp]]);
    if (wait !== null) {
      const state = { values: form.values, errors: { _form: 'auth.rateLimited' as const } };
      return renderPage(c, { title: t('register.title') }, <RegisterView state={state} wait={wait} />, 429);
    }
    await hitRateLimit(db, LIMITS.registerPerIp, c.var.clientIp);
    const { name, email, password } = form.data;
    const existing = await findUserByEmail(db, email);
    if (existing) {
      // Say the same as for a new address, so the form does not reveal who has an account; tell
      // the owner instead.
      await enqueueMail(db, accountMails.alreadyRegistered(mailFor(c, existing), link('/password/forgot')));
    } else {
      await db.transaction().execute(async (trx) => {
        // No language is stored: the account follows the language menu until its owner picks one.
        const user = await createUser(trx, { email, name, password });
        const token = await issueUserToken(trx, user.id, 'verify_email');
        await enqueueMail(trx, accountMails.verify(mailFor(c, user), link(`/verify-email?token=${token}`)));
        await recordAudit(trx, {
          ...auditOrigin(c),
          actorId: user.id,
          action: 'user.registered',
          subjectType: 'user',
          subjectId: user.id,
        });
      });
    }
    deps.outbox.kick();
    return renderPage(
      c,
      { title: t('register.checkEmailTitle') },
      <CheckEmailView email={normaliseEmail(email)} />,
    );
  });

  app.get('/verify-email', async (c) => {
    const t = c.var.t;
    const token = c.req.query('token') ?? '';
    const result = await db.transaction().execute(async (trx) => {
      const used = await consumeUserToken(trx, token, 'verify_email');
      if (used.ok) {
        await trx
          .updateTable('users')
          .set({ email_verified_at: new Date().toISOString() })
          .where('id', '=', used.userId)
          .where('email_verified_at', 'is', null)
          .execute();
      }
      return used;
    });
    if (!result.ok) {
      return renderPage(
        c,
        { title: t('verify.failedTitle'), noindex: true },
        <MessageView title="verify.failedTitle" message={`token.${result.reason}`} resend />,
        400,
      );
    }
    return renderPage(
      c,
      { title: t('verify.doneTitle'), noindex: true },
      <MessageView
        title="verify.doneTitle"
        message="verify.doneMessage"
        action={{ href: '/login', label: 'layout.logIn' }}
      />,
    );
  });

  app.post('/verify-email/resend', async (c) => {
    const t = c.var.t;
    const form = await readForm(c, resendSchema);
    if (!form.ok) {
      return renderPage(
        c,
        { title: t('verify.resendTitle') },
        <MessageView title="verify.resendTitle" message="form.invalidEmail" resend />,
        422,
      );
    }
    const email = normaliseEmail(form.data.email);
    const wait = await firstLimitHit(c, [
      [LIMITS.mailPerIp, c.var.clientIp],
      [LIMITS.mailPerAccount, email],
    ]);
    if (wait !== null) {
      return renderPage(
        c,
        { title: t('verify.resendTitle') },
        <MessageView title="verify.resendTitle" message="auth.rateLimited" wait={wait} />,
        429,
      );
    }
    await hitRateLimit(db, LIMITS.mailPerIp, c.var.clientIp);
    await hitRateLimit(db, LIMITS.mailPerAccount, email);
    const user = await findUserByEmail(db, email);
    if (user && !user.email_verified_at && !user.disabled_at) {
      await db.transaction().execute(async (trx) => {
        const token = await issueUserToken(trx, user.id, 'verify_email');
        await enqueueMail(trx, accountMails.verify(mailFor(c, user), link(`/verify-email?token=${token}`)));
      });
      deps.outbox.kick();
    }
    return renderPage(c, { title: t('register.checkEmailTitle') }, <CheckEmailView email={email} />);
  });

  // ── Log in, log out ─────────────────────────────────────────────────────────
  app.get('/login', async (c) => {
    if (c.var.auth) return c.redirect(localPath(c.req.query('next')), 303);
    return renderPage(
      c,
      { title: c.var.t('login.title') },
      <LoginView next={localPath(c.req.query('next'), '')} />,
    );
  });

  app.post('/login', async (c) => {
    const t = c.var.t;
    const form = await readForm(c, loginSchema);
    const next = localPath(form.values.next, '');
    const show = (
      state: Parameters<typeof LoginView>[0]['state'],
      status: 401 | 403 | 422 | 429,
      wait?: number,
    ) =>
      renderPage(c, { title: t('login.title') }, <LoginView state={state} next={next} wait={wait} />, status);
    if (!form.ok) return show(form, 422);

    const email = normaliseEmail(form.data.email);
    const wait = await firstLimitHit(c, [
      [LIMITS.loginPerIp, c.var.clientIp],
      [LIMITS.loginFailuresPerAccount, email],
    ]);
    if (wait !== null) return show({ values: form.values, errors: { _form: 'auth.rateLimited' } }, 429, wait);
    await hitRateLimit(db, LIMITS.loginPerIp, c.var.clientIp);

    const user = await findUserByEmail(db, email);
    if (!(await verifyPassword(user?.password_hash, form.data.password)) || !user) {
      await hitRateLimit(db, LIMITS.loginFailuresPerAccount, email);
      return show({ values: form.values, errors: { _form: 'login.wrongCredentials' } }, 401);
    }
    if (user.disabled_at) return show({ values: form.values, errors: { _form: 'login.disabled' } }, 403);
    if (!user.email_verified_at) {
      return show({ values: form.values, errors: { _form: 'login.unverified' } }, 403);
    }
    await clearRateLimit(db, LIMITS.loginFailuresPerAccount, email);
    await startSession(c, user);
    await recordAudit(db, {
      ...auditOrigin(c),
      actorId: user.id,
      action: 'user.logged_in',
      subjectType: 'user',
      subjectId: user.id,
    });
    return c.redirect(next || '/account', 303);
  });

  app.post('/logout', async (c) => {
    await endSession(c);
    setFlash(c, 'logout.done');
    return c.redirect('/', 303);
  });

  // ── Forgotten password ──────────────────────────────────────────────────────
  app.get('/password/forgot', (c) => renderPage(c, { title: c.var.t('forgot.title') }, <ForgotView />));

  app.post('/password/forgot', async (c) => {
    const t = c.var.t;
    const form = await readForm(c, forgotSchema);
    if (!form.ok) return renderPage(c, { title: t('forgot.title') }, <ForgotView state={form} />, 422);
    const email = normaliseEmail(form.data.email);
    const wait = await firstLimitHit(c, [
      [LIMITS.mailPerIp, c.var.clientIp],
      [LIMITS.mailPerAccount, email],
    ]);
    if (wait !== null) {
      const state = { values: form.values, errors: { _form: 'auth.rateLimited' as const } };
      return renderPage(c, { title: t('forgot.title') }, <ForgotView state={state} wait={wait} />, 429);
    }
    await hitRateLimit(db, LIMITS.mailPerIp, c.var.clientIp);
    await hitRateLimit(db, LIMITS.mailPerAccount, email);
    const user = await findUserByEmail(db, email);
    if (user && !user.disabled_at) {
      await db.transaction().execute(async (trx) => {
        const token = await issueUserToken(trx, user.id, 'reset_password');
        await enqueueMail(trx, accountMails.reset(mailFor(c, user), link(`/password/reset?token=${token}`)));
      });
      deps.outbox.kick();
    }
    return renderPage(
      c,
      { title: t('forgot.sentTitle') },
      <MessageView title="forgot.sentTitle" message="forgot.sentMessage" />,
    );
  });

  app.get('/password/reset', async (c) => {
    const t = c.var.t;
    const token = c.req.query('token') ?? '';
    const check = await checkUserToken(db, token, 'reset_password');
    if (!check.ok) {
      return renderPage(
        c,
        { title: t('reset.failedTitle'), noindex: true },
        <MessageView
          title="reset.failedTitle"
          message={`token.${check.reason}`}
          action={{ href: '/password/forgot', label: 'forgot.title' }}
        />,
        400,
      );
    }
    return renderPage(c, { title: t('reset.title'), noindex: true }, <ResetView token={token} />);
  });

  app.post('/password/reset', async (c) => {
    const t = c.var.t;
    const form = await readForm(c, resetSchema);
    // Secret fields are not echoed in form.values; the token must survive a re-shown form.
    const raw = (await c.req.parseBody({ all: true })).token;
    const token = typeof raw === 'string' ? raw.slice(0, 100) : '';
    if (!form.ok) {
      return renderPage(
        c,
        { title: t('reset.title'), noindex: true },
        <ResetView token={token} state={form} />,
        422,
      );
    }
    const result = await db.transaction().execute(async (trx) => {
      const used = await consumeUserToken(trx, form.data.token, 'reset_password');
      if (!used.ok) return used;
      await setPassword(trx, used.userId, form.data.password);
      // Receiving the link proves the address, and every old session ends with the old password.
      await trx
        .updateTable('users')
        .set({ email_verified_at: new Date().toISOString() })
        .where('id', '=', used.userId)
        .where('email_verified_at', 'is', null)
        .execute();
      await endAllSessions(trx, used.userId);
      await recordAudit(trx, {
        ...auditOrigin(c),
        actorId: used.userId,
        action: 'user.password_reset',
        subjectType: 'user',
        subjectId: used.userId,
      });
      return used;
    });
    if (!result.ok) {
      return renderPage(
        c,
        { title: t('reset.failedTitle'), noindex: true },
        <MessageView
          title="reset.failedTitle"
          message={`token.${result.reason}`}
          action={{ href: '/password/forgot', label: 'forgot.title' }}
        />,
        400,
      );
    }
    setFlash(c, 'reset.done');
    return c.redirect('/login', 303);
  });

  // ── The account page ────────────────────────────────────────────────────────
  async function showAccount(
    c: C,
    user: User,
    forms: AccountForms = {},
    status: 200 | 401 | 422 | 409 | 429 = 200,
  ) {
    const [tokens, sessions] = await Promise.all([listApiTokens(db, user.id), listSessions(db, user.id)]);
    const current = c.var.auth?.via === 'session' ? c.var.auth.session.id : undefined;
    return renderPage(
      c,
      { title: c.var.t('account.title'), noindex: true },
      <AccountView
        account={user}
        tokens={tokens}
        sessions={sessions}
        currentSessionId={current}
        forms={forms}
      />,
      status,
    );
  }

  app.get('/account', (c) => showAccount(c, requireUser(c)));

  app.post('/account/profile', async (c) => {
    const user = requireUser(c);
    const form = await readForm(c, profileSchema);
    if (!form.ok) return showAccount(c, user, { profile: form }, 422);
    await db.transaction().execute(async (trx) => {
      await updateProfile(trx, user.id, form.data);
      if (form.data.name !== user.name) {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'user.renamed',
          subjectType: 'user',
          subjectId: user.id,
          details: { from: user.name, to: form.data.name },
        });
      }
    });
    setFlash(c, 'account.profileSaved');
    return c.redirect('/account', 303);
  });

  app.post('/account/password', async (c) => {
    const user = requireUser(c);
    const form = await readForm(c, changePasswordSchema);
    if (!form.ok) return showAccount(c, user, { password: form }, 422);
    if (!(await verifyPassword(user.password_hash, form.data.current_password))) {
      return showAccount(
        c,
        user,
        { password: { values: form.values, errors: { current_password: 'account.wrongPassword' } } },
        422,
      );
    }
    const keep = c.var.auth?.via === 'session' ? c.var.auth.session.id : undefined;
    await db.transaction().execute(async (trx) => {
      await setPassword(trx, user.id, form.data.new_password);
      await endAllSessions(trx, user.id, keep);
      await enqueueMail(trx, accountMails.passwordChanged(mailFor(c, user), link('/password/forgot')));
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'user.password_changed',
        subjectType: 'user',
        subjectId: user.id,
      });
    });
    deps.outbox.kick();
    setFlash(c, 'account.passwordChanged');
    return c.redirect('/account', 303);
  });

  app.post('/account/email', async (c) => {
    const user = requireUser(c);
    const form = await readForm(c, changeEmailSchema);
    if (!form.ok) return showAccount(c, user, { email: form }, 422);
    if (!(await verifyPassword(user.password_hash, form.data.current_password))) {
      return showAccount(
        c,
        user,
        { email: { values: form.values, errors: { current_password: 'account.wrongPassword' } } },
        422,
      );
    }
    const newEmail = normaliseEmail(form.data.new_email);
    if (newEmail === user.email) {
      return showAccount(
        c,
        user,
        { email: { values: form.values, errors: { new_email: 'account.sameEmail' } } },
        422,
      );
    }
    const wait = await firstLimitHit(c, [[LIMITS.mailPerAccount, user.email]]);
    if (wait !== null) {
      return showAccount(
        c,
        user,
        { email: { values: form.values, errors: { _form: 'auth.rateLimited' } }, wait },
        429,
      );
    }
    await hitRateLimit(db, LIMITS.mailPerAccount, user.email);
    // Whether the new address is taken is only told to its owner, at confirmation time.
    await db.transaction().execute(async (trx) => {
      const token = await issueUserToken(trx, user.id, 'change_email', newEmail);
      await enqueueMail(
        trx,
        accountMails.changeEmail(mailFor(c, user, newEmail), link(`/account/email/confirm?token=${token}`)),
      );
      await enqueueMail(trx, accountMails.emailChangeNotice(mailFor(c, user), link('/account')));
    });
    deps.outbox.kick();
    setFlash(c, 'account.emailChangeSent');
    return c.redirect('/account', 303);
  });

  app.get('/account/email/confirm', async (c) => {
    const t = c.var.t;
    const token = c.req.query('token') ?? '';
    const result = await db.transaction().execute(async (trx) => {
      const used = await consumeUserToken(trx, token, 'change_email');
      if (!used.ok || !used.newEmail)
        return { ok: false as const, reason: used.ok ? ('unknown' as const) : used.reason };
      if (await findUserByEmail(trx, used.newEmail))
        return { ok: false as const, reason: 'emailTaken' as const };
      const before = await findUserById(trx, used.userId);
      await trx
        .updateTable('users')
        .set({
          email: used.newEmail,
          email_verified_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', used.userId)
        .execute();
      await recordAudit(trx, {
        ...auditOrigin(c),
        actorId: used.userId,
        action: 'user.email_changed',
        subjectType: 'user',
        subjectId: used.userId,
        details: { from: before?.email, to: used.newEmail },
      });
      return { ok: true as const };
    });
    if (!result.ok) {
      const message =
        result.reason === 'emailTaken' ? 'account.emailTaken' : (`token.${result.reason}` as const);
      return renderPage(
        c,
        { title: t('account.emailChangeFailed'), noindex: true },
        <MessageView title="account.emailChangeFailed" message={message} />,
        400,
      );
    }
    setFlash(c, 'account.emailChanged');
    return c.redirect(c.var.auth ? '/account' : '/login', 303);
  });

  app.post('/account/tokens', async (c) => {
    const user = requireUser(c);
    const form = await readForm(c, createTokenSchema);
    if (!form.ok) return showAccount(c, user, { token: form }, 422);
    const created = await db.transaction().execute(async (trx) => {
      const token = await createApiToken(trx, user.id, form.data.name);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'token.created',
        subjectType: 'api_token',
        subjectId: token.id,
        details: { name: form.data.name },
      });
      return token;
    });
    // The token is shown on this response only; it is not stored anywhere it could be read again.
    return showAccount(c, user, { newToken: created.token });
  });

  app.post('/account/tokens/:id/revoke', async (c) => {
    const user = requireUser(c);
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || !(await revokeApiToken(db, user.id, id)))
      throw new HttpError(404, 'error.404.message');
    await recordAudit(db, {
      ...auditOrigin(c),
      action: 'token.revoked',
      subjectType: 'api_token',
      subjectId: id,
    });
    setFlash(c, 'account.tokenRevoked');
    return c.redirect('/account#tokens', 303);
  });

  app.post('/account/sessions/end-all', async (c) => {
    const user = requireUser(c);
    await endAllSessions(db, user.id);
    await endSession(c);
    await recordAudit(db, {
      ...auditOrigin(c),
      action: 'user.logged_out_everywhere',
      subjectType: 'user',
      subjectId: user.id,
    });
    setFlash(c, 'account.loggedOutEverywhere');
    return c.redirect('/login', 303);
  });

  app.get('/account/export.json', async (c) => {
    const user = requireUser(c);
    const data = await exportUserData(db, user.id);
    // Each module adds what it holds of the member (applications to events, …) under its id.
    const modules: Record<string, unknown> = {};
    for (const m of deps.modules) if (m.accountExport) modules[m.id] = await m.accountExport(db, user.id);
    c.header('Content-Disposition', `attachment; filename="creative-hub-account-${user.id}.json"`);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ ...data, modules });
  });

  app.post('/account/delete', async (c) => {
    const user = requireUser(c);
    const form = await readForm(c, deleteAccountSchema);
    if (!form.ok) return showAccount(c, user, { delete: form }, 422);
    if (!(await verifyPassword(user.password_hash, form.data.current_password))) {
      return showAccount(
        c,
        user,
        { delete: { values: {}, errors: { current_password: 'account.wrongPassword' } } },
        422,
      );
    }
    if (user.role === 'admin' && (await countAdmins(db)) <= 1) {
      return showAccount(c, user, { delete: { values: {}, errors: { _form: 'account.lastAdmin' } } }, 409);
    }
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'user.deleted',
        subjectType: 'user',
        subjectId: user.id,
      });
      await deleteUser(trx, user.id);
    });
    await endSession(c);
    setFlash(c, 'account.deleted');
    return c.redirect('/', 303);
  });

  return app;
}
