// /network/messages/:id: one conversation, the newest message at the bottom, older ones a link
// away; a marker before the first message the reader has not read; the form to write (a plain
// POST that comes back here, keeping the draft when it is refused); block, and report a message.
import { Form, type FormState, TextArea } from '../../../ui/components/form.tsx';
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { Member } from '../access.ts';
import type { MessageRow } from '../listing.ts';
import { MESSAGE_MAX } from '../vocab.ts';
import { ButtonForm, Honeypot, MemberName } from './parts.tsx';

export interface ConversationProps {
  /** None before the first message (the page that starts one). */
  conversationId: number | null;
  member: Member;
  messages: MessageRow[];
  older: number | null;
  /** Whether the reader may write (still connected, nobody blocked). */
  mayWrite: boolean;
  form?: FormState;
}

export function ConversationView(props: ConversationProps) {
  const { t, fmt, user } = usePage();
  const { member, messages } = props;
  const firstUnread = messages.find((m) => m.unread)?.id;
  const action = props.conversationId
    ? `/network/messages/${props.conversationId}`
    : `/network/members/${member.id}/write`;
  return (
    <div class="wrap stack narrow">
      <PageHead title={t('network.conversationWith', { name: member.name })} />
      <p>
        <a href="/network/messages">{t('network.allConversations')}</a> · <MemberName member={member} />
      </p>
      {props.older && (
        <p>
          <a href={`/network/messages/${props.conversationId}?before=${props.older}`}>{t('network.older')}</a>
        </p>
      )}
      {messages.length === 0 ? (
        <p class="empty">{t('network.noMessages')}</p>
      ) : (
        <ol class="messages">
          {messages.map((m) => (
            <>
              {m.id === firstUnread && (
                <li class="unread-marker" id="unread">
                  {t('network.newMessages')}
                </li>
              )}
              <li class={m.senderId === user?.id ? 'message mine' : 'message'} id={`m${m.id}`}>
                <p class="muted">
                  {m.senderId === user?.id ? t('network.you') : member.name} ·{' '}
                  <time datetime={m.createdAt}>{fmt.dateTime(m.createdAt)}</time>
                </p>
                <p class="message-body">{m.body}</p>
                {m.senderId !== user?.id && (
                  <a class="small" rel="nofollow" href={`/report?type=network-message&key=${m.id}`}>
                    {t('network.report')}
                  </a>
                )}
              </li>
            </>
          ))}
        </ol>
      )}
      {/* A refused message comes back in its form, whatever the refusal, so the draft is kept. */}
      {props.mayWrite || props.form ? (
        <Form action={action} state={props.form}>
          <TextArea
            name="body"
            label="network.messageLabel"
            maxlength={MESSAGE_MAX}
            rows={4}
            required
            state={props.form}
          />
          <Honeypot />
          <button type="submit" class="button">
            {t('network.send')}
          </button>
        </Form>
      ) : (
        <p class="notice">{t('network.cannotWriteHere')}</p>
      )}
      <ButtonForm action={`/network/members/${member.id}/block`} label={t('network.block')} secondary />
    </div>
  );
}
