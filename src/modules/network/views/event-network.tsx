// /events/:slug/network: for the event's participants only, the people who agreed to be seen (with
// a way to connect), and the network among them as a drawing and a table.
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { MetPerson, NetworkEvent, NetworkGroup, NetworkLink } from '../event-network.ts';
import { NetworkGraph } from './network-graph.tsx';

export function EventNetworkView(props: {
  event: NetworkEvent;
  people: MetPerson[];
  groups: NetworkGroup[];
  links: NetworkLink[];
}) {
  const { t, fmt, user } = usePage();
  const { event, people } = props;
  return (
    <div class="wrap stack">
      <p>
        <a href={`/events/${event.slug}`}>{event.title}</a>
      </p>
      <PageHead title={t('network.metAtTitle', { event: event.title })} />
      <p class="hint">{t('network.metAtIntro')}</p>
      {people.length === 0 ? (
        <p class="empty">{t('network.nobodyConsented')}</p>
      ) : (
        <>
          <h2>{t('network.graphTitle')}</h2>
          <NetworkGraph
            groups={props.groups}
            links={props.links}
            title={t('network.graphDescription', { count: people.length, groups: props.groups.length })}
          />
          <h2>{t('network.whoTookPart', { count: people.length })}</h2>
          <ul class="network-list">
            {people.map((p) => (
              <li>
                <p>
                  {p.personSlug ? <a href={`/directory/people/${p.personSlug}`}>{p.name}</a> : p.name}
                  {p.organisation && <span class="muted"> · {p.organisation}</span>}
                  {p.country && <span class="muted"> · {fmt.country(p.country)}</span>}
                </p>
                {p.userId && p.userId !== user?.id && (
                  <a class="button small secondary" href={`/network/members/${p.userId}/connect`}>
                    {t('network.connect')}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
