// Pieces the network's pages share: a member's name (linked to their public profile when they have
// one), a one-button form, and the hidden field robots fill in (HONEYPOT).
import type { Child } from 'hono/jsx';
import { CsrfField } from '../../../ui/components/form.tsx';
import { HoneypotField } from '../../../ui/components/honeypot.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { NetworkMember } from '../listing.ts';

export function MemberName({ member }: { member: Pick<NetworkMember, 'name' | 'personSlug'> }) {
  return member.personSlug ? (
    <a href={`/directory/people/${member.personSlug}`}>{member.name}</a>
  ) : (
    member.name
  );
}

/** A form of one button (accept, decline, remove, block…): a POST that comes back to the page. */
export function ButtonForm(props: {
  action: string;
  label: string;
  /** Whom the button is about, for screen readers where a list repeats the same buttons. */
  about?: string;
  secondary?: boolean;
  children?: Child;
}) {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField />
      {props.children}
      <button
        type="submit"
        class={props.secondary ? 'button secondary small' : 'button small'}
        aria-label={props.about ? `${props.label}: ${props.about}` : undefined}
      >
        {props.label}
      </button>
    </form>
  );
}

/** The platform's honeypot (readForm() refuses a form where it is filled). */
export const Honeypot = () => <HoneypotField />;

/** The tabs of the network's own pages. */
export function NetworkTabs({
  current,
  unread,
}: {
  current: 'network' | 'messages' | 'find';
  unread?: number;
}) {
  const { t } = usePage();
  const tab = (key: typeof current, href: string, label: string) => (
    <a href={href} aria-current={current === key ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="tabs" aria-label={t('network.title')}>
      {tab('network', '/network', t('network.myNetwork'))}{' '}
      {tab(
        'messages',
        '/network/messages',
        unread ? t('network.messagesUnread', { count: unread }) : t('network.messages'),
      )}{' '}
      {tab('find', '/network/find', t('network.findPartner'))}
    </nav>
  );
}
