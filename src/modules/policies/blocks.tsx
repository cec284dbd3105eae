// The policies' blocks on other pages (docs/home.md): a country's measures by goal and by value-chain
// stage on its page (/countries/<code>), the count of measures per country for /countries, and the
// measures presented at an event on the event's report.

import type { BlockContext, CountryFigure, CountryRef, EventRef, PageBlock } from '../../platform/context.ts';
import { VALUE_CHAIN_STAGES } from '../../platform/vocabularies.ts';
import { Block } from '../../ui/components/block.tsx';
import { BarChart } from '../../ui/components/charts.tsx';
import { usePage } from '../../ui/page-context.ts';
import { mayLinkEvent } from './actions.ts';
import { countsOf, measuresPerCountry } from './counts.ts';
import { type EventMeasure, measuresOfEvent } from './listing.ts';
import { GOALS } from './vocab.ts';

export interface CountryMeasures {
  country: string;
  total: number;
  goals: { code: string; count: number }[];
  stages: { code: string; count: number }[];
}

/** A country's measures counted by goal and by stage; null when it has none. */
export async function loadCountryMeasures(
  ctx: BlockContext,
  country: CountryRef,
): Promise<CountryMeasures | null> {
  const counts = (await countsOf(ctx.deps.db, [country.code])).get(country.code);
  if (!counts?.total) return null;
  const of = (kind: string, codes: readonly string[]) =>
    codes.map((code) => ({ code, count: counts.byCode[kind]?.[code] ?? 0 }));
  return {
    country: country.code,
    total: counts.total,
    goals: of('goal', GOALS),
    stages: of('stage', VALUE_CHAIN_STAGES),
  };
}

function CountryMeasuresBlock({ data }: { data: CountryMeasures }) {
  const { t } = usePage();
  return (
    <Block
      id="country-measures"
      title={t('policies.title')}
      more={{
        href: `/measures?country=${data.country}`,
        label: t('policies.allMeasures', { count: data.total }),
      }}
    >
      <div class="chart-grid">
        <BarChart
          id="country-measures-goals"
          title={t('policies.perGoal')}
          rows={data.goals.map((g) => ({ label: t(`policies.goal.${g.code}` as never), value: g.count }))}
          total={data.total}
          labelHeading={t('policies.goal')}
          countHeading={t('policies.measuresCount')}
        />
        <BarChart
          id="country-measures-stages"
          title={t('policies.perStage')}
          rows={data.stages.map((s) => ({ label: t(`vocab.stage.${s.code}` as never), value: s.count }))}
          total={data.total}
          labelHeading={t('policies.stage')}
          countHeading={t('policies.measuresCount')}
        />
      </div>
    </Block>
  );
}

export const countryMeasuresBlock: PageBlock<CountryMeasures, [CountryRef]> = {
  id: 'country-measures',
  order: 30,
  load: loadCountryMeasures,
  view: (data) => <CountryMeasuresBlock data={data} />,
};

export const measuresFigure: CountryFigure = {
  id: 'measures',
  order: 20,
  label: 'policies.figure',
  href: (code) => `/measures?country=${code}`,
  counts: (ctx) => measuresPerCountry(ctx.deps.db),
};

interface EventMeasures {
  event: EventRef;
  measures: EventMeasure[];
  /** The reader was there (on the roster), organises it or edits the hub: they may add a measure presented there. */
  mayAdd?: boolean;
}

function EventMeasuresBlock({ data }: { data: EventMeasures }) {
  const { t, fmt } = usePage();
  return (
    <Block
      id="event-measures"
      title={t('policies.presentedHere')}
      more={{
        href: `/measures?event=${data.event.slug}`,
        label: t('policies.allMeasures', { count: data.measures.length }),
      }}
    >
      <ul class="plain stack">
        {data.measures.map((m) => (
          <li>
            <a href={`/measures/${m.id}`} lang={m.lang}>
              {m.title}
            </a>{' '}
            <span class="muted">
              — {fmt.country(m.country)}
              {m.author && <>, {m.author}</>}
            </span>
          </li>
        ))}
      </ul>
      {data.mayAdd && (
        <p>
          <span class="hint">{t('policies.addPresentedHint')}</span>{' '}
          <a class="button secondary" href={`/measures/new?event=${encodeURIComponent(data.event.slug)}`}>
            {t('policies.addPresented')}
          </a>
        </p>
      )}
    </Block>
  );
}

export const eventMeasuresBlock: PageBlock<EventMeasures, [EventRef]> = {
  id: 'event-measures',
  order: 30,
  load: async (ctx, event) => {
    const measures = await measuresOfEvent(ctx.deps.db, event.id);
    return measures.length ? { event, measures } : null;
  },
  view: (data) => <EventMeasuresBlock data={data} />,
};

/** On the event's page: the measures presented there, and for its participants and organisers the way to add theirs. */
export const eventPageMeasuresBlock: PageBlock<EventMeasures, [EventRef]> = {
  id: 'event-measures',
  order: 30,
  load: async (ctx, event) => {
    const viewer = ctx.viewer;
    const [measures, mayAdd] = await Promise.all([
      measuresOfEvent(ctx.deps.db, event.id),
      viewer ? mayLinkEvent(ctx.deps.db, viewer, event.id) : false,
    ]);
    return measures.length || mayAdd ? { event, measures, mayAdd } : null;
  },
  view: (data) => <EventMeasuresBlock data={data} />,
};
