// The network of an event's participants drawn on the server: one circle per group (country × kind
// of organisation), its size the number of people, its colour the kind; a line between two groups
// where some of their people are connected or share an organisation, thicker for more. The
// viewBox scales it to any width (readable at 360 px); the table beside it holds the same data
// for screen readers and for anyone who prefers numbers.
import type { OrganisationKind } from '../../../platform/vocabularies.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { NetworkGroup, NetworkLink } from '../event-network.ts';

const SIZE = 400;
const CENTRE = SIZE / 2;
/** Colours with enough contrast on white, one per kind of organisation (grey: not stated). */
const KIND_COLOURS: Record<string, string> = {
  government: '#1f5fa8',
  cso: '#2e7d32',
  creative_hub: '#b2400f',
  association: '#6a3d9a',
  enterprise: '#8a6d00',
  artisan_group: '#a0306b',
  academic: '#00707a',
  international: '#5d4037',
  media: '#37474f',
};
const NONE = '#757575';

export const colourOf = (kind: string | null) => (kind ? (KIND_COLOURS[kind] ?? NONE) : NONE);

/** Where each group sits: evenly round a circle, the largest first (at the top). */
export function layout(groups: NetworkGroup[]) {
  const ring = groups.length === 1 ? 0 : SIZE / 2 - 60;
  const max = Math.max(1, ...groups.map((g) => g.count));
  return new Map(
    groups.map((g, i) => {
      const angle = (2 * Math.PI * i) / groups.length - Math.PI / 2;
      return [
        g.key,
        {
          x: Math.round(CENTRE + ring * Math.cos(angle)),
          y: Math.round(CENTRE + ring * Math.sin(angle)),
          r: Math.round(10 + 18 * Math.sqrt(g.count / max)),
        },
      ];
    }),
  );
}

export function NetworkGraph(props: { groups: NetworkGroup[]; links: NetworkLink[]; title: string }) {
  const { t, fmt } = usePage();
  const { groups, links } = props;
  if (groups.length === 0) return null;
  const at = layout(groups);
  const kindName = (kind: string | null) =>
    kind ? t(`vocab.organisationKind.${kind as OrganisationKind}`) : t('network.kindNotStated');
  const countryName = (country: string | null) =>
    country ? fmt.country(country) : t('network.countryNotStated');
  const inside = new Map(links.filter((l) => l.from === l.to).map((l) => [l.from, l.weight]));
  return (
    <div class="network-graph">
      <svg role="img" aria-labelledby="network-graph-title" viewBox={`0 0 ${SIZE} ${SIZE}`} font-size="14">
        <title id="network-graph-title">{props.title}</title>
        {links
          .filter((l) => l.from !== l.to)
          .map((l) => {
            const a = at.get(l.from);
            const b = at.get(l.to);
            return a && b ? (
              <line
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                stroke="#555"
                stroke-opacity="0.6"
                stroke-width={Math.min(8, 1 + l.weight)}
              />
            ) : null;
          })}
        {groups.map((g) => {
          const p = at.get(g.key);
          if (!p) return null;
          return (
            <g>
              <title>{`${countryName(g.country)} · ${kindName(g.kind)}: ${fmt.number(g.count)}`}</title>
              {inside.has(g.key) && (
                <circle
                  cx={p.x}
                  cy={p.y}
                  r={p.r + 4}
                  fill="none"
                  stroke={colourOf(g.kind)}
                  stroke-width="2"
                />
              )}
              <circle cx={p.x} cy={p.y} r={p.r} fill={colourOf(g.kind)} />
              <text x={p.x} y={p.y + 5} text-anchor="middle" fill="#fff" font-weight="bold">
                {fmt.number(g.count)}
              </text>
              <text x={p.x} y={p.y + p.r + 16} text-anchor="middle" fill="currentColor">
                {g.country ?? '–'}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="table-scroll">
        <table>
          <caption>{t('network.groupsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.country')}</th>
              <th scope="col">{t('network.kind')}</th>
              <th scope="col">{t('network.people')}</th>
              <th scope="col">{t('network.linkedTo')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => {
              const linked = links
                .filter((l) => l.from !== l.to && (l.from === g.key || l.to === g.key))
                .map((l) => groups.find((o) => o.key === (l.from === g.key ? l.to : l.from)))
                .flatMap((o) => (o ? [`${o.country ?? '–'} · ${kindName(o.kind)}`] : []));
              return (
                <tr>
                  <td>
                    <span class="swatch" style={`background:${colourOf(g.kind)}`} aria-hidden="true" />{' '}
                    {countryName(g.country)}
                  </td>
                  <td>{kindName(g.kind)}</td>
                  <td>{fmt.number(g.count)}</td>
                  <td>{linked.join('; ') || '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
