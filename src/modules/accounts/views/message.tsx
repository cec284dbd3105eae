// A short page with a title, one message and maybe one next step (a link, or the form that mails a
// new confirmation link).
import type { MessageKey } from '../../../platform/i18n.ts';
import { Field, Form, Submit } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { SignInPage } from './parts.tsx';

export function MessageView(props: {
  title: MessageKey;
  message: MessageKey;
  action?: { href: string; label: MessageKey };
  resend?: boolean;
  wait?: number;
}) {
  const { t } = usePage();
  return (
    <SignInPage title={props.title} intro={props.message} wait={props.wait}>
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
    </SignInPage>
  );
}
