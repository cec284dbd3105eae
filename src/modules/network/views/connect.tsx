// /network/members/:id/connect: ask a member to connect, with an optional note; or, where a request
// or a connection already exists, say so and offer what comes next. The form keeps its draft when
// it comes back (a wrong note, too many requests).
import type { FormState } from '../../../ui/components/form.tsx';
import { Form, TextArea } from '../../../ui/components/form.tsx';
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { Member } from '../access.ts';
import { REQUEST_NOTE_MAX } from '../vocab.ts';
import { ButtonForm, Honeypot, MemberName } from './parts.tsx';

export type ConnectState = 'none' | 'sent' | 'received' | 'connected';

export function ConnectView(props: { member: Member; state: ConnectState; form?: FormState }) {
  const { t } = usePage();
  const { member } = props;
  return (
    <div class="wrap stack narrow">
      <PageHead title={t('network.connectWith', { name: member.name })} />
      <p>
        <MemberName member={member} />
      </p>
      {props.state === 'connected' && (
        <p class="notice">
          {t('network.alreadyConnected')}{' '}
          <a href={`/network/members/${member.id}/write`}>{t('network.write')}</a>
        </p>
      )}
      {props.state === 'sent' && <p class="notice">{t('network.requestPending')}</p>}
      {props.state === 'received' && (
        <p class="notice">
          {t('network.theyAsked')} <a href="/network">{t('network.myNetwork')}</a>
        </p>
      )}
      {props.state === 'none' && (
        <Form action={`/network/members/${member.id}/connect`} state={props.form}>
          <TextArea
            name="message"
            label="network.noteLabel"
            hint="network.noteHint"
            hintValues={{ max: REQUEST_NOTE_MAX }}
            maxlength={REQUEST_NOTE_MAX}
            rows={3}
            state={props.form}
          />
          <Honeypot />
          <button type="submit" class="button">
            {t('network.sendRequest')}
          </button>
        </Form>
      )}
      <ButtonForm action={`/network/members/${member.id}/block`} label={t('network.block')} secondary />
      <p class="hint">{t('network.blockHint')}</p>
    </div>
  );
}
