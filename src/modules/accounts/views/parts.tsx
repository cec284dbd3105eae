// Pieces several account pages share: the frame of a sign-in page, how long to wait after too many
// tries, and the password fields.
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../../platform/i18n.ts';
import { Field, type FormState } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../schemas.ts';

export function WaitNotice({ wait }: { wait?: number }) {
  const { t } = usePage();
  if (wait === undefined) return null;
  return <p class="notice warning">{t('auth.tryAgainIn', { minutes: wait })}</p>;
}

/** A narrow page of the sign-in flow: its title, an introduction, how long to wait, then the rest. */
export function SignInPage(props: { title: MessageKey; intro?: MessageKey; wait?: number; children: Child }) {
  const { t } = usePage();
  return (
    <section class="wrap narrow">
      <h1>{t(props.title)}</h1>
      {props.intro && <p>{t(props.intro)}</p>}
      <WaitNotice wait={props.wait} />
      {props.children}
    </section>
  );
}

/** A new password, with the rule of its length. */
export function NewPassword(props: { name: string; label: MessageKey; state?: FormState }) {
  return (
    <Field
      name={props.name}
      label={props.label}
      type="password"
      autocomplete="new-password"
      required
      minlength={PASSWORD_MIN}
      maxlength={PASSWORD_MAX}
      hint="register.passwordHint"
      state={props.state}
    />
  );
}

/** The current password, asked again before a change that matters (`id`: the account page has three). */
export function CurrentPassword({ id, state }: { id: string; state?: FormState }) {
  return (
    <Field
      id={id}
      name="current_password"
      label="account.currentPassword"
      type="password"
      autocomplete="current-password"
      required
      state={state}
    />
  );
}
