// The pages of two-factor sign-in, top to bottom as the list of their URLs: the account's page
// (set-up, or its state once on), confirming the set-up, new recovery codes, turning it off; then
// a sign-in's second step. Refusals come back to their form (refusals.ts); recovery codes are on
// their one response only, which no cache keeps.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actingUser, actionContext, audit, transact } from '../../../platform/actions.ts';
import type { AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { readForm } from '../../../platform/http/forms.ts';
import { clearRateLimit } from '../../../platform/rate-limit.ts';
import { startSession } from '../../../platform/sessions.ts';
import type { FormState } from '../../../ui/components/form.tsx';
import { renderPage } from '../../../ui/render.tsx';
import { countOrRefuse, LIMITS } from '../limits.ts';
import { attemptForm } from '../refusals.ts';
import {
  acceptCode,
  confirmTwoFactor,
  disableTwoFactor,
  pendingSecret,
  recoveryCodesLeft,
  renewRecoveryCodes,
} from './actions.ts';
import { currentChallenge, endChallenge } from './challenge.ts';
import { qrSvg, setupUri } from './codes.ts';
import { mustSetUpTwoFactor, SETUP_PATH } from './requirement.ts';
import { codeSchema, disableSchema, renewSchema } from './schemas.ts';
import { RecoveryCodesView, SecondStepView, SetupView, TwoFactorOnView } from './views.tsx';

type C = Context<AppEnv>;
type Forms = { setup?: FormState; renew?: FormState; disable?: FormState };

/** The account's two-factor page as it stands, with the forms as sent when one was refused. */
async function showTwoFactor(c: C, forms: Forms = {}, status: ContentfulStatusCode = 200) {
  const ctx = actionContext(c);
  const user = actingUser(ctx);
  const title = { title: c.var.t('twoFactor.title'), noindex: true };
  const secret = await pendingSecret(ctx);
  if (secret === null) {
    const left = await recoveryCodesLeft(ctx.deps.db, user.id);
    return renderPage(
      c,
      title,
      <TwoFactorOnView left={left} renew={forms.renew} disable={forms.disable} />,
      status,
    );
  }
  const { config } = ctx.deps;
  const qr = await qrSvg(setupUri(secret, user.email, config.siteName));
  const required = await mustSetUpTwoFactor(ctx.deps, user);
  return renderPage(
    c,
    title,
    <SetupView secret={secret} qr={qr} required={required} state={forms.setup} />,
    status,
  );
}

/** The recovery codes, on this response only (pages of a signed-in member are private, no-store). */
function showCodes(c: C, codes: string[]) {
  return renderPage(
    c,
    { title: c.var.t('twoFactor.recoveryTitle'), noindex: true },
    <RecoveryCodesView codes={codes} />,
  );
}

export function twoFactorPages() {
  const app = new Hono<AppEnv>();

  app.get(SETUP_PATH, (c) => showTwoFactor(c));

  app.post(`${SETUP_PATH}/confirm`, async (c) => {
    actingUser(actionContext(c));
    const form = await readForm(c, codeSchema);
    if (!form.ok) return showTwoFactor(c, { setup: form }, 422);
    const done = await attemptForm(c, () => confirmTwoFactor(actionContext(c), form.data.code));
    if (!done.ok)
      return showTwoFactor(c, { setup: { values: form.values, errors: done.errors } }, done.status);
    return showCodes(c, done.value);
  });

  app.post(`${SETUP_PATH}/recovery-codes`, async (c) => {
    actingUser(actionContext(c));
    const form = await readForm(c, renewSchema);
    if (!form.ok) return showTwoFactor(c, { renew: form }, 422);
    const done = await attemptForm(c, () => renewRecoveryCodes(actionContext(c), form.data.current_password));
    if (!done.ok)
      return showTwoFactor(c, { renew: { values: form.values, errors: done.errors } }, done.status);
    return showCodes(c, done.value);
  });

  app.post(`${SETUP_PATH}/disable`, async (c) => {
    actingUser(actionContext(c));
    const form = await readForm(c, disableSchema);
    if (!form.ok) return showTwoFactor(c, { disable: form }, 422);
    const done = await attemptForm(c, () =>
      disableTwoFactor(actionContext(c), {
        password: form.data.current_password,
        code: form.data.code,
      }),
    );
    if (!done.ok)
      return showTwoFactor(c, { disable: { values: form.values, errors: done.errors } }, done.status);
    setFlash(c, 'twoFactor.turnedOff');
    return c.redirect('/account', 303);
  });

  // ── A sign-in's second step ────────────────────────────────────────────────
  const stepPage = (c: C, state?: FormState, wait?: number, status: ContentfulStatusCode = 200) =>
    renderPage(
      c,
      { title: c.var.t('twoFactor.stepTitle'), noindex: true },
      <SecondStepView state={state} wait={wait} />,
      status,
    );

  app.get('/login/two-factor', async (c) => {
    if (!(await currentChallenge(c))) return c.redirect('/login', 303);
    return stepPage(c);
  });

  app.post('/login/two-factor', async (c) => {
    const challenge = await currentChallenge(c);
    if (!challenge) {
      setFlash(c, 'twoFactor.expired');
      return c.redirect('/login', 303);
    }
    const form = await readForm(c, codeSchema);
    if (!form.ok) return stepPage(c, form, undefined, 422);
    const ctx = { ...actionContext(c), user: challenge.user };
    const { db } = ctx.deps;
    const subject = String(challenge.user.id);
    const done = await attemptForm(c, async () => {
      // The same budget as the password's tries for one account: five from one address.
      await countOrRefuse(db, [
        [LIMITS.loginPerIp, ctx.ip ?? ''],
        [LIMITS.twoFactorPerAccount, subject],
      ]);
      const method = await acceptCode(db, challenge.user, form.data.code);
      if (!method) throw HttpError.invalid({ code: 'twoFactor.wrongCode' });
      await transact(ctx, (trx) =>
        audit(trx, ctx, {
          action: 'user.two_factor_passed',
          subjectType: 'user',
          subjectId: challenge.user.id,
          details: { method },
        }),
      );
    });
    if (!done.ok) return stepPage(c, { values: form.values, errors: done.errors }, done.wait, done.status);
    await clearRateLimit(db, LIMITS.twoFactorPerAccount, subject);
    await endChallenge(c);
    await startSession(c, challenge.user);
    return c.redirect(challenge.next || '/account', 303);
  });

  return app;
}
