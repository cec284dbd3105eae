// The QPR's block on a country's page (/countries/<code>): the reports the country submitted and
// chose to publish. A draft never shows there.
import type { BlockContext, CountryRef, PageBlock } from '../../platform/context.ts';
import { Block, BlockItem, BlockList } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import { reportPath } from './access.ts';

interface PublishedReports {
  country: string;
  reports: { cycle: string; submitted_at: string | null }[];
}

async function loadPublished(ctx: BlockContext, country: CountryRef): Promise<PublishedReports | null> {
  const reports = await ctx.deps.db
    .selectFrom('qpr_reports')
    .select(['cycle', 'submitted_at'])
    .where('country', '=', country.code)
    .where('status', '=', 'submitted')
    .where('published', '=', 1)
    .orderBy('cycle', 'desc')
    .execute();
  return reports.length ? { country: country.code, reports } : null;
}

function PublishedBlock({ data }: { data: PublishedReports }) {
  const { t, fmt } = usePage();
  return (
    <Block id="country-qpr" title={t('qpr.countryBlock')}>
      <BlockList>
        {data.reports.map((r) => (
          <BlockItem
            href={`${reportPath({ country: data.country, cycle: r.cycle })}/print`}
            title={t('qpr.reportTitle', { country: fmt.country(data.country), cycle: r.cycle })}
            meta={t('qpr.submittedShort', { date: fmt.date(r.submitted_at) })}
          />
        ))}
      </BlockList>
    </Block>
  );
}

export const countryReportsBlock: PageBlock<PublishedReports, [CountryRef]> = {
  id: 'qpr-reports',
  order: 26,
  load: loadPublished,
  view: (data) => <PublishedBlock data={data} />,
};
