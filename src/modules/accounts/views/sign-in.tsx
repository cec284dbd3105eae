// The sign-in pages: join, check your email, log in, forgotten password, choose a new password.
import { Field, Form, type FormState, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { NewPassword, SignInPage } from './parts.tsx';

export function RegisterView({ state, wait }: { state?: FormState; wait?: number }) {
  const { t } = usePage();
  return (
    <SignInPage title="register.title" intro="register.intro" wait={wait}>
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
        <NewPassword name="password" label="register.password" state={state} />
        <Submit label="register.submit" />
      </Form>
      <p>
        {t('register.haveAccount')} <a href="/login">{t('layout.logIn')}</a>
      </p>
    </SignInPage>
  );
}

export function CheckEmailView({ email }: { email: string }) {
  const { t } = usePage();
  return (
    <SignInPage title="register.checkEmailTitle">
      <p>{t('register.checkEmail', { email })}</p>
      <p class="muted">{t('register.checkEmailHint')}</p>
    </SignInPage>
  );
}

export function LoginView({
  state,
  next,
  wait,
  openid,
}: {
  state?: FormState;
  next?: string;
  wait?: number;
  /** The identity provider's name, when sign-in with it is configured. */
  openid?: string;
}) {
  const { t } = usePage();
  const unverified = state?.errors?._form === 'login.unverified';
  return (
    <SignInPage title="login.title" wait={wait}>
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
      {openid && (
        // A plain link: it works without JavaScript, and the provider's page is a top-level visit.
        <p class="openid-sign-in">
          <a
            class="button secondary"
            href={`/login/openid${next ? `?next=${encodeURIComponent(next)}` : ''}`}
          >
            {t('openid.signInWith', { name: openid })}
          </a>
        </p>
      )}
      <p>
        <a href="/password/forgot">{t('login.forgot')}</a>
      </p>
      <p>
        {t('login.noAccount')} <a href="/register">{t('layout.register')}</a>
      </p>
    </SignInPage>
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
  return (
    <SignInPage title="forgot.title" intro="forgot.intro" wait={wait}>
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
    </SignInPage>
  );
}

export function ResetView({ token, state }: { token: string; state?: FormState }) {
  return (
    <SignInPage title="reset.title">
      <Form action="/password/reset" state={state} requiredNote>
        <input type="hidden" name="token" value={token} />
        <NewPassword name="password" label="reset.newPassword" state={state} />
        <Submit label="reset.submit" />
      </Form>
    </SignInPage>
  );
}

/** The page of a mailed sign-in link: a button, so that a mail scanner opening the link uses nothing. */
export function SignInLinkView({ token }: { token: string }) {
  return (
    <SignInPage title="login.link.title">
      <Form action="/login/link">
        <p>{usePage().t('login.link.intro')}</p>
        <input type="hidden" name="token" value={token} />
        <Submit label="login.link.submit" />
      </Form>
    </SignInPage>
  );
}
