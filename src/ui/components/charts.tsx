// Small bar charts drawn on the server as SVG, for any module's figures (an event's report, the
// QPR, skills mapping, M&E dashboards): no script, nothing to download, and readable in print.
// Each chart is an image with a title for screen readers (role="img", <title>), and the same
// numbers follow as a table, so nothing is only in the picture. Colours come from the text colour
// (currentColor), so the charts follow the light and dark schemes without a stylesheet of their own
// (the page's CSP allows no inline styles).
import { usePage } from '../page-context.ts';

export interface ChartRow {
  label: string;
  value: number;
  /** The label's language, when it is not the page's (a category written in Lao). */
  lang?: string;
}

// Building an Intl formatter costs far more than using one (a report formats dozens of shares):
// one per locale, made when first needed.
const percentFormats = new Map<string, Intl.NumberFormat>();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** "62 %" in the reader's language and number format. */
export function formatShare(locale: string, share: number): string {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(locale, format);
  }
  return format.format(share);
}

const WIDTH = 320;
const ROW = 34;
const BAR = 12;
/** Room left of the bars' ends for the number. */
const VALUE_ROOM = 48;
const MAX_LABEL = 44;

/** A label cut to what fits on the chart's line, between whole characters (the table has it in full). */
function shortLabel(label: string): string {
  if (label.length <= MAX_LABEL) return label;
  const parts = [...graphemes.segment(label)];
  return parts.length <= MAX_LABEL
    ? label
    : `${parts
        .slice(0, MAX_LABEL - 1)
        .map((g) => g.segment)
        .join('')}…`;
}

export function BarChart(props: {
  id: string;
  title: string;
  rows: ChartRow[];
  /** What the shares are of (the participants); no share column when absent. */
  total?: number;
  /** The table's first column heading. */
  labelHeading: string;
  countHeading: string;
}) {
  const { t, fmt, locale } = usePage();
  const rows = props.rows;
  if (rows.length === 0) return null;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * ROW + 4;
  const titleId = `${props.id}-title`;
  return (
    <div class="chart" id={props.id}>
      <svg
        role="img"
        aria-labelledby={titleId}
        width={WIDTH}
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        fill="currentColor"
        font-size="12"
      >
        <title id={titleId}>{props.title}</title>
        {rows.map((row, i) => {
          const y = i * ROW;
          const length = Math.round((row.value / max) * (WIDTH - VALUE_ROOM));
          return (
            <g>
              <text x="0" y={y + 12} lang={row.lang}>
                {shortLabel(row.label)}
              </text>
              <rect
                x="0"
                y={y + 17}
                width={Math.max(length, row.value > 0 ? 2 : 0)}
                height={BAR}
                fill-opacity="0.7"
              />
              <text x={length + 6} y={y + 27}>
                {fmt.number(row.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeading}</th>
              <th scope="col">{props.countHeading}</th>
              {props.total !== undefined && <th scope="col">{t('chart.share')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row" lang={row.lang}>
                  {row.label}
                </th>
                <td>{fmt.number(row.value)}</td>
                {props.total !== undefined && (
                  <td>{props.total > 0 ? formatShare(locale, row.value / props.total) : '–'}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
