// A country's page: its status towards the 2005 Convention, then what each module holds about it
// (its blocks: organisations and hubs, focal points and country team, laws and policies, events,
// press, news, measures), each leading on to the module's list filtered by the country.
import type { LoadedBlock } from '../../../platform/blocks.ts';
import { Breadcrumb, PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { CountryStatus } from '../access.ts';
import { StatusSection } from './status.tsx';

export function CountryView(props: {
  code: string;
  status: CountryStatus | null;
  mayEdit: boolean;
  blocks: LoadedBlock[];
}) {
  const { t, fmt } = usePage();
  return (
    <div class="wrap">
      <Breadcrumb trail={[{ href: '/countries', label: t('countries.title') }]} />
      <PageHead title={fmt.country(props.code)} />
      <StatusSection
        status={props.status}
        editHref={props.mayEdit ? `/countries/${props.code}/status` : undefined}
      />
      {props.blocks.length > 0 ? (
        <div class="blocks">{props.blocks.map((b) => b.draw())}</div>
      ) : (
        <p class="muted">{t('countries.nothingYet')}</p>
      )}
    </div>
  );
}
