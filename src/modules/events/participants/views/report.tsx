// The event report: the key figures computed from the roster — participants (observers apart),
// countries, the share of women among those who stated a gender, categories, kinds of organisation
// and attendance per day — as sentences, small SVG charts with their tables, and exports; and the
// summary of the feedback when the reader may see it.

import type { LoadedBlock } from '../../../../platform/blocks.ts';
import { BarChart, type ChartRow, formatShare } from '../../../../ui/components/charts.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import { fullDate } from '../../format.ts';
import type { FeedbackSummary } from '../feedback.ts';
import type { KeyFigures } from '../figures.ts';
import { FeedbackSummaryView } from './feedback.tsx';
import { EventCrumbs, EventHeading } from './parts.tsx';

/** "21 participants from 11 countries, 62 % of them women" — the sentence of the published reports. */
export function KeySentence({ figures }: { figures: KeyFigures }) {
  const { t, locale } = usePage();
  const f = figures;
  return (
    <>
      <p class="lead key-figures">
        {t('participants.keySentence', { participants: f.participants, countries: f.countries.length })}
        {f.womenShare !== null &&
          `, ${t('participants.womenSentence', { share: formatShare(locale, f.womenShare) })}`}
        .
      </p>
      {f.womenShare !== null && (
        <p class="hint">
          {t('participants.womenBase', {
            women: f.gender.woman,
            stated: f.genderStated,
            participants: f.participants,
          })}
        </p>
      )}
      <p>{t('participants.observersSentence', { observers: f.observers })}</p>
    </>
  );
}

/** One breakdown of the figures: its heading, a hint, the chart and its table. */
function ChartSection(props: {
  id: string;
  title: string;
  hint?: string;
  labelHeading: string;
  total: number;
  rows: ChartRow[];
}) {
  const { t } = usePage();
  return (
    <section aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.hint && <p class="hint">{props.hint}</p>}
      <BarChart {...props} countHeading={t('participants.count')} />
    </section>
  );
}

export function ReportView(props: {
  event: EventDetails;
  figures: KeyFigures;
  organiser: boolean;
  /** The figures are public (the event is held); otherwise only the organisers see this page. */
  isPublic: boolean;
  feedback: FeedbackSummary | null;
  /** What other modules collected at the event (platform/context.ts, eventReportBlocks). */
  blocks?: LoadedBlock[];
}) {
  const { t, fmt, locale } = usePage();
  const { event, figures: f } = props;
  const base = `/events/${event.slug}`;
  const collator = new Intl.Collator(locale);
  const countryNames = f.countries.map((c) => fmt.country(c.key)).sort(collator.compare);
  const unknown = (n: number) => (n ? [{ label: t('participants.notKnown'), value: n }] : []);
  // Each breakdown of the participants, when there is something to break down.
  const sections = [
    {
      id: 'chart-countries',
      title: t('participants.byCountry'),
      labelHeading: t('field.country'),
      rows: [
        ...f.countries.map((c) => ({ label: fmt.country(c.key), value: c.count })),
        ...unknown(f.countryUnknown),
      ],
      shown: true,
    },
    {
      id: 'chart-gender',
      title: t('participants.byGender'),
      hint: t('participants.genderAggregate'),
      labelHeading: t('participants.genderLabel'),
      rows: (['woman', 'man', 'another', 'unstated'] as const).map((g) => ({
        label: t(`vocab.gender.${g}`),
        value: f.gender[g],
      })),
      shown: true,
    },
    {
      id: 'chart-categories',
      title: t('participants.byCategory'),
      labelHeading: t('participants.category'),
      rows: [
        ...f.categories.map((c) => ({ label: c.label, value: c.count, lang: event.lang })),
        ...unknown(f.uncategorised),
      ],
      shown: f.categories.length > 0,
    },
    {
      id: 'chart-kinds',
      title: t('participants.byKind'),
      labelHeading: t('participants.organisationKind'),
      rows: [
        ...f.kinds.map((k) => ({ label: t(`vocab.organisationKind.${k.key}`), value: k.count })),
        ...unknown(f.kindUnknown),
      ],
      shown: f.kinds.length > 0,
    },
    {
      id: 'chart-attendance',
      title: t('participants.attendance'),
      labelHeading: t('participants.day'),
      rows: f.attendance.map((d) => ({ label: fullDate(locale, d.date), value: d.participants })),
      shown: f.attendance.length > 0,
    },
  ];
  return (
    <div class="wrap report">
      <EventCrumbs event={event} />
      <EventHeading event={event} heading={t('participants.reportTitle')} />
      {!props.isPublic && <p class="notice warning">{t('participants.reportNotPublic')}</p>}
      {f.participants + f.observers === 0 ? (
        <p class="notice">{t('participants.noFigures')}</p>
      ) : (
        <>
          <KeySentence figures={f} />
          {countryNames.length > 0 && (
            <p>
              <strong>{t('participants.countriesLabel')}:</strong>{' '}
              {new Intl.ListFormat(locale).format(countryNames)}
            </p>
          )}
          {sections
            .filter((section) => section.shown)
            .map(({ shown: _, ...section }) => (
              <ChartSection {...section} total={f.participants} />
            ))}
        </>
      )}
      <section aria-labelledby="exports-h" class="no-print">
        <h2 id="exports-h">{t('participants.exports')}</h2>
        <p>
          {t('participants.exportFigures')}: <a href={`${base}/report.csv`}>CSV</a> ·{' '}
          <a href={`${base}/report.xlsx`}>XLSX</a>
        </p>
        {props.organiser && (
          <p>
            {t('participants.exportRoster')}: <a href={`${base}/roster.csv`}>CSV</a> ·{' '}
            <a href={`${base}/roster.xlsx`}>XLSX</a> ·{' '}
            <a href={`${base}/roster`}>{t('participants.rosterTitle')}</a>
          </p>
        )}
      </section>
      {props.feedback && props.feedback.questions.length > 0 && (
        <section aria-labelledby="feedback-h">
          <h2 id="feedback-h">{t('participants.feedbackSummary')}</h2>
          <FeedbackSummaryView summary={props.feedback} />
        </section>
      )}
      {props.blocks && props.blocks.length > 0 && (
        <div class="blocks">{props.blocks.map((b) => b.draw())}</div>
      )}
    </div>
  );
}
