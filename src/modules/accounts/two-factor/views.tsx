// The pages of two-factor sign-in: set-up (QR code and the secret as text, then a code), the
// recovery codes shown once, the state and its forms once it is on, and a sign-in's second step.
import { raw } from 'hono/html';
import { Field, Form, type FormState, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { CurrentPassword, SignInPage } from '../views/parts.tsx';

const CodeField = ({
  state,
  label,
}: {
  state?: FormState;
  label: 'twoFactor.code' | 'twoFactor.codeOrRecovery';
}) => (
  <Field
    name="code"
    label={label}
    autocomplete="one-time-code"
    inputmode={label === 'twoFactor.code' ? 'numeric' : undefined}
    required
    maxlength={30}
    state={state}
  />
);

export function SetupView(props: { secret: string; qr: string; required: boolean; state?: FormState }) {
  const { t } = usePage();
  return (
    <SignInPage title="twoFactor.title" intro="twoFactor.intro">
      {props.required && <p class="notice warning">{t('twoFactor.requiredNotice')}</p>}
      <h2>{t('twoFactor.setupTitle')}</h2>
      <p>{t('twoFactor.scan')}</p>
      {/* The same secret is given as text below, which a screen reader reads instead. */}
      <div class="qr" aria-hidden="true">
        {raw(props.qr)}
      </div>
      <p>{t('twoFactor.typeSecret')}</p>
      <p>
        <code class="secret">{props.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <Form action="/account/two-factor/confirm" state={props.state}>
        <CodeField label="twoFactor.code" state={props.state} />
        <Submit label="twoFactor.turnOn" />
      </Form>
    </SignInPage>
  );
}

export function RecoveryCodesView({ codes }: { codes: string[] }) {
  const { t } = usePage();
  return (
    <SignInPage title="twoFactor.recoveryTitle" intro="twoFactor.recoveryIntro">
      <ol class="recovery-codes">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a href="/account">{t('twoFactor.backToAccount')}</a>
      </p>
    </SignInPage>
  );
}

export function TwoFactorOnView(props: { left: number; renew?: FormState; disable?: FormState }) {
  const { t } = usePage();
  return (
    <SignInPage title="twoFactor.title">
      <p class="notice">{t('twoFactor.isOn', { count: props.left })}</p>
      <h2>{t('twoFactor.renewTitle')}</h2>
      <Form action="/account/two-factor/recovery-codes" state={props.renew}>
        <CurrentPassword id="renew-password" state={props.renew} />
        <Submit label="twoFactor.renew" />
      </Form>
      <h2>{t('twoFactor.disableTitle')}</h2>
      <p>{t('twoFactor.disableIntro')}</p>
      <Form action="/account/two-factor/disable" state={props.disable}>
        <Field
          id="disable-password"
          name="current_password"
          label="account.currentPassword"
          type="password"
          autocomplete="current-password"
          state={props.disable}
        />
        <Field
          name="code"
          label="twoFactor.codeOrRecovery"
          autocomplete="one-time-code"
          maxlength={30}
          state={props.disable}
        />
        <Submit label="twoFactor.turnOff" />
      </Form>
    </SignInPage>
  );
}

export function SecondStepView({ state, wait }: { state?: FormState; wait?: number }) {
  const { t } = usePage();
  return (
    <SignInPage title="twoFactor.stepTitle" intro="twoFactor.stepIntro" wait={wait}>
      <Form action="/login/two-factor" state={state}>
        <CodeField label="twoFactor.codeOrRecovery" state={state} />
        <Submit label="twoFactor.verify" />
      </Form>
      <p>
        <a href="/login">{t('twoFactor.startAgain')}</a>
      </p>
    </SignInPage>
  );
}
