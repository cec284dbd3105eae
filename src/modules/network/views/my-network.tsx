// /network, "My network": requests to answer, connections (write, remove, block), requests sent
// (withdraw) and the members one blocked (unblock). Every button is a plain form.
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { MyNetwork, NetworkRow } from '../listing.ts';
import { ButtonForm, MemberName, NetworkTabs } from './parts.tsx';

function Note({ row }: { row: NetworkRow }) {
  return row.message ? <p class="note">{row.message}</p> : null;
}

export function MyNetworkView({ network, unread }: { network: MyNetwork; unread: number }) {
  const { t, fmt } = usePage();
  const { connections, incoming, outgoing, blocked } = network;
  return (
    <div class="wrap stack">
      <PageHead title={t('network.myNetwork')} />
      <NetworkTabs current="network" unread={unread} />
      <p class="hint">{t('network.intro')}</p>
      {incoming.length > 0 && (
        <section aria-labelledby="incoming">
          <h2 id="incoming">{t('network.incoming', { count: incoming.length })}</h2>
          <ul class="network-list">
            {incoming.map((row) => (
              <li>
                <p>
                  <MemberName member={row.member} /> <span class="muted">· {fmt.date(row.since)}</span>
                </p>
                <Note row={row} />
                <ButtonForm
                  action={`/network/requests/${row.id}/accept`}
                  about={row.member.name}
                  label={t('network.accept')}
                />{' '}
                <ButtonForm
                  action={`/network/requests/${row.id}/decline`}
                  about={row.member.name}
                  label={t('network.decline')}
                  secondary
                />{' '}
                <ButtonForm
                  action={`/network/members/${row.member.id}/block`}
                  about={row.member.name}
                  label={t('network.block')}
                  secondary
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="connections">
        <h2 id="connections">{t('network.connections', { count: connections.length })}</h2>
        {connections.length === 0 ? (
          <p class="empty">{t('network.noConnections')}</p>
        ) : (
          <ul class="network-list">
            {connections.map((row) => (
              <li>
                <p>
                  <MemberName member={row.member} />{' '}
                  <span class="muted">· {t('network.connectedSince', { date: fmt.date(row.since) })}</span>
                </p>
                <a
                  aria-label={`${t('network.write')}: ${row.member.name}`}
                  class="button small"
                  href={
                    row.conversationId
                      ? `/network/messages/${row.conversationId}`
                      : `/network/members/${row.member.id}/write`
                  }
                >
                  {t('network.write')}
                </a>{' '}
                <ButtonForm
                  action={`/network/members/${row.member.id}/remove`}
                  about={row.member.name}
                  label={t('network.remove')}
                  secondary
                />{' '}
                <ButtonForm
                  action={`/network/members/${row.member.id}/block`}
                  about={row.member.name}
                  label={t('network.block')}
                  secondary
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {outgoing.length > 0 && (
        <section aria-labelledby="outgoing">
          <h2 id="outgoing">{t('network.outgoing', { count: outgoing.length })}</h2>
          <ul class="network-list">
            {outgoing.map((row) => (
              <li>
                <p>
                  <MemberName member={row.member} /> <span class="muted">· {fmt.date(row.since)}</span>
                </p>
                <ButtonForm
                  action={`/network/requests/${row.id}/withdraw`}
                  about={row.member.name}
                  label={t('network.withdraw')}
                  secondary
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {blocked.length > 0 && (
        <section aria-labelledby="blocked">
          <h2 id="blocked">{t('network.blocked')}</h2>
          <ul class="network-list">
            {blocked.map((member) => (
              <li>
                <p>{member.name}</p>
                <ButtonForm
                  action={`/network/members/${member.id}/unblock`}
                  about={member.name}
                  label={t('network.unblock')}
                  secondary
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
