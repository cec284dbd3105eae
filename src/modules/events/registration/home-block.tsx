// What waits for a signed-in member on the home page: their registrations and applications, the
// coming events first, each with its status (docs/home.md).
import type { PageBlock } from '../../../platform/context.ts';
import { todayIn } from '../../../platform/time.ts';
import { Block, BlockList } from '../../../ui/components/block.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { dateRange } from '../format.ts';
import { applicationsOfUser, type OwnApplication } from './applications.ts';
import { StatusBadge } from './views/parts.tsx';

const SHOWN = 3;

export const applicationsHomeBlock: PageBlock<{ shown: OwnApplication[]; total: number }> = {
  id: 'home-applications',
  order: 3,
  load: async (ctx) => {
    if (!ctx.viewer) return null;
    const all = await applicationsOfUser(ctx.deps.db, ctx.viewer);
    if (!all.length) return null;
    const today = todayIn(ctx.timeZone);
    // Coming events first (soonest first), then the latest past ones.
    const coming = all.filter((a) => a.event.ends_on >= today).reverse();
    const past = all.filter((a) => a.event.ends_on < today);
    return { shown: [...coming, ...past].slice(0, SHOWN), total: all.length };
  },
  view: (data) => <ApplicationsBlock {...data} />,
};

function ApplicationsBlock(props: { shown: OwnApplication[]; total: number }) {
  const { t, locale } = usePage();
  return (
    <Block
      id="home-applications"
      title={t('registration.myApplications')}
      more={{ href: '/account/applications', label: t('registration.allMine', { count: props.total }) }}
    >
      <BlockList>
        {props.shown.map((a) => (
          <li>
            <a href={`/events/${a.event.slug}/application`}>{a.event.title}</a>{' '}
            <StatusBadge status={a.status} />
            <span class="muted"> · {dateRange(locale, a.event.starts_on, a.event.ends_on)}</span>
          </li>
        ))}
      </BlockList>
    </Block>
  );
}
