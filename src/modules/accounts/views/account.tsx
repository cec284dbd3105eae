// The account page: profile, password, address, API tokens, sessions, and the member's data.
import type { User } from '../../../db/schema.ts';
import { LOCALE_NAMES, LOCALES } from '../../../locales/index.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { TIME_ZONES } from '../../../platform/time.ts';
import { Field, Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import type { Option } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { SessionRow, TokenRow } from '../access.ts';
import { describeDevice } from '../device.ts';
import type { IdentityRow } from '../openid/actions.ts';
import { IdentitiesSection } from '../openid/views.tsx';
import { CurrentPassword, NewPassword, WaitNotice } from './parts.tsx';

/** The state of each form of the page when one comes back with a message (or a new token). */
export interface AccountForms {
  profile?: FormState;
  password?: FormState;
  email?: FormState;
  token?: FormState;
  delete?: FormState;
  newToken?: string;
  wait?: number;
}

/** A language and a time zone of one's own, or none (the empty choice: follow the hub's). */
const ownChoices: { name: 'locale' | 'time_zone'; label: MessageKey; none: MessageKey; options: Option[] }[] =
  [
    {
      name: 'locale',
      label: 'account.language',
      none: 'account.languageAuto',
      options: LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l })),
    },
    {
      name: 'time_zone',
      label: 'account.timeZone',
      none: 'account.timeZoneDefault',
      options: TIME_ZONES.map((z) => ({ value: z, label: z })),
    },
  ];

function ProfileForm({ account, state }: { account: User; state?: FormState }) {
  return (
    <Form action="/account/profile" state={state}>
      <Field
        name="name"
        label="register.name"
        required
        maxlength={100}
        initial={account.name}
        state={state}
      />
      {ownChoices.map((choice) => (
        <SelectField
          name={choice.name}
          label={choice.label}
          initial={account[choice.name] ?? ''}
          state={state}
          blank={choice.none}
          options={choice.options}
        />
      ))}
      <Submit label="form.save" />
    </Form>
  );
}

function TokensSection(props: { tokens: TokenRow[]; forms: AccountForms }) {
  const { t, fmt } = usePage();
  const { forms } = props;
  return (
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
  );
}

function SessionsSection(props: { sessions: SessionRow[]; currentSessionId: string | undefined }) {
  const { t, fmt } = usePage();
  return (
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
  );
}

export function AccountView(props: {
  account: User;
  tokens: TokenRow[];
  sessions: SessionRow[];
  currentSessionId: string | undefined;
  forms: AccountForms;
  identities: IdentityRow[];
  /** The identity provider's name (OIDC_NAME), when one is configured. */
  provider: string | undefined;
}) {
  const { t } = usePage();
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
        <ProfileForm account={account} state={forms.profile} />
      </section>

      <section class="card" aria-labelledby="password-h">
        <h2 id="password-h">{t('account.changePassword')}</h2>
        <Form action="/account/password" state={forms.password}>
          <CurrentPassword id="pw-current" state={forms.password} />
          <NewPassword name="new_password" label="reset.newPassword" state={forms.password} />
          <Submit label="account.changePassword" />
        </Form>
      </section>

      <section class="card" aria-labelledby="two-factor-h">
        <h2 id="two-factor-h">{t('twoFactor.title')}</h2>
        <p>
          <a href="/account/two-factor">{t('twoFactor.accountLink')}</a>
        </p>
      </section>

      <IdentitiesSection
        identities={props.identities}
        provider={props.provider}
        hasPassword={account.password_hash !== null}
      />

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
          <CurrentPassword id="email-current" state={forms.email} />
          <Submit label="account.changeEmail" />
        </Form>
      </section>

      <TokensSection tokens={props.tokens} forms={forms} />
      <SessionsSection sessions={props.sessions} currentSessionId={props.currentSessionId} />

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
          <CurrentPassword id="delete-current" state={forms.delete} />
          <Submit label="account.deleteAccount" variant="danger" />
        </Form>
      </section>
    </div>
  );
}
