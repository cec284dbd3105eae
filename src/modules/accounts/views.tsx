// Pages of the account flows.
import type { User } from '../../db/schema.ts';
import { LOCALE_NAMES, LOCALES } from '../../locales/index.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { TIME_ZONES } from '../../platform/time.ts';
import { Field, Form, type FormState, SelectField, Submit } from '../../ui/components/form.tsx';
import { usePage } from '../../ui/page-context.ts';
import { describeDevice } from './device.ts';
import { PASSWORD_MIN } from './schemas.ts';

function WaitNotice({ wait }: { wait?: number }) {
  const { t } = usePage();
  if (wait === undefined) return null;
  return <p class="notice warning">{t('auth.tryAgainIn', { minutes: wait })}</p>;
}

export function RegisterView({ state, wait }: { state?: FormState; wait?: number }) {
  const { t } = usePage();
  return (
    <section class="wrap narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <WaitNotice wait={wait} />
      <Form action="/register" state={state} requiredNote>
        <Field name="name" label="register.name" autocomplete="name" required maxlength={100} state={state} />
        <Field
          name="email"
          label="register.email"
          type="email"
          autocomplete="email"
          required
          maxlength={254}
          state={state}
        />
        <Field
          name="password"
          label="register.password"
          type="password"
          autocomplete="new-password"
          required
          minlength={PASSWORD_MIN}
          maxlength={256}
          hint="register.passwordHint"
          state={state}
        />
        <Submit label="register.submit" />
      </Form>
      <p>
        {t('register.haveAccount')} <a href="/login">{t('layout.logIn')}</a>
      </p>
    </section>
  );
}

export function CheckEmailView({ email }: { email: string }) {
  const { t } = usePage();
  return (
    <section class="wrap narrow">
      <h1>{t('register.checkEmailTitle')}</h1>
      <p>{t('register.checkEmail', { email })}</p>
      <p class="muted">{t('register.checkEmailHint')}</p>
    </section>
  );
}

export function LoginView({ state, next, wait }: { state?: FormState; next?: string; wait?: number }) {
  const { t } = usePage();
  const unverified = state?.errors?._form === 'login.unverified';
  return (
    <section class="wrap narrow">
      <h1>{t('login.title')}</h1>
      <WaitNotice wait={wait} />
      <Form action="/login" state={state} requiredNote>
        {next && <input type="hidden" name="next" value={next} />}
        <Field
          name="email"
          label="login.email"
          type="email"
          autocomplete="username"
          required
          maxlength={254}
          state={state}
        />
        <Field
          name="password"
          label="login.password"
          type="password"
          autocomplete="current-password"
          required
          state={state}
        />
        <Submit label="login.submit" />
      </Form>
      {unverified && (
        <ResendForm email={typeof state?.values?.email === 'string' ? state.values.email : ''} />
      )}
      <p>
        <a href="/password/forgot">{t('login.forgot')}</a>
      </p>
      <p>
        {t('login.noAccount')} <a href="/register">{t('layout.register')}</a>
      </p>
    </section>
  );
}

function ResendForm({ email }: { email: string }) {
  return (
    <Form action="/verify-email/resend" class="inline-form">
      <input type="hidden" name="email" value={email} />
      <Submit label="verify.resend" variant="secondary" />
    </Form>
  );
}

export function ForgotView({ state, wait }: { state?: FormState; wait?: number }) {
  const { t } = usePage();
  return (
    <section class="wrap narrow">
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      <WaitNotice wait={wait} />
      <Form action="/password/forgot" state={state} requiredNote>
        <Field
          name="email"
          label="login.email"
          type="email"
          autocomplete="email"
          required
          maxlength={254}
          state={state}
        />
        <Submit label="forgot.submit" />
      </Form>
    </section>
  );
}

export function ResetView({ token, state }: { token: string; state?: FormState }) {
  const { t } = usePage();
  return (
    <section class="wrap narrow">
      <h1>{t('reset.title')}</h1>
      <Form action="/password/reset" state={state} requiredNote>
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          label="reset.newPassword"
          type="password"
          autocomplete="new-password"
          required
          minlength={PASSWORD_MIN}
          hint="register.passwordHint"
          state={state}
        />
        <Submit label="reset.submit" />
      </Form>
    </section>
  );
}

/** A short page with a title, one message and maybe one next step. */
export function MessageView(props: {
  title: MessageKey;
  message: MessageKey;
  action?: { href: string; label: MessageKey };
  resend?: boolean;
  wait?: number;
}) {
  const { t } = usePage();
  return (
    <section class="wrap narrow">
      <h1>{t(props.title)}</h1>
      <p>{t(props.message)}</p>
      <WaitNotice wait={props.wait} />
      {props.action && (
        <p>
          <a class="button" href={props.action.href}>
            {t(props.action.label)}
          </a>
        </p>
      )}
      {props.resend && (
        <Form action="/verify-email/resend">
          <Field name="email" label="verify.resendEmail" type="email" autocomplete="email" required />
          <Submit label="verify.resend" variant="secondary" />
        </Form>
      )}
    </section>
  );
}

export interface AccountForms {
  profile?: FormState;
  password?: FormState;
  email?: FormState;
  token?: FormState;
  delete?: FormState;
  newToken?: string;
  wait?: number;
}

interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}
interface SessionRow {
  id: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export function AccountView(props: {
  account: User;
  tokens: TokenRow[];
  sessions: SessionRow[];
  currentSessionId: string | undefined;
  forms: AccountForms;
}) {
  const { t, fmt } = usePage();
  const { account, forms } = props;
  return (
    <div class="wrap">
      <h1>{t('account.title')}</h1>
      <p class="muted">
        {t('account.signedInAs', { email: account.email })} · {t(`role.${account.role}`)}
      </p>
      <p class="hint">{t('form.requiredNote')}</p>

      <section class="card" aria-labelledby="profile-h">
        <h2 id="profile-h">{t('account.profile')}</h2>
        <Form action="/account/profile" state={forms.profile}>
          <Field
            name="name"
            label="register.name"
            required
            maxlength={100}
            initial={account.name}
            state={forms.profile}
          />
          <SelectField
            name="locale"
            label="account.language"
            initial={account.locale ?? ''}
            state={forms.profile}
            options={[
              { value: '', label: t('account.languageAuto') },
              ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l })),
            ]}
          />
          <SelectField
            name="time_zone"
            label="account.timeZone"
            initial={account.time_zone ?? ''}
            state={forms.profile}
            options={[
              { value: '', label: t('account.timeZoneDefault') },
              ...TIME_ZONES.map((z) => ({ value: z, label: z })),
            ]}
          />
          <Submit label="form.save" />
        </Form>
      </section>

      <section class="card" aria-labelledby="password-h">
        <h2 id="password-h">{t('account.changePassword')}</h2>
        <Form action="/account/password" state={forms.password}>
          <Field
            id="pw-current"
            name="current_password"
            label="account.currentPassword"
            type="password"
            autocomplete="current-password"
            required
            state={forms.password}
          />
          <Field
            name="new_password"
            label="reset.newPassword"
            type="password"
            autocomplete="new-password"
            required
            minlength={PASSWORD_MIN}
            hint="register.passwordHint"
            state={forms.password}
          />
          <Submit label="account.changePassword" />
        </Form>
      </section>

      <section class="card" aria-labelledby="email-h">
        <h2 id="email-h">{t('account.changeEmail')}</h2>
        <p class="hint">{t('account.changeEmailHint')}</p>
        <WaitNotice wait={forms.wait} />
        <Form action="/account/email" state={forms.email}>
          <Field
            name="new_email"
            label="account.newEmail"
            type="email"
            autocomplete="email"
            required
            maxlength={254}
            state={forms.email}
          />
          <Field
            id="email-current"
            name="current_password"
            label="account.currentPassword"
            type="password"
            autocomplete="current-password"
            required
            state={forms.email}
          />
          <Submit label="account.changeEmail" />
        </Form>
      </section>

      <section class="card" id="tokens" aria-labelledby="tokens-h">
        <h2 id="tokens-h">{t('account.apiTokens')}</h2>
        <p class="hint">{t('account.apiTokensHint')}</p>
        {forms.newToken && (
          <div class="notice success" role="status">
            <p>{t('account.tokenCreated')}</p>
            <p>
              <code class="token" id="new-token">
                {forms.newToken}
              </code>
            </p>
          </div>
        )}
        {props.tokens.length > 0 && (
          <ul class="plain token-list">
            {props.tokens.map((tok) => (
              <li>
                <span class="token-name">
                  {tok.name} <code>{tok.prefix}…</code>
                </span>
                <small class="muted">
                  {t('account.created')}: {fmt.dateTime(tok.created_at)} · {t('account.lastUsed')}:{' '}
                  {tok.last_used_at ? fmt.dateTime(tok.last_used_at) : t('account.never')}
                </small>
                <Form action={`/account/tokens/${tok.id}/revoke`} class="inline-form">
                  <button
                    type="submit"
                    class="button small danger"
                    aria-label={t('account.revokeToken', { name: tok.name })}
                  >
                    {t('account.revoke')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form action="/account/tokens" state={forms.token} class="stack">
          <Field
            id="token-name"
            name="name"
            label="account.tokenName"
            required
            maxlength={100}
            hint="account.tokenNameHint"
            state={forms.token}
          />
          <Submit label="account.createToken" />
        </Form>
      </section>

      <section class="card" aria-labelledby="sessions-h">
        <h2 id="sessions-h">{t('account.sessions')}</h2>
        <ul class="plain">
          {props.sessions.map((s) => (
            <li>
              {describeDevice(s.user_agent) ?? t('account.unknownDevice')} · {s.ip ?? ''} ·{' '}
              {t('account.lastSeen', { when: fmt.dateTime(s.last_seen_at) })}
              {s.id === props.currentSessionId && <strong> · {t('account.thisDevice')}</strong>}
            </li>
          ))}
        </ul>
        <Form action="/account/sessions/end-all" class="inline-form">
          <Submit label="account.logOutEverywhere" variant="secondary" />
        </Form>
      </section>

      <section class="card" aria-labelledby="data-h">
        <h2 id="data-h">{t('account.yourData')}</h2>
        <p>
          <a href="/account/export.json" download>
            {t('account.downloadData')}
          </a>
        </p>
        <h3>{t('account.deleteAccount')}</h3>
        <p class="hint">{t('account.deleteHint')}</p>
        <Form action="/account/delete" state={forms.delete}>
          <Field
            id="delete-current"
            name="current_password"
            label="account.currentPassword"
            type="password"
            autocomplete="current-password"
            required
            state={forms.delete}
          />
          <Submit label="account.deleteAccount" variant="danger" />
        </Form>
      </section>
    </div>
  );
}
